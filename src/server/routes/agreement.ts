// Intercoder agreement of a project: per code and overall, with the disagreements
// a comparison view jumps to. Query lists are comma-separated ids.

import { z } from 'zod';
import { AGREEMENT_UNITS, projectAgreement } from '../../analysis/agreement.ts';
import { route } from '../route.ts';
import * as s from '../schemas.ts';

const P = '/api/projects/:projectId';
const tag = 'agreement';

const ids = z
  .string()
  .transform((v) => v.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(s.id));

export const agreementQuery = z.object({
  coders: ids.refine((list) => new Set(list).size >= 2, 'at least two different coder ids, comma-separated'),
  codes: ids.optional(),
  documents: ids.optional(),
  unit: z.enum(AGREEMENT_UNITS).optional(),
  onlyCoded: z.enum(['true', 'false']).optional(),
  overlap: z.coerce.number().gt(0).max(1).optional(),
});

export const agreementRoutes = [
  route({
    method: 'GET', url: `${P}/agreement`, tag,
    summary: 'Agreement between coders per code and overall (percent, Cohen’s or Fleiss’ kappa, Krippendorff’s alpha), with the disagreements',
    params: s.projectParams, query: agreementQuery,
    handler: async ({ project, query }) =>
      projectAgreement(await project(), {
        coderIds: query.coders,
        ...(query.codes ? { codeIds: query.codes } : {}),
        ...(query.documents ? { documentIds: query.documents } : {}),
        ...(query.unit ? { unit: query.unit } : {}),
        onlyCoded: query.onlyCoded === 'true',
        ...(query.overlap !== undefined ? { overlap: query.overlap } : {}),
      }),
  }),
];
