// The analysis commands as a user runs them: the real crosswise process on the demo study.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertError, jsonOf, runCrosswise, type Run } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'crosswise-analysis-cli-'));
const db = join(dir, 'demo.db');
after(() => rmSync(dir, { recursive: true, force: true }));

const crosswise = (...args: string[]): Run => runCrosswise(dir, [...['--db', db], ...args]);
const json = <T>(...args: string[]): T => jsonOf<T>(crosswise(...args, '--json'), args);

before(() => {
  const r = crosswise('demo');
  assert.equal(r.status, 0, r.stderr);
});

test('query: Boolean expressions with filters, as JSON and as a table', () => {
  type Result = { hits: { document: { name: string }; site: { name: string }; text: string; codingIds: string[] }[]; documents: number };
  const all = json<Result>('query', '"Needs" AND NOT "Safe housing and shelter"');
  const montreal = json<Result>('query', '"Needs" AND NOT "Safe housing and shelter"', '--site', 'Montreal', '--no-interviewer');
  assert.ok(all.hits.length > montreal.hits.length && montreal.hits.length > 0);
  assert.ok(montreal.hits.every((h) => h.site.name === 'Montreal' && h.text.length > 0 && h.codingIds.length > 0));
  const french = json<Result>('query', 'Needs', '--attr', 'interview language=French');
  assert.ok(french.hits.length > 0 && french.hits.every((h) => h.document.name.startsWith('MTL')));
  const near = json<Result>('query', '"Safe housing and shelter" NEAR/PARAGRAPH "Need met only ad hoc"');
  assert.ok(near.hits.length > 0);
  const human = crosswise('query', 'Needs INSIDE Needs', '--coder', 'Amira Haddad');
  assert.equal(human.status, 0, human.stderr);
  assert.match(human.stdout, /^document\s+case\s+site\s+range\s+text/);
  assert.match(human.stdout, /passages in \d+ documents/);
});

test('matrix: codes × sites counting cases with percentages; attribute columns; words', () => {
  type Matrix = { columns: { label: string; codedCases: number }[]; rows: { path: string }[]; cells: number[][]; percentOfCases: (number | null)[][]; rowTotals: number[] };
  const m = json<Matrix>('matrix', '--rows', 'Needs', '--columns', 'site', '--count', 'cases');
  assert.deepEqual(m.columns.map((c) => c.label), ['Montreal', 'Toronto', 'Vancouver', 'Winnipeg']);
  assert.equal(m.rows[0]!.path, 'Needs');
  m.cells.forEach((row, i) => row.forEach((n, j) => assert.equal(m.percentOfCases[i]![j], n / m.columns[j]!.codedCases)));
  const byType = json<Matrix>('matrix', '--columns', 'attr:organisation type', '--count', 'words');
  assert.ok(byType.columns.length >= 2 && byType.rowTotals.some((n) => n > 0));
  const human = crosswise('matrix', '--rows', 'Needs', '--columns', 'participant', '--count', 'segments');
  assert.equal(human.status, 0, human.stderr);
  assert.match(human.stdout, /total \(distinct\)/);
});

test('cooccurrence, framework, compare-sites and profile', () => {
  const co = json<{ pairs: { count: number }[] }>('cooccurrence', '--top', '3');
  assert.ok(co.pairs.length === 3 && co.pairs[0]!.count >= co.pairs[2]!.count);
  const near = json<{ pairs: { count: number }[] }>('cooccurrence', '--within', '300', '--top', '1');
  assert.ok(near.pairs[0]!.count >= co.pairs[0]!.count);
  const fw = json<{ rows: { name: string }[]; cells: { segments: number; draft?: string }[][] }>('framework', '--rows', 'site', '--theme', 'Needs', '--fill');
  assert.equal(fw.rows.length, 4);
  assert.ok(fw.cells.every((row) => row[0]!.segments > 0 && row[0]!.draft!.startsWith('“')));
  const cmp = json<{ themes: unknown[]; similarities: unknown[]; differences: unknown[] }>('compare-sites', '--threshold', '60%');
  assert.ok(cmp.similarities.length > 0 && cmp.differences.length > 0);
  const table = crosswise('compare-sites');
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /Montreal \(n=3\)/);
  const profile = json<{ case: { name: string }; themes: unknown[]; attributes: { name: string }[] }>('profile', 'MTL-02');
  assert.equal(profile.case.name, 'MTL-02');
  assert.ok(profile.themes.length > 0 && profile.attributes.some((a) => a.name === 'province'));
});

test('errors: one line, exit 1 for bad input, 2 for usage', () => {
  assertError(crosswise('query', 'Needs AND'), 1, /the query ends where a code was expected/);
  assertError(crosswise('query', 'Needs Obstacles'), 1, /expected AND, OR, NOT, NEAR or INSIDE before "Obstacles"/);
  assertError(crosswise('query', '"Nonexistent code"'), 1, /no code "Nonexistent code"/);
  assertError(crosswise('matrix', '--columns', 'attr:colour'), 1, /no case has an attribute "colour"/);
  assertError(crosswise('matrix', '--count', 'pages'), 2, /expected one of segments, documents, cases, words/);
  assertError(crosswise('compare-sites', '--threshold', '2'), 2, /between 0 and 1/);
  assertError(crosswise('framework', '--rows', 'site'), 1, /give --rows and at least one --theme/);
  assertError(crosswise('profile', 'Nobody'), 1, /Nobody/);
});
