// The case profile route, for this view.

import type { CaseProfile } from '../../../analysis/case-profile.ts';
import { call, q } from '../../api.ts';

/** Where the browser downloads the profile's table. */
export const caseProfileUrl = (projectId: string, caseId: string, options: { quotes?: number; coderId?: string }, format: 'csv' | 'xlsx') =>
  `/api/projects/${encodeURIComponent(projectId)}/cases/${encodeURIComponent(caseId)}/profile${q({ ...options, format })}`;

export const caseProfileOf = (projectId: string, caseId: string, options: { quotes?: number; coderId?: string } = {}) =>
  call<CaseProfile>('GET', `/projects/${encodeURIComponent(projectId)}/cases/${encodeURIComponent(caseId)}/profile${q({ ...options })}`);
