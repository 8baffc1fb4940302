// Each analysis result as a ChartSpec (src/charts/): heat maps for matrices and
// co-occurrence, bars for comparisons and word frequency, a word cloud.

import type { ChartSpec } from '../../charts/spec.ts';
import type { MatrixResult } from '../matrix.ts';
import type { CooccurrenceResult } from '../cooccurrence.ts';
import type { SiteComparison } from '../site-comparison.ts';
import type { WordFrequencies } from '../words.ts';

/** A cases matrix shows shares of each column's coded cases (columns differ in size); other counts as they are. */
export function matrixHeatmap(m: MatrixResult): ChartSpec {
  const byCases = m.count === 'cases';
  return {
    kind: 'heatmap',
    title: byCases ? 'Share of coded cases mentioning each code' : `Coded ${m.count} per code`,
    rows: m.rows.map((r) => r.path),
    columns: m.columns.map((c) => (byCases ? `${c.label} (n=${c.codedCases})` : c.label)),
    values: byCases ? m.percentOfCases : m.cells,
    valueFormat: byCases ? 'percent' : 'count',
  };
}

/** Co-occurring passage pairs; the diagonal (a code with itself) is left blank so it does not swamp the scale. */
export function cooccurrenceHeatmap(r: CooccurrenceResult): ChartSpec {
  const paths = r.codes.map((c) => c.path);
  return {
    kind: 'heatmap',
    title: 'Co-occurring passages',
    rows: paths,
    columns: paths,
    values: r.counts.map((row, i) => row.map((n, j) => (i === j ? null : n))),
    valueFormat: 'count',
  };
}

export function siteComparisonChart(c: SiteComparison): ChartSpec {
  return {
    kind: 'bar',
    title: 'Share of each site’s coded cases mentioning the theme',
    categories: c.themes.map((t) => t.path),
    series: c.sites.map((s, j) => ({ name: `${s.name} (n=${s.codedCases})`, values: c.themes.map((t) => t.shares[j] ?? null) })),
    valueFormat: 'percent',
    horizontal: true,
  };
}

export function wordsBarChart(w: WordFrequencies): ChartSpec {
  return {
    kind: 'bar',
    title: 'Most frequent terms',
    categories: w.terms.map((t) => t.term),
    series: [{ name: 'occurrences', values: w.terms.map((t) => t.count) }],
    valueFormat: 'count',
    horizontal: true,
  };
}

export function wordCloud(w: WordFrequencies): ChartSpec {
  return { kind: 'wordcloud', title: 'Most frequent terms', words: w.terms.map((t) => ({ text: t.term, weight: t.count })) };
}
