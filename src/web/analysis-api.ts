// The analysis routes for the search, matrix, co-occurrence and site-comparison
// views: one typed function per route, and where each table or chart downloads.

import type { CaseKind } from '../core/model.ts';
import type { RetrievedSegment } from '../core/read-models.ts';
import type { AutocodeResult, Widen } from '../analysis/autocode.ts';
import type { CooccurrenceResult } from '../analysis/cooccurrence.ts';
import type { MatrixCount, MatrixResult } from '../analysis/matrix.ts';
import type { KwicPage } from '../analysis/search.ts';
import type { SiteComparison } from '../analysis/site-comparison.ts';
import type { PassagePair } from '../core/read-models.ts';
import { call, q } from './api.ts';

export type { PassagePair };
export type DownloadFormat = 'csv' | 'xlsx' | 'svg' | 'png';

export interface SearchRequest {
  q: string;
  stem?: boolean;
  siteId?: string;
  /** name=value */
  attribute?: string;
  limit?: number;
  offset?: number;
}

export interface AutocodeRequest {
  query: string;
  codeId: string;
  coderId: string;
  widen: Widen;
  stem?: boolean;
  siteId?: string;
  attribute?: string;
  /** Count what would be coded, and code nothing. */
  dryRun?: boolean;
}

export type ColumnKind = CaseKind | 'attribute';

export interface MatrixRequest {
  /** A code: it and its sub-codes are the rows; default every code. */
  rows?: string;
  columns: ColumnKind;
  /** The attribute whose values are the columns (columns = attribute). */
  attribute?: string;
  count: MatrixCount;
  coderId?: string;
}

export interface CooccurrenceRequest {
  rows?: string;
  within?: number;
  top?: number;
  coderId?: string;
  siteId?: string;
  attribute?: string;
}

export interface SiteComparisonRequest {
  rows?: string;
  threshold: number;
  weak: number;
  coderId?: string;
}

type Params = Record<string, string | number | boolean | undefined>;
const withFormat = (params: object, format: DownloadFormat, extra: Params = {}) => q({ ...(params as Params), ...extra, format });

export function analysisApi(projectId: string) {
  const p = `/projects/${encodeURIComponent(projectId)}`;
  return {
    search: (r: SearchRequest) => call<KwicPage>('GET', `${p}/search${q({ ...r })}`),
    autocode: (r: AutocodeRequest) => call<AutocodeResult>('POST', `${p}/autocode`, r),

    matrix: (r: MatrixRequest) => call<MatrixResult>('GET', `${p}/matrix${q({ ...r })}`),
    /** The codings behind one cell: the row's code and its sub-codes, in the column's cases. */
    matrixCell: (r: MatrixRequest, codeId: string, column: string) =>
      call<RetrievedSegment[]>('GET', `${p}/matrix/cell${q({ ...r, codeId, column })}`),

    cooccurrence: (r: CooccurrenceRequest) => call<CooccurrenceResult>('GET', `${p}/cooccurrence${q({ ...r })}`),
    /** The pairs of passages behind one count. */
    cooccurrencePairs: (r: CooccurrenceRequest, a: string, b: string) =>
      call<PassagePair[]>('GET', `${p}/cooccurrence/pairs${q({ ...r, top: undefined, a, b })}`),

    siteComparison: (r: SiteComparisonRequest) => call<SiteComparison>('GET', `${p}/site-comparison${q({ ...r })}`),

    /** Where the browser downloads a table (csv, xlsx) or chart (svg, png). */
    downloadUrl: {
      search: (r: SearchRequest, format: DownloadFormat) => `/api${p}/search${withFormat({ ...r, limit: undefined, offset: undefined }, format)}`,
      matrix: (r: MatrixRequest, format: DownloadFormat) => `/api${p}/matrix${withFormat(r, format)}`,
      cooccurrence: (r: CooccurrenceRequest, format: DownloadFormat, table: 'matrix' | 'pairs' = 'matrix') =>
        `/api${p}/cooccurrence${withFormat(r, format, { table })}`,
      siteComparison: (r: SiteComparisonRequest, format: DownloadFormat) => `/api${p}/site-comparison${withFormat(r, format)}`,
    },
  };
}

export type AnalysisApi = ReturnType<typeof analysisApi>;
