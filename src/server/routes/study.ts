// The study: projects, users, cases, attributes, guide, interviews, progress.

import { z } from 'zod';
import { studyProgress } from '../../analysis/documents.ts';
import { route } from '../route.ts';
import * as s from '../schemas.ts';

const P = '/api/projects/:projectId';
const tag = 'study';

export const studyRoutes = [
  route({
    method: 'GET', url: '/api/projects', tag, summary: 'All projects in this database',
    response: z.array(s.project),
    handler: ({ store }) => store.listProjects(),
  }),
  route({
    method: 'GET', url: P, tag, summary: 'A project with its counts', params: s.projectParams,
    response: z.object({ project: s.project, stats: s.projectStats }),
    handler: async ({ project }) => {
      const p = await project();
      return { project: await p.get(), stats: await p.stats() };
    },
  }),
  route({
    method: 'GET', url: `${P}/users`, tag, summary: 'Users and coders', params: s.projectParams,
    response: z.array(s.user),
    handler: async ({ project }) => (await project()).listUsers(),
  }),
  route({
    method: 'PATCH', url: `${P}/users/:id`, tag, summary: 'Set the interface language a user works in', params: s.withId, body: s.userPatch,
    response: s.user,
    handler: async ({ project, params, body }) => (await project()).setUserLanguage(params.id, body.language),
  }),
  route({
    method: 'GET', url: `${P}/cases`, tag, summary: 'Sites, organisations and participants with their attributes', params: s.projectParams,
    response: z.array(s.caseSchema),
    handler: async ({ project }) => (await project()).listCases(),
  }),
  route({
    method: 'GET', url: `${P}/attributes`, tag, summary: 'Case attribute definitions', params: s.projectParams,
    response: z.array(s.attributeDefinition),
    handler: async ({ project }) => (await project()).listAttributes(),
  }),
  route({
    method: 'GET', url: `${P}/guide`, tag, summary: 'The interview guide: issue areas and questions', params: s.projectParams,
    response: z.array(s.issueArea),
    handler: async ({ project }) => (await project()).guide(),
  }),
  route({
    method: 'GET', url: `${P}/interviews`, tag, summary: 'Interviews with their status', params: s.projectParams,
    response: z.array(s.interview),
    handler: async ({ project }) => (await project()).listInterviews(),
  }),
  route({
    method: 'GET', url: `${P}/progress`, tag, summary: 'Interview status per site and coding progress per coder', params: s.projectParams,
    response: s.progress,
    handler: async ({ project }) => studyProgress(await project()),
  }),
  route({
    method: 'GET', url: `${P}/changes`, tag, summary: 'The change log, oldest first, a page (1,000 at most) after `after`',
    params: s.projectParams, query: s.changesQuery, response: z.array(s.change),
    handler: async ({ project, query }) =>
      (await project()).changes({ ...(query.after !== undefined ? { afterSeq: query.after } : {}), ...(query.limit ? { limit: query.limit } : {}) }),
  }),
];
