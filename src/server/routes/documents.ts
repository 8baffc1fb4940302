// Documents: the list with where each comes from, one document with its text and
// turns, its codings, and import of a file through the import pipeline.

import { z } from 'zod';
import { documentRows } from '../../analysis/documents.ts';
import { importUpload } from '../../import/pipeline.ts';
import { route } from '../route.ts';
import * as s from '../schemas.ts';

const P = '/api/projects/:projectId';
const tag = 'documents';

export const documentRoutes = [
  route({
    method: 'GET', url: `${P}/documents`, tag, summary: 'Documents with case, organisation, site, interview status and coders',
    params: s.projectParams, response: z.array(s.documentRow),
    handler: async ({ project }) => documentRows(await project()),
  }),
  route({
    method: 'GET', url: `${P}/documents/:id`, tag, summary: 'A document with its text, speaker turns and pages', params: s.withId,
    response: s.documentSchema,
    handler: async ({ project, params }) => (await project()).getDocument(params.id),
  }),
  route({
    method: 'GET', url: `${P}/documents/:id/codings`, tag, summary: 'The codings of a document, in text order', params: s.withId,
    response: z.array(s.codedSegment),
    handler: async ({ project, params }) => {
      const p = await project();
      await p.getDocument(params.id);
      return p.listCodings({ documentId: params.id });
    },
  }),
  route({
    method: 'POST', url: `${P}/documents/import`, tag,
    summary: 'Import one file (the request body, application/octet-stream); the report says imported, duplicate or failed with the reason',
    params: s.projectParams, query: s.importQuery, body: 'raw', response: s.importOutcome,
    handler: async ({ project, query, body }) =>
      importUpload(await project(), { name: query.filename, bytes: body as Uint8Array }, {
        ...(query.case ? { caseName: query.case } : {}),
        ...(query.site ? { siteName: query.site } : {}),
      }),
  }),
];
