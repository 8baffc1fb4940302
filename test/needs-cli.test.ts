// The needs, barriers and gap-matrix commands as a user runs them: a real process on a
// real SQLite copy of the demo, and the same matrix from a real PostgreSQL.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Barrier, Need } from '../src/core/needs.ts';
import type { Change } from '../src/core/model.ts';
import type { RetrievedSegment } from '../src/core/read-models.ts';
import type { BarrierPrevalence, GapCell, GapMatrix } from '../src/analysis/gaps.ts';
import { DEMO_BARRIERS, DEMO_NEEDS } from '../src/demo/needs.ts';
import { createDatabase, testServer } from './support/postgres.ts';
import { assertError, jsonOf, runCrosswise, type Run } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'crosswise-needs-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const crosswise = (...args: string[]): Run => runCrosswise(dir, args);
const json = <T>(...args: string[]): T => jsonOf<T>(crosswise(...args, '--json'), args);

const template = join(dir, 'demo.db');
let copies = 0;
/** A fresh copy of the demo for a test that changes it. */
function demoCopy(): string {
  const file = join(dir, `copy-${++copies}.db`);
  copyFileSync(template, file);
  return file;
}

before(() => {
  const r = crosswise('demo', '--db', template);
  assert.equal(r.status, 0, r.stderr);
});

/** A cell of the matrix by need and site name. */
const cellOf = (m: GapMatrix, need: string, site: string): GapCell =>
  m.rows.find((r) => r.need.name === need)!.cells[m.sites.findIndex((s) => s.name === site)]!;

describe('crosswise needs and barriers', () => {
  test('list the demo catalogues in order, as JSON and as tables', () => {
    const needs = json<Need[]>('needs', '--db', template);
    assert.deepEqual(needs.map((n) => [n.name, n.horizon, n.purpose]), DEMO_NEEDS.map((n) => [n.name, n.horizon, n.purpose]));
    const barriers = json<Barrier[]>('barriers', '--db', template);
    assert.deepEqual(barriers.map((b) => b.name), DEMO_BARRIERS.map((b) => b.name));
    const table = crosswise('needs', '--db', template);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /Safe housing and shelter\s+short-term\s+protection\s+Needs\/Safe housing and shelter/);
  });

  test('add-need and add-barrier link codes by path; bad input is refused with one error line', () => {
    const db = demoCopy();
    const need = json<Need>('add-need', 'Childcare', '--horizon', 'long', '--purpose', 'prevention', '--code', 'Victim profiles/Children', '--code', 'Needs/Services for children and youth', '--description', 'While mothers work', '--db', db);
    assert.deepEqual([need.horizon, need.purpose, need.codeIds.length, need.position, need.description], ['long_term', 'prevention', 2, DEMO_NEEDS.length + 1, 'While mothers work']);
    assert.equal(json<Need[]>('needs', '--db', db).at(-1)!.name, 'Childcare');
    const barrier = json<Barrier>('add-barrier', 'Distance', '--code', 'Networks/Reach into small towns', '--db', db);
    assert.equal(barrier.codeIds.length, 1);

    assertError(crosswise('add-need', 'childcare', '--horizon', 'short', '--purpose', 'protection', '--db', db), 1, /a need named "Childcare" already exists/);
    assertError(crosswise('add-need', 'X', '--horizon', 'soon', '--purpose', 'protection', '--db', db), 2, /expected short or long/);
    assertError(crosswise('add-need', 'X', '--horizon', 'short', '--purpose', 'protection', '--code', 'Needs/Nothing', '--db', db), 1, /no code "Needs\/Nothing"/);
    assert.equal(json<Need[]>('needs', '--db', db).length, DEMO_NEEDS.length + 1, 'refused commands add nothing');
  });
});

