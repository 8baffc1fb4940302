// Analysis results as tables and charts, on the demo study in a real SQLite
// file: the tables carry the analyses' own numbers, the charts their labels.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../store/open.ts';
import type { ProjectStore, Store } from '../../store/store.ts';
import { ensureDemo } from '../../demo/build.ts';
import { matrixQuery } from '../matrix.ts';
import { cooccurrence } from '../cooccurrence.ts';
import { compareSites } from '../site-comparison.ts';
import { wordFrequencies } from '../words.ts';
import { caseProfile } from '../case-profile.ts';
import { keywordsInContext } from '../search.ts';
import { caseProfileTable, cooccurrenceTable, kwicTable, matrixTable, siteComparisonTable, strongestPairsTable, wordsTable } from './tables.ts';
import { cooccurrenceHeatmap, matrixHeatmap, siteComparisonChart, wordCloud, wordsBarChart } from './charts.ts';
import { formatOf, outputBytes } from './files.ts';

const dir = mkdtempSync(join(tmpdir(), 'crosswise-outputs-'));
let store: Store;
let project: ProjectStore;
before(async () => {
  store = await openStore(join(dir, 'demo.db'));
  project = (await ensureDemo(store)).project;
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const sum = (values: readonly unknown[]) => values.reduce<number>((a, v) => a + (typeof v === 'number' ? v : 0), 0);

test('matrix table: every code row, the cells and totals of the matrix query', async () => {
  const m = await matrixQuery(project, { columns: { by: 'site' }, count: 'segments' });
  const table = matrixTable(m);
  assert.deepEqual(table.columns, ['code', ...m.columns.map((c) => c.label), 'total']);
  assert.equal(table.rows.length, m.rows.length + 1);
  m.rows.forEach((r, i) => assert.deepEqual(table.rows[i], [r.path, ...m.cells[i]!, m.rowTotals[i]!]));
  const totals = table.rows.at(-1)!;
  assert.deepEqual(totals.slice(1), [...m.columnTotals, m.total]);
  // A row's cells add up to its total.
  for (const row of table.rows) assert.equal(sum(row.slice(1, -1)), row.at(-1));

  const heat = matrixHeatmap(m);
  assert.equal(heat.kind, 'heatmap');
  if (heat.kind === 'heatmap') assert.deepEqual(heat.values, m.cells);
});

test('a cases matrix adds each site’s share of coded cases; its heat map shows the shares', async () => {
  const m = await matrixQuery(project, { columns: { by: 'site' }, count: 'cases' });
  const table = matrixTable(m);
  assert.equal(table.columns.length, 2 + 2 * m.columns.length);
  m.rows.forEach((_, i) => assert.deepEqual(table.rows[i]!.slice(1, -1), m.cells[i]!.flatMap((n, j) => [n, m.percentOfCases[i]![j]!])));
  const heat = matrixHeatmap(m);
  if (heat.kind !== 'heatmap') throw new Error('expected a heat map');
  assert.equal(heat.valueFormat, 'percent');
  assert.deepEqual(heat.values, m.percentOfCases);
});

test('co-occurrence: the square table, the strongest pairs, a heat map without the diagonal', async () => {
  const r = await cooccurrence(project, { top: 5 });
  const square = cooccurrenceTable(r);
  assert.equal(square.rows.length, r.codes.length);
  assert.deepEqual(square.rows.map((row) => row.slice(1)), r.counts);
  assert.deepEqual(strongestPairsTable(r).rows, r.pairs.map((p) => [p.a.path, p.b.path, p.count]));
  const heat = cooccurrenceHeatmap(r);
  if (heat.kind !== 'heatmap') throw new Error('expected a heat map');
  assert.deepEqual(heat.values.map((row, i) => row[i]), r.codes.map(() => null));
  assert.equal(heat.values[0]![1], r.counts[0]![1]);
});

test('site comparison: cases and shares per site, the finding; one bar series per site', async () => {
  const c = await compareSites(project, { threshold: 0.5 });
  const table = siteComparisonTable(c);
  assert.equal(table.rows.length, c.themes.length);
  c.themes.forEach((t, i) => {
    assert.deepEqual(table.rows[i]!.slice(1, 1 + 2 * c.sites.length), t.cases.flatMap((n, j) => [n, t.shares[j] ?? null]));
    assert.equal(table.rows[i]![1 + 2 * c.sites.length], t.verdict ?? '');
  });
  const chart = siteComparisonChart(c);
  if (chart.kind !== 'bar') throw new Error('expected a bar chart');
  assert.equal(chart.series.length, c.sites.length);
  assert.deepEqual(chart.series.map((s) => s.values), c.sites.map((_, j) => c.themes.map((t) => t.shares[j] ?? null)));
});

test('words: table, bars and cloud carry the same terms and counts', async () => {
  const w = await wordFrequencies(project, { top: 15 });
  assert.equal(w.terms.length > 0, true);
  assert.deepEqual(wordsTable(w).rows, w.terms.map((t) => [t.term, t.count, t.documents]));
  const bars = wordsBarChart(w);
  const cloud = wordCloud(w);
  if (bars.kind !== 'bar' || cloud.kind !== 'wordcloud') throw new Error('unexpected chart kinds');
  assert.deepEqual(bars.categories, w.terms.map((t) => t.term));
  assert.deepEqual(cloud.words, w.terms.map((t) => ({ text: t.term, weight: t.count })));
});

test('KWIC and profile tables keep the quotes whole; CSV bytes start with a BOM', async () => {
  const page = await keywordsInContext(project, 'housing', { limit: 5 });
  assert.equal(page.hits.length > 0, true);
  const kwic = kwicTable(page);
  assert.deepEqual(kwic.rows.map((r) => r.slice(6)), page.hits.map((h) => [h.before, h.hit, h.after]));
  const [participant] = await project.listCases({ kind: 'participant' });
  const profile = await caseProfile(project, participant!.id, { quotes: 2 });
  const table = caseProfileTable(profile);
  assert.deepEqual(table.rows.map((r) => r[0]), profile.themes.map((t) => t.path));
  const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await outputBytes({ tables: [kwic] }, formatOf('k.csv')!));
  assert.match(csv, /^\uFEFFdocument,case,site,speaker,start,end,before,hit,after\r\n/);
});
