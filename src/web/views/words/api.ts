// The word frequency route, for this view.

import type { Language } from '../../../core/model.ts';
import type { WordFrequencies } from '../../../analysis/words.ts';
import { call, q } from '../../api.ts';
import type { DownloadFormat } from '../../analysis-api.ts';

export interface WordRequest {
  siteId?: string;
  /** name=value */
  attribute?: string;
  language?: Language;
  stem?: boolean;
  ngram?: number;
  top?: number;
  excludeInterviewer?: boolean;
}

/** Where the browser downloads the terms (CSV, XLSX) or a chart (SVG, PNG: the bars, or the cloud). */
export const wordsDownloadUrl = (projectId: string, request: WordRequest, format: DownloadFormat, chart?: 'cloud') =>
  `/api/projects/${encodeURIComponent(projectId)}/words${q({ ...request, format, chart })}`;

export const wordFrequenciesOf = (projectId: string, request: WordRequest) =>
  call<WordFrequencies>('GET', `/projects/${encodeURIComponent(projectId)}/words${q({ ...request })}`);
