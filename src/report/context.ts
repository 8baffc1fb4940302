// What every section of the report is built from: the project read once, the
// translated messages and formatters, and small block helpers the sections share.

import type { Language, UserId } from '../core/model.ts';
import type { ReportDraft } from '../core/findings.ts';
import type { ProjectStore } from '../store/store.ts';
import type { Study } from '../analysis/scope.ts';
import type { SiteComparison } from '../analysis/site-comparison.ts';
import type { ReportFormatter } from './format.ts';
import type { Count, ReportMessages } from './messages.ts';
import type { Block, TableCell } from './model.ts';

export interface ReportContext {
  project: ProjectStore;
  lang: Language;
  t: ReportMessages;
  f: ReportFormatter;
  study: Study;
  /** Share of cases per site for every theme (compareSites over the whole codebook). */
  comparison: SiteComparison;
  draft: ReportDraft;
  /** Only this coder's codings count in prevalence, needs and barriers. */
  coderId?: UserId;
}

export const count = (f: ReportFormatter, n: number): Count => ({ n, text: f.number(n) });

/** The analyst's text as paragraphs: a blank line separates them. */
export const paragraphs = (text: string): Block[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p): Block => ({ kind: 'paragraph', text: p }));

/** Cases and their share of the site's coded cases: "3 (45 %)", or a dash where nothing is coded. */
export function casesShareCell(ctx: ReportContext, cases: number, share: number | null): TableCell {
  const text = share === null ? ctx.t.nothingCoded : ctx.t.casesShare(ctx.f.number(cases), ctx.f.percent(share));
  return { text, numeric: true };
}