describe('crosswise gaps', () => {
  test('the matrix: needs × sites with status and cases, decided cells marked, differing rows flagged', () => {
    const m = json<GapMatrix>('gaps', '--db', template);
    assert.deepEqual(m.sites.map((s) => s.name), ['Montreal', 'Toronto', 'Vancouver', 'Winnipeg']);
    assert.equal(m.rows.length, DEMO_NEEDS.length);
    const decided = m.rows.flatMap((r) => r.cells.filter((c) => c.decision !== null));
    assert.equal(decided.length, 2);
    const table = crosswise('gaps', '--db', template);
    assert.equal(table.status, 0, table.stderr);
    const housing = table.stdout.split('\n').find((l) => l.startsWith('Safe housing and shelter'))!;
    const toronto = cellOf(m, 'Safe housing and shelter', 'Toronto');
    assert.match(housing, new RegExp(`${toronto.status}\\* ${toronto.cases}`));
    assert.equal(housing.trimEnd().endsWith('differs'), m.rows[0]!.differs);
    // One coder's matrix never counts more cases than both coders'.
    const amira = json<GapMatrix>('gaps', '--coder', 'Amira Haddad', '--db', template);
    amira.rows.forEach((r, i) => r.cells.forEach((c, j) => assert.equal(c.cases <= m.rows[i]!.cells[j]!.cases, true)));
  });

  test('gap decides a cell with a note as a user, shows the proposal beside it, and --clear withdraws it', () => {
    const db = demoCopy();
    const before = cellOf(json<GapMatrix>('gaps', '--db', db), 'Health care', 'Montreal');
    const decided = json<GapCell>('gap', 'health care', 'Montreal', '--status', 'unmet', '--note', 'No clinic sees uninsured women.', '--as', 'Amira Haddad', '--db', db);
    assert.deepEqual([decided.status, decided.proposed, decided.decision?.note], ['unmet', before.proposed, 'No clinic sees uninsured women.']);
    const human = crosswise('gap', 'Health care', 'Montreal', '--status', 'ad_hoc', '--note', 'Some clinics help, case by case.', '--db', db);
    assert.equal(human.status, 0, human.stderr);
    assert.match(human.stdout, new RegExp(`Health care at Montreal: ad_hoc, decided by Hélène Marchand \\(proposed ${before.proposed}`));
    const log = json<Change[]>('log', '--limit', '1000000', '--db', db).filter((c) => c.entity === 'gap_decision' && c.entityId === `${before.needId}/${before.siteId}`);
    const amira = decided.decision!.authorId;
    assert.deepEqual(log.map((c) => c.action), ['create', 'update']);
    assert.deepEqual(log[0]!.actor, { userId: amira });
    assert.deepEqual(log[1]!.actor, { userId: (log[1]!.data.after as { authorId: string }).authorId });
    assert.notEqual((log[1]!.data.after as { authorId: string }).authorId, amira, 'the lead, not Amira, made the second');

    const cleared = json<GapCell>('gap', 'Health care', 'Montreal', '--clear', '--db', db);
    assert.deepEqual([cleared.decision, cleared.status], [null, before.proposed]);
    assertError(crosswise('gap', 'Health care', 'Montreal', '--status', 'unmet', '--db', db), 1, /needs a note/);
    assertError(crosswise('gap', 'Health care', 'Montreal', '--db', db), 1, /give --status and --note, or --clear alone/);
    assertError(crosswise('gap', 'Health care', 'MTL-02', '--status', 'met', '--note', 'x', '--db', db), 1, /per site, not per participant: MTL-02/);
    assert.equal(cellOf(json<GapMatrix>('gaps', '--db', db), 'Health care', 'Montreal').decision, null, 'refused decisions leave nothing');
  });

  test('gap-quotes opens the passages behind a cell: distinct segments at that site', () => {
    const m = json<GapMatrix>('gaps', '--db', template);
    const cell = cellOf(m, 'Safe housing and shelter', 'Vancouver');
    const quotes = json<RetrievedSegment[]>('gap-quotes', 'Safe housing and shelter', 'Vancouver', '--db', template);
    assert.equal(quotes.every((q) => q.site?.name === 'Vancouver'), true);
    assert.equal(new Set(quotes.map((q) => q.coding.segmentId)).size, quotes.length);
    assert.equal(new Set(quotes.map((q) => q.case?.id)).size, cell.cases);
    const human = crosswise('gap-quotes', 'Safe housing and shelter', 'Vancouver', '--db', template);
    assert.match(human.stdout, new RegExp(`${quotes.length} passages about Safe housing and shelter at Vancouver`));
    assertError(crosswise('gap-quotes', 'Safe housing and shelter', 'Atlantis', '--db', template), 1, /Atlantis/);
  });

  test('barrier-prevalence: shares per site with a threshold; a bad threshold is a usage error', () => {
    const b = json<BarrierPrevalence>('barrier-prevalence', '--threshold', '0.6', '--db', template);
    assert.equal(b.threshold, 0.6);
    assert.deepEqual(b.rows.map((r) => r.barrier.name), DEMO_BARRIERS.map((x) => x.name));
    for (const r of b.rows) r.shares.forEach((s, j) => assert.equal(s, r.cases[j]! / b.sites[j]!.codedCases));
    assert.match(crosswise('barrier-prevalence', '--db', template).stdout, /Lack of funding for community groups\s+\d+ \(\d+%\)/);
    assertError(crosswise('barrier-prevalence', '--threshold', '2', '--db', template), 2, /at most 1/);
  });

  test('PostgreSQL gives the same gap matrix and barrier prevalence as SQLite', async (t) => {
    const server = await testServer();
    if (!server) return t.skip('PostgreSQL is not installed');
    try {
      const url = await createDatabase(server.url);
      assert.equal(crosswise('demo', '--db', url).status, 0);
      const shape = (m: GapMatrix) => m.rows.map((r) => [r.need.name, r.differs, r.cells.map((c) => [c.proposed, c.status, c.cases, c.casesByStatus, c.services])]);
      assert.deepEqual(shape(json<GapMatrix>('gaps', '--db', url)), shape(json<GapMatrix>('gaps', '--db', template)));
      const prevalence = (b: BarrierPrevalence) => b.rows.map((r) => [r.barrier.name, r.cases, r.verdict]);
      assert.deepEqual(prevalence(json<BarrierPrevalence>('barrier-prevalence', '--db', url)), prevalence(json<BarrierPrevalence>('barrier-prevalence', '--db', template)));
    } finally {
      server.stop();
    }
  });
});
