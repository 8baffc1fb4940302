// Each analysis result as spreadsheet Tables (src/formats/table/): one function
// per table, the same numbers the analysis returns, codes named by their path.
// Shares stay numbers between 0 and 1, so a spreadsheet can format and sum them.

import type { Table } from '../../formats/table/table.ts';
import type { MatrixResult } from '../matrix.ts';
import type { CooccurrenceResult } from '../cooccurrence.ts';
import type { SiteComparison } from '../site-comparison.ts';
import type { WordFrequencies } from '../words.ts';
import type { FrameworkView } from '../framework.ts';
import type { CodingQueryResult } from '../coding-query.ts';
import type { KwicPage } from '../search.ts';
import type { CaseProfile } from '../case-profile.ts';

/** Codes × columns with row and column totals; a cases matrix adds each cell's share of the column's coded cases. */
export function matrixTable(m: MatrixResult): Table {
  const byCases = m.count === 'cases';
  const columns = m.columns.flatMap((c) => (byCases ? [`${c.label} (n=${c.codedCases})`, `${c.label} share`] : [c.label]));
  const rows = m.rows.map((r, i) => [
    r.path,
    ...m.cells[i]!.flatMap((n, j) => (byCases ? [n, m.percentOfCases[i]![j]!] : [n])),
    m.rowTotals[i]!,
  ]);
  const totals = ['total (distinct)', ...m.columnTotals.flatMap((n) => (byCases ? [n, null] : [n])), m.total];
  return { title: `Matrix (${m.count})`, columns: ['code', ...columns, 'total'], rows: [...rows, totals] };
}

/** Code × code: co-occurring passage pairs; the diagonal is each code's passages. */
export function cooccurrenceTable(r: CooccurrenceResult): Table {
  return { title: 'Co-occurrence', columns: ['code', ...r.codes.map((c) => c.path)], rows: r.codes.map((c, i) => [c.path, ...r.counts[i]!]) };
}

export function strongestPairsTable(r: CooccurrenceResult): Table {
  return { title: 'Strongest pairs', columns: ['code', 'code', 'pairs'], rows: r.pairs.map((p) => [p.a.path, p.b.path, p.count]) };
}

/** Per theme and site: cases mentioning it and their share of the site's coded cases, with the finding. */
export function siteComparisonTable(c: SiteComparison): Table {
  const names = (refs: { name: string }[]) => refs.map((s) => s.name).join(', ');
  return {
    title: 'Site comparison',
    columns: ['theme', ...c.sites.flatMap((s) => [`${s.name} cases (n=${s.codedCases})`, `${s.name} share`]), 'finding', 'strong at', 'weak at'],
    rows: c.themes.map((t) => [t.path, ...t.cases.flatMap((n, j) => [n, t.shares[j] ?? null]), t.verdict ?? '', names(t.strongAt), names(t.weakAt)]),
  };
}

export function wordsTable(w: WordFrequencies): Table {
  return { title: 'Word frequency', columns: ['term', 'count', 'documents'], rows: w.terms.map((t) => [t.term, t.count, t.documents]) };
}

/** Cases × themes: each theme's segment count and summary (or, with fill, its draft). */
export function frameworkTable(v: FrameworkView): Table {
  return {
    title: v.matrix ? `Framework ${v.matrix.name}` : 'Framework',
    columns: [v.rowKind, ...v.themes.flatMap((t) => [`${t.path} segments`, `${t.path} summary`])],
    rows: v.rows.map((r, i) => [r.name, ...v.cells[i]!.flatMap((cell) => [cell.segments, cell.summary || cell.draft || ''])]),
  };
}

export function codingQueryTable(r: CodingQueryResult): Table {
  return {
    title: 'Coding query',
    columns: ['document', 'case', 'site', 'start', 'end', 'text'],
    rows: r.hits.map((h) => [h.document.name, h.case?.name ?? '', h.site?.name ?? '', h.start, h.end, h.text]),
  };
}

export function kwicTable(page: KwicPage): Table {
  return {
    title: 'Keywords in context',
    columns: ['document', 'case', 'site', 'speaker', 'start', 'end', 'before', 'hit', 'after'],
    rows: page.hits.map((h) => [h.document.name, h.case?.name ?? '', h.site?.name ?? '', h.speaker ?? '', h.start, h.end, h.before, h.hit, h.after]),
  };
}

/** One row per theme the case touches, with its counts and quotes (one per line, with their document). */
export function caseProfileTable(p: CaseProfile): Table {
  return {
    title: `Profile ${p.case.name}`,
    columns: ['theme', 'codings', 'passages', 'documents', 'quotes'],
    rows: p.themes.map((t) => [t.path, t.codings, t.segments, t.documents, t.quotes.map((q) => `“${q.text}” (${q.document})`).join('\n')]),
  };
}
