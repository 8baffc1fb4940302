// The disagreement list: which ones to show, grouped per code, stepping through
// them, and which passages of the text each one points at.

import type { AgreementUnit, Disagreement } from '../../../analysis/agreement.ts';
import type { CodedSegment } from '../../../core/model.ts';

export const disagreementKey = (d: Disagreement): string => `${d.documentId}:${d.codeId}:${d.start}:${d.end}`;

/** Only one document's, one code's, or both (null: any). */
export function filterDisagreements(list: readonly Disagreement[], documentId: string | null, codeId: string | null): Disagreement[] {
  return list.filter((d) => (documentId === null || d.documentId === documentId) && (codeId === null || d.codeId === codeId));
}

export interface CodeGroup {
  codeId: string;
  label: string;
  items: Disagreement[];
}

/** Per code, codes by label; each code's disagreements in the order given (document, then position). */
export function groupByCode(list: readonly Disagreement[], label: (d: Disagreement) => string, compare: (a: string, b: string) => number): CodeGroup[] {
  const groups = new Map<string, CodeGroup>();
  for (const d of list) {
    const group = groups.get(d.codeId);
    if (group) group.items.push(d);
    else groups.set(d.codeId, { codeId: d.codeId, label: label(d), items: [d] });
  }
  return [...groups.values()].sort((a, b) => compare(a.label, b.label));
}

/** Disagreements per key (code id or document id). */
export function countBy(list: readonly Disagreement[], key: (d: Disagreement) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of list) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
  return counts;
}

/** The disagreement `delta` places from the one with `currentKey` in list order (the first or last when none is current); null past the ends. */
export function step(groups: readonly CodeGroup[], currentKey: string | null, delta: 1 | -1): Disagreement | null {
  const flat = groups.flatMap((g) => g.items);
  const at = currentKey === null ? -1 : flat.findIndex((d) => disagreementKey(d) === currentKey);
  if (at < 0) return (delta === 1 ? flat[0] : flat.at(-1)) ?? null;
  return flat[at + delta] ?? null;
}

export interface Span {
  start: number;
  end: number;
}

/**
 * The passages a disagreement points at, in code points. At document level the
 * report gives the whole document; the codings of that code by the coders who
 * applied it say where to look.
 */
export function focusSpans(d: Disagreement, unit: AgreementUnit, codings: readonly CodedSegment[]): Span[] {
  if (unit !== 'document') return [{ start: d.start, end: d.end }];
  const spans = codings
    .filter((c) => c.documentId === d.documentId && c.codeId === d.codeId && d.codedBy.includes(c.coderId))
    .map((c) => ({ start: c.start, end: c.end }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  return spans.length ? spans : [{ start: d.start, end: d.end }];
}
