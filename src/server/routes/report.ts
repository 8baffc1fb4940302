// The findings report as a file to save: HTML, DOCX or PDF, in English or French.

import { z } from 'zod';
import { buildReport, REPORT_FORMATS } from '../../report/report.ts';
import { Download, route } from '../route.ts';
import * as s from '../schemas.ts';

export const reportQuery = z.object({
  format: z.enum(REPORT_FORMATS),
  lang: s.language,
  /** Only this coder's codings count in prevalence, needs and barriers. */
  coder: s.id.optional(),
});

export const reportRoutes = [
  route({
    method: 'GET', url: '/api/projects/:projectId/report', tag: 'report',
    summary: 'The findings report (summary, methodology, findings by issue area, site comparison, needs and gaps, barriers, recommendations) as a file to save',
    params: s.projectParams, query: reportQuery,
    handler: async ({ project, query }) => {
      const p = await project();
      const coderId = query.coder ? (await p.findUser(query.coder)).id : undefined;
      const file = await buildReport(p, query.format, { lang: query.lang, ...(coderId ? { coderId } : {}) });
      return new Download(file.filename, file.mediaType, file.bytes);
    },
  }),
];
