// The codebook: codes with counts, creation, edits with optimistic concurrency,
// merging, deletion, and retrieval of everything coded with a code.

import { z } from 'zod';
import type { CodeWithCounts } from '../../core/read-models.ts';
import { retrieveSegments } from '../../analysis/retrieval.ts';
import { route } from '../route.ts';
import * as s from '../schemas.ts';

const P = '/api/projects/:projectId';
const tag = 'codebook';
const none = { codings: 0, segments: 0, documents: 0, cases: 0 };

export const codebookRoutes = [
  route({
    method: 'GET', url: `${P}/codes`, tag, summary: 'The code tree (parents first) with counts', params: s.projectParams,
    response: z.array(s.codeWithCounts),
    handler: async ({ project }) => {
      const p = await project();
      const [codes, counts] = await Promise.all([p.listCodes(), p.codeCounts()]);
      return codes.map((c): CodeWithCounts => ({ ...c, ...(counts.get(c.id) ?? { counts: none, totalCounts: none }) }));
    },
  }),
  route({
    method: 'POST', url: `${P}/codes`, tag, summary: 'Create a code or category', params: s.projectParams, body: s.newCode, status: 201,
    response: s.code,
    handler: async ({ project, body }) => (await project()).createCode(body),
  }),
  route({
    method: 'PATCH', url: `${P}/codes/:id`, tag, summary: 'Rename, recolour, redefine or move a code (409 if `version` is stale)',
    params: s.withId, body: s.codePatch, response: s.code,
    handler: async ({ project, params, body }) => {
      const { version, ...patch } = body;
      return (await project()).updateCode(params.id, patch, version);
    },
  }),
  route({
    method: 'DELETE', url: `${P}/codes/:id`, tag, summary: 'Delete a code with its codings (refused while it has children)', params: s.withId, status: 204,
    handler: async ({ project, params }) => (await project()).deleteCode(params.id),
  }),
  route({
    method: 'POST', url: `${P}/codes/:id/merge`, tag, summary: 'Merge this code into another: codings move, duplicates collapse',
    params: s.withId, body: s.mergeRequest, response: s.code,
    handler: async ({ project, params, body }) => (await project()).mergeCodes(params.id, body.into),
  }),
  route({
    method: 'GET', url: `${P}/codes/:id/segments`, tag, summary: 'Every passage coded with the code, with context, document, case and site',
    params: s.withId, query: s.retrievalQuery, response: z.array(s.retrievedSegment),
    handler: async ({ project, params, query }) => {
      const [name = '', ...rest] = query.attribute?.split('=') ?? [];
      return retrieveSegments(await project(), params.id, {
        ...(query.coderId ? { coderId: query.coderId } : {}),
        ...(query.siteId ? { siteId: query.siteId } : {}),
        ...(query.attribute ? { attribute: { name: name.trim(), value: rest.join('=') } } : {}),
        descendants: query.descendants === 'true',
      });
    },
  }),
];
