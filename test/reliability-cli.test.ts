// `crosswise reliability` and `crosswise agreement` as a user runs them: a real
// process, the shared fixtures, a real SQLite file with the demo study.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertError, jsonOf, runCrosswise, type Run } from './support/cli.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'shared', 'fixtures', 'reliability');
const ALPHA_CSV = join(FIXTURES, 'krippendorff2011_reliability_data.csv');
const dir = mkdtempSync(join(tmpdir(), 'crosswise-reliability-'));
const db = join(dir, 'demo.db');
after(() => rmSync(dir, { recursive: true, force: true }));

const crosswise = (...args: string[]): Run => runCrosswise(dir, args);
const json = <T>(...args: string[]): T => jsonOf<T>(crosswise(...args, '--json'), args);

function csv(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

type Stat = { defined: true; value: number; [k: string]: unknown } | { defined: false; reason: string };

describe('crosswise reliability', () => {
  const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as { krippendorff_alpha: Record<string, number> };

  test('reproduces Krippendorff (2011) at every level of measurement', () => {
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio']) {
      const r = json<{ coders: number; units: number; result: Stat }>('reliability', ALPHA_CSV, '--metric', 'alpha', '--level', level);
      assert.equal(r.coders, 4);
      assert.equal(r.units, 12);
      assert.ok(r.result.defined);
      assert.ok(Math.abs(r.result.value - expected.krippendorff_alpha[level]!) < 1e-9, level);
      assert.equal(r.result.pairableValues, 40);
    }
  });

  test('prints a short table for people', () => {
    const r = crosswise('reliability', ALPHA_CSV, '--metric', 'alpha');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Krippendorff’s alpha \(nominal\)\s+0\.7434\s+40 values in 11 units/);
    const p = crosswise('reliability', ALPHA_CSV, '--metric', 'percent');
    assert.match(p.stdout, /percent agreement/);
  });

  test('Cohen’s kappa with weights, standard error and interval, from text categories without a name column', () => {
    // scikit-learn's case in expected.json: y1 = 0×46, 1×44, 2×10; y2 = 0×50, 1×40, 2×10 → linear 0.9412.
    const rep = (v: string, n: number) => new Array<string>(n).fill(v);
    const y1 = [...rep('low', 46), ...rep('mid', 44), ...rep('top', 10)];
    const y2 = [...rep('low', 50), ...rep('mid', 40), ...rep('top', 10)];
    const file = csv('two.csv', `${y1.map((_, i) => `u${i}`).join(',')}\n${y1.join(',')}\n${y2.join(',')}\n`);
    const r = json<{ coders: number; result: Stat & { se: number; ci95: number[] } }>('reliability', file, '--metric', 'cohen', '--weights', 'linear');
    assert.equal(r.coders, 2);
    assert.ok(r.result.defined);
    assert.ok(Math.abs(r.result.value - 0.9412) < 1e-4);
    assert.ok(r.result.ci95[0]! < r.result.value && r.result.value < r.result.ci95[1]!);
    assert.match(crosswise('reliability', file, '--metric', 'cohen').stdout, /Cohen’s kappa \(unweighted\)\s+0\.9315\s+100\s+0\.\d{4} … 0\.\d{4}/);
  });

  test('Fleiss’ kappa from a table of counts (Wikipedia’s example: 0.210)', () => {
    const rows = ['0,0,0,0,14', '0,2,6,4,2', '0,0,3,5,6', '0,3,9,2,0', '2,2,8,1,1', '7,7,0,0,0', '3,2,6,3,0', '2,5,3,2,2', '6,5,2,1,0', '0,2,2,3,7'];
    const file = csv('counts.csv', `subject,1,2,3,4,5\n${rows.map((r, i) => `s${i + 1},${r}`).join('\n')}\n`);
    const r = json<{ result: Stat & { raters: number } }>('reliability', file, '--metric', 'fleiss', '--counts');
    assert.ok(r.result.defined);
    assert.ok(Math.abs(r.result.value - 0.21) < 5e-4);
    assert.equal(r.result.raters, 14);
  });

  test('no variation is an undefined result with its reason, not 1', () => {
    const file = csv('same.csv', 'coder,a,b,c\nA,1,1,1\nB,1,1,\n');
    const r = crosswise('reliability', file, '--metric', 'alpha');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /alpha: undefined — no variation/);
    const j = json<{ result: Stat }>('reliability', file, '--metric', 'alpha');
    assert.equal(j.result.defined, false);
  });

  test('errors: one line, exit 1 for bad data, 2 for usage', () => {
    assertError(crosswise('reliability', join(dir, 'nope.csv'), '--metric', 'alpha'), 1, /cannot read/);
    assertError(crosswise('reliability', ALPHA_CSV, '--metric', 'cohen'), 1, /exactly two coders; .* has 4/);
    assertError(crosswise('reliability', ALPHA_CSV, '--metric', 'alpha', '--level', 'interval', '--counts'), 2, /--counts applies to --metric fleiss only/);
    assertError(crosswise('reliability', ALPHA_CSV, '--metric', 'cohen', '--level', 'ordinal'), 2, /--level applies to --metric alpha only/);
    assertError(crosswise('reliability', ALPHA_CSV, '--metric', 'kappa'), 2, /expected one of alpha, cohen, fleiss, percent/);
    assertError(crosswise('reliability', ALPHA_CSV), 2, /required option '--metric/);
    assertError(crosswise('reliability', csv('bad-counts.csv', 'unit,a,b\nu1,2,x\n'), '--metric', 'fleiss', '--counts'), 1, /a count must be a whole number/);
    assertError(crosswise('reliability', csv('uneven.csv', 'unit,a,b\nu1,2,1\nu2,1,1\n'), '--metric', 'fleiss', '--counts'), 1, /same number of ratings/);
    assertError(crosswise('reliability', csv('text.csv', 'coder,a,b\nA,x,y\nB,x,x\n'), '--metric', 'alpha', '--level', 'interval'), 1, /interval alpha needs numbers/);
  });
});

