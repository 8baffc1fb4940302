// Pure helpers of the report draft view: the analyst's text as an editable draft
// (and what changed in it), the recommendations list's edits, and the chosen
// quotes grouped under their themes in print order.

import type { ReportDraft } from '../../../core/findings.ts';
import type { ChosenQuote } from './api.ts';

export type TextDraft = Pick<ReportDraft, 'summary' | 'recommendations' | 'comparison'>;

export const textOf = (d: ReportDraft): TextDraft => ({ summary: d.summary, recommendations: [...d.recommendations], comparison: d.comparison });

/** The fields that differ (recommendations as a whole list; blank ones dropped, as the report would print them). */
export function textChanges(from: TextDraft, to: TextDraft): Partial<TextDraft> {
  const out: Partial<TextDraft> = {};
  if (from.summary !== to.summary) out.summary = to.summary;
  if (from.comparison !== to.comparison) out.comparison = to.comparison;
  const recommendations = to.recommendations.map((r) => r.trim()).filter(Boolean);
  if (recommendations.join('\u0000') !== from.recommendations.join('\u0000')) out.recommendations = recommendations;
  return out;
}

/** The list with item `i` moved by `delta` places (clamped to the list). */
export function moveItem<T>(list: readonly T[], i: number, delta: number): T[] {
  const to = Math.min(list.length - 1, Math.max(0, i + delta));
  const out = [...list];
  const [item] = out.splice(i, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}

export interface ThemeQuotes {
  codeId: string;
  quotes: ChosenQuote[];
}

/** Quotes under their theme, themes in order of first appearance, quotes by position within the theme. */
export function quotesByTheme(quotes: readonly ChosenQuote[]): ThemeQuotes[] {
  const themes = new Map<string, ChosenQuote[]>();
  for (const q of quotes) themes.set(q.quote.codeId, [...(themes.get(q.quote.codeId) ?? []), q]);
  return [...themes].map(([codeId, list]) => ({ codeId, quotes: list.sort((a, b) => a.quote.position - b.quote.position) }));
}
