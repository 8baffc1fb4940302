// REFI-QDA exchange over HTTP: export the project or its codebook (the file, or
// the data-loss report of what REFI cannot carry), import a codebook into the
// project, and import a whole project as a new one.

import { fileStem } from '../../core/file-names.ts';
import { z } from 'zod';
import { exportQdc, exportQdpx } from '../../exchange/export.ts';
import { importQdc } from '../../exchange/import-codebook.ts';
import { importQdpx } from '../../exchange/import-project.ts';
import type { ExchangeReport } from '../../exchange/report.ts';
import { Download, route } from '../route.ts';
import * as s from '../schemas.ts';

const P = '/api/projects/:projectId';
const tag = 'exchange';
const EXPORTERS = { qdpx: exportQdpx, qdc: exportQdc } as const;
const MEDIA_TYPES = { qdpx: 'application/zip', qdc: 'application/xml' } as const;
const exportParams = z.object({ projectId: s.id, format: z.enum(['qdpx', 'qdc']) });

const entry = z.object({ what: z.string(), count: z.number(), reason: z.string(), examples: z.array(z.string()) });
export const exchangeReport: z.ZodType<ExchangeReport> = z.object({
  direction: z.enum(['import', 'export']),
  format: z.enum(['qdpx', 'qdc']),
  origin: z.string().nullable(),
  positions: z.string().optional(),
  counts: z.record(z.string(), z.number()),
  deviations: z.array(z.string()),
  changed: z.array(entry),
  dropped: z.array(entry),
});

export const exchangeRoutes = [
  route({
    method: 'GET', url: `${P}/exports/:format`, tag,
    summary: 'The project as a REFI-QDA project (.qdpx) or codebook (.qdc), as a file to save',
    params: exportParams,
    handler: async ({ project, params }) => {
      const p = await project();
      const { bytes } = await EXPORTERS[params.format](p);
      return new Download(`${fileStem((await p.get()).title)}.${params.format}`, MEDIA_TYPES[params.format], bytes);
    },
  }),
  route({
    method: 'GET', url: `${P}/exports/:format/report`, tag,
    summary: 'What an export carries and what REFI-QDA cannot (the data-loss report), without the file',
    params: exportParams, response: exchangeReport,
    handler: async ({ project, params }) => (await EXPORTERS[params.format](await project())).report,
  }),
  route({
    method: 'POST', url: `${P}/codebook/import`, tag,
    summary: 'Import a REFI-QDA codebook (.qdc, the request body) into the project; codes already there by name are matched',
    params: s.projectParams, body: 'raw', response: exchangeReport,
    handler: async ({ project, body }) => importQdc(await project(), body as Uint8Array),
  }),
  route({
    method: 'POST', url: '/api/projects/import', tag,
    summary: 'Import a REFI-QDA project (.qdpx or .qde, the request body) as a new project, with its data-loss report',
    query: z.object({ title: z.string().trim().min(1).max(200).optional() }), body: 'raw',
    response: z.object({ project: s.project, report: exchangeReport }),
    handler: async ({ store, query, body }) => {
      const { project, report } = await importQdpx(store, body as Uint8Array, { system: 'web' }, query.title ? { title: query.title } : {});
      return { project: await project.get(), report };
    },
  }),
];