describe('crosswise agreement', () => {
  before(() => {
    const r = crosswise('demo', '--db', db);
    assert.equal(r.status, 0, r.stderr);
  });

  const coders = 'Amira Haddad,Luc Tremblay';

  test('character level on the demo: per code and overall, notes, disagreements', () => {
    const r = crosswise('agreement', '--db', db, '--coders', coders);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Amira Haddad, Luc Tremblay: character level, 12 document\(s\)/);
    assert.match(r.stdout, /^overall\s+\d+\s+\d+\.\d%\s+0\.\d{4} \(/m);
    assert.match(r.stdout, /text no coder coded counts as agreement/);
    assert.match(r.stdout, /\d+ disagreement\(s\)/);
  });

  test('--json: one document with the coders, codes, disagreements; --only-coded lowers kappa', () => {
    type Report = { coders: { name: string }[]; codes: unknown[]; disagreements: { document: string; start: number; end: number }[]; overall: { cohenKappa: Stat } };
    const all = json<Report>('agreement', '--db', db, '--coders', coders);
    const coded = json<Report>('agreement', '--db', db, '--coders', coders, '--only-coded');
    assert.deepEqual(all.coders.map((c) => c.name), ['Amira Haddad', 'Luc Tremblay']);
    assert.ok(all.codes.length > 10 && all.disagreements.length > 0);
    assert.ok(all.overall.cohenKappa.defined && coded.overall.cohenKappa.defined);
    assert.ok(all.overall.cohenKappa.value > coded.overall.cohenKappa.value);
  });

  test('segment and document levels, one code', () => {
    const seg = json<{ unit: string; overlap: number; codes: { code: string }[] }>(
      'agreement', '--db', db, '--coders', coders, '--unit', 'segment', '--overlap', '0.6', '--codes', 'Obstacles/Fear of deportation',
    );
    assert.equal(seg.unit, 'segment');
    assert.equal(seg.overlap, 0.6);
    assert.deepEqual(seg.codes.map((c) => c.code), ['Obstacles/Fear of deportation']);
    const doc = crosswise('agreement', '--db', db, '--coders', coders, '--unit', 'document', '--documents', 'VAN-01 interview,VAN-03 interview');
    assert.equal(doc.status, 0, doc.stderr);
    assert.match(doc.stdout, /document level, 2 document\(s\)/);
  });

  test('errors: one line, exit 1 for unknown names, 2 for usage', () => {
    assertError(crosswise('agreement', '--db', db, '--coders', 'Amira Haddad,Nobody'), 1, /no user or coder "Nobody"/);
    assertError(crosswise('agreement', '--db', db, '--coders', 'Amira Haddad'), 1, /at least two different coders/);
    assertError(crosswise('agreement', '--db', db, '--coders', coders, '--codes', 'Obstacles/Nonexistent'), 1, /no code "Obstacles\/Nonexistent"/);
    assertError(crosswise('agreement', '--db', db, '--coders', coders, '--overlap', '0.6'), 2, /--overlap applies to --unit segment only/);
    assertError(crosswise('agreement', '--db', db, '--coders', coders, '--unit', 'paragraph'), 2, /expected one of character, segment, document/);
    assertError(crosswise('agreement', '--db', db, '--coders', coders, '--unit', 'segment', '--overlap', '1.5'), 2, /above 0 and at most 1/);
    assertError(crosswise('agreement', '--db', db), 2, /required option '--coders/);
  });
});
