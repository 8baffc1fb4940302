// The coding query route, for this view.

import type { CodingQueryResult } from '../../../analysis/coding-query.ts';
import { call, q } from '../../api.ts';

export interface QueryFilters {
  siteId?: string;
  /** name=value */
  attribute?: string;
  documentId?: string;
  coderId?: string;
  excludeInterviewer?: boolean;
}

/** Where the browser downloads a query's passages as a table. */
export const codingQueryDownloadUrl = (projectId: string, query: string, filters: QueryFilters, format: 'csv' | 'xlsx') =>
  `/api/projects/${encodeURIComponent(projectId)}/coding-query${q({ q: query, ...filters, format })}`;

/** Runs a query written in the query syntax; a syntax error or unknown code is ApiError 'invalid' with the reason. */
export const runCodingQuery = (projectId: string, query: string, filters: QueryFilters) =>
  call<CodingQueryResult>('GET', `/projects/${encodeURIComponent(projectId)}/coding-query${q({ q: query, ...filters })}`);
