// Coding: applying, moving and removing codings; memos on anything.

import { z } from 'zod';
import { route } from '../route.ts';
import * as s from '../schemas.ts';

const P = '/api/projects/:projectId';

export const codingRoutes = [
  route({
    method: 'POST', url: `${P}/codings`, tag: 'coding', summary: 'Code a passage (code points, end exclusive); coding it again is a no-op',
    params: s.projectParams, body: s.newCoding, status: 201, response: s.codedSegment,
    handler: async ({ project, body }) => (await project()).applyCode(body),
  }),
  route({
    method: 'PATCH', url: `${P}/codings/:id`, tag: 'coding', summary: 'Move a coding’s boundaries (409 if the passage changed since `segmentVersion`)',
    params: s.withId, body: s.codingPatch, response: s.codedSegment,
    handler: async ({ project, params, body }) => (await project()).resizeCoding(params.id, body.start, body.end, body.segmentVersion),
  }),
  route({
    method: 'GET', url: `${P}/segments/:id`, tag: 'coding', summary: 'A coded or annotated passage: its document, range and quote',
    params: s.withId, response: s.segment,
    handler: async ({ project, params }) => (await project()).getSegment(params.id),
  }),
  route({
    method: 'DELETE', url: `${P}/codings/:id`, tag: 'coding', summary: 'Remove a coding', params: s.withId, status: 204,
    handler: async ({ project, params }) => (await project()).removeCoding(params.id),
  }),
  route({
    method: 'GET', url: `${P}/memos`, tag: 'memos', summary: 'All memos', params: s.projectParams, response: z.array(s.memo),
    handler: async ({ project }) => (await project()).listMemos(),
  }),
  route({
    method: 'POST', url: `${P}/memos`, tag: 'memos', summary: 'Write a memo on the project, a document, case, code or segment',
    params: s.projectParams, body: s.newMemo, status: 201, response: s.memo,
    handler: async ({ project, body }) => (await project()).addMemo(body),
  }),
  route({
    method: 'PATCH', url: `${P}/memos/:id`, tag: 'memos', summary: 'Edit a memo (409 if `version` is stale)',
    params: s.withId, body: s.memoPatch, response: s.memo,
    handler: async ({ project, params, body }) => {
      const { version, ...patch } = body;
      return (await project()).updateMemo(params.id, patch, version);
    },
  }),
  route({
    method: 'DELETE', url: `${P}/memos/:id`, tag: 'memos', summary: 'Delete a memo', params: s.withId, status: 204,
    handler: async ({ project, params }) => (await project()).deleteMemo(params.id),
  }),
];
