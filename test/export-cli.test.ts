// --out on the analysis commands, as a user runs them: the real crosswise
// process on the demo study, the files read back.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import { parseCsv } from '../src/formats/csv.ts';
import { assertError, jsonOf, runCrosswise, type Run } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'crosswise-export-cli-'));
const db = join(dir, 'demo.db');
after(() => rmSync(dir, { recursive: true, force: true }));

const crosswise = (...args: string[]): Run => runCrosswise(dir, [...['--db', db], ...args]);
const json = <T>(...args: string[]): T => jsonOf<T>(crosswise(...args, '--json'), args);
const file = (name: string) => join(dir, name);
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

before(() => {
  const r = crosswise('demo');
  assert.equal(r.status, 0, r.stderr);
});

type Matrix = { columns: { label: string; codedCases: number }[]; rows: { path: string }[]; cells: number[][]; rowTotals: number[]; total: number; written?: string[] };

test('matrix --out: XLSX with the matrix numbers, CSV with a BOM, PNG and SVG charts; --json lists the files', async () => {
  const outs = ['m.xlsx', 'm.csv', 'm.png', 'm.svg'].map(file);
  const m = json<Matrix>('matrix', '--count', 'segments', ...outs.flatMap((o) => ['--out', o]));
  assert.deepEqual(m.written, outs);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(outs[0]!) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  assert.deepEqual([...Array(m.columns.length + 2).keys()].map((i) => sheet.getRow(1).getCell(i + 1).value), ['code', ...m.columns.map((c) => c.label), 'total']);
  m.rows.forEach((r, i) => {
    const row = sheet.getRow(i + 2);
    assert.equal(row.getCell(1).value, r.path);
    assert.deepEqual(m.cells[i]!.map((_, j) => row.getCell(j + 2).value), m.cells[i]);
    assert.equal(row.getCell(m.columns.length + 2).value, m.rowTotals[i]);
  });
  assert.equal(sheet.getRow(m.rows.length + 2).getCell(m.columns.length + 2).value, m.total);

  const csv = readFileSync(outs[1]!, 'utf8');
  assert.equal(csv.charCodeAt(0), 0xfeff);
  const rows = parseCsv(csv.slice(1), ',').map((r) => r.fields);
  assert.equal(rows.length, m.rows.length + 2);
  assert.deepEqual(rows[1], [m.rows[0]!.path, ...m.cells[0]!.map(String), String(m.rowTotals[0])]);

  assert.deepEqual([...readFileSync(outs[2]!).subarray(0, 8)], PNG);
  const svg = readFileSync(outs[3]!, 'utf8');
  assert.equal(XMLValidator.validate(svg), true);
  for (const c of m.columns) assert.match(svg, new RegExp(`>${c.label}<`));
  // Written atomically: no temporary files left beside them.
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
});

test('without --out the output is unchanged; with it the human output says what was written', () => {
  const plain = crosswise('--json', 'compare-sites');
  assert.equal(plain.status, 0, plain.stderr);
  assert.equal('written' in (JSON.parse(plain.stdout) as object), false);
  const human = crosswise('compare-sites', '--out', file('sites.svg'));
  assert.equal(human.status, 0, human.stderr);
  assert.equal(human.stdout.startsWith(crosswise('compare-sites').stdout.trimEnd()), true);
  assert.match(human.stdout, /wrote .*sites\.svg\n$/);
  const svg = readFileSync(file('sites.svg'), 'utf8');
  for (const site of ['Vancouver', 'Winnipeg', 'Toronto', 'Montreal']) assert.match(svg, new RegExp(site));
  assert.match(svg, /100%/);
});

test('words draws bars or a cloud; search and query write their tables', async () => {
  const words = json<{ terms: { term: string }[]; written: string[] }>('words', '--top', '20', '--chart', 'cloud', '--out', file('cloud.svg'));
  const cloud = readFileSync(file('cloud.svg'), 'utf8');
  assert.match(cloud, new RegExp(`>${words.terms[0]!.term}</text>`));
  assert.equal(XMLValidator.validate(cloud), true);

  json('search', 'housing', '--limit', '5', '--out', file('kwic.csv'));
  const kwic = parseCsv(readFileSync(file('kwic.csv'), 'utf8').slice(1), ',').map((r) => r.fields);
  assert.deepEqual(kwic[0], ['document', 'case', 'site', 'speaker', 'start', 'end', 'before', 'hit', 'after']);
  assert.equal(kwic.length, 6);
  assert.equal(kwic.slice(1).every((r) => r[7]!.toLowerCase() === 'housing'), true);

  const query = json<{ hits: unknown[] }>('query', 'Needs', '--out', file('query.xlsx'));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file('query.xlsx')) as unknown as ArrayBuffer);
  assert.equal(workbook.worksheets[0]!.rowCount, query.hits.length + 1);
});

test('usage errors: a chart from a command without one, an unknown extension; a missing folder writes nothing', () => {
  assertError(crosswise('query', 'Needs', '--out', file('q.png')), 2, /query has no chart.*\.csv, \.xlsx/);
  assertError(crosswise('matrix', '--out', file('m.txt')), 2, /\.csv, \.xlsx, \.svg, \.png/);
  const missing = join(dir, 'no-such-folder', 'm.xlsx');
  assertError(crosswise('matrix', '--out', missing), 1, /cannot write .*m\.xlsx: its folder does not exist/);
});
