// What the analyst writes and chooses for the findings report: its summary,
// recommendations and the quotes it may print. The report never prints text the
// analyst has not chosen to quote, so quotes are an explicit, ordered selection.

import type { CodeId, SegmentId, Timestamp, UserId } from './model.ts';

export interface ReportQuote {
  segmentId: SegmentId;
  /** The theme the quote illustrates (the finding it is printed under). */
  codeId: CodeId;
  position: number;
  chosenBy: UserId;
}

export interface ReportDraft {
  summary: string;
  /** One recommendation per entry, in the order they are printed. */
  recommendations: string[];
  /** Analyst-written similarities and differences between sites, printed above the computed ones. */
  comparison: string;
  quotes: ReportQuote[];
  updatedAt: Timestamp | null;
  /** Bumped by every edit; 0 before the first. */
  version: number;
}
