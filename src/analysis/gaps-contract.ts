// The gap matrix and barrier prevalence on a small hand-computed project for every
// adapter, and on the demo cross-checked against the matrix query (cases per site),
// with identical answers from SQLite and PostgreSQL.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rangeOf, system, withStore } from '../store/contract/fixtures.ts';
import { ensureDemo } from '../demo/build.ts';
import type { Store } from '../store/store.ts';
import { barrierCellSegments, barrierPrevalence, gapCellSegments, gapMatrix, proposedStatus } from './gaps.ts';
import { matrixQuery } from './matrix.ts';

const N1 = 'We find beds. They fear the police.';
const N2 = 'Emergency beds are rare. Unmet, really. Fear is everywhere.';
const N3 = 'Lawyers help for free. No funding though.';
const S1 = 'No shelter here. Nothing for status either. Fear rules.';
const S2 = 'Shelter beds come and go.';

/**
 * North (N1, N2, N3), South (S1, S2) and West (nothing transcribed). Needs: Housing (with its
 * sub-code Emergency), Legal, Health (no codings, a service at South). Statuses by hand:
 *   North Housing: N1 met (overlap), N2 ad hoc (overlap; its Unmet coding only touches) → tie → ad_hoc
 *   North Legal: N3 met → met;  South Housing: S1 unmet, S2 ad hoc (Luc's) → tie → unmet
 *   South Legal: S1 unmet → unmet;  South Health: no evidence, one service → met;  the rest unknown.
 */
async function gapStudy(store: Store) {
  const p = await store.createProject({ title: 'Gaps' }, system);
  const amira = await p.createUser({ name: 'Amira', role: 'coder' });
  const luc = await p.createUser({ name: 'Luc', role: 'coder' });
  const lead = await p.createUser({ name: 'Hélène', role: 'lead' });
  const north = await p.createCase({ kind: 'site', name: 'North' });
  const south = await p.createCase({ kind: 'site', name: 'South' });
  const west = await p.createCase({ kind: 'site', name: 'West' });
  const nOrg = await p.createCase({ kind: 'organisation', name: 'North shelter', parentId: north.id });
  const sOrg = await p.createCase({ kind: 'organisation', name: 'South clinic', parentId: south.id });
  const needsCat = await p.createCode({ name: 'Needs', codable: false });
  const housing = await p.createCode({ name: 'Housing', parentId: needsCat.id });
  const emergency = await p.createCode({ name: 'Emergency', parentId: housing.id });
  const legal = await p.createCode({ name: 'Legal', parentId: needsCat.id });
  const health = await p.createCode({ name: 'Health', parentId: needsCat.id });
  const statusCat = await p.createCode({ name: 'Status', codable: false });
  const met = await p.createCode({ name: 'Met', parentId: statusCat.id });
  const adHoc = await p.createCode({ name: 'Ad hoc', parentId: statusCat.id });
  const unmet = await p.createCode({ name: 'Unmet', parentId: statusCat.id });
  const obstacles = await p.createCode({ name: 'Obstacles', codable: false });
  const fear = await p.createCode({ name: 'Fear', parentId: obstacles.id });
  const funding = await p.createCode({ name: 'Funding', parentId: obstacles.id });

  const doc = async (name: string, org: string, text: string) => {
    const c = await p.createCase({ kind: 'participant', name, parentId: org });
    return { id: (await p.addDocument({ name, text, caseId: c.id })).id, text };
  };
  const code = (d: { id: string; text: string }, phrase: string, codeId: string, coderId = amira.id) =>
    p.applyCode({ documentId: d.id, ...rangeOf(d.text, phrase), codeId, coderId });
  const n1 = await doc('N1', nOrg.id, N1);
  await code(n1, 'We find beds', housing.id);
  await code(n1, 'We find beds', housing.id, luc.id); // the same passage, another coder: one quote
  await code(n1, 'find beds', met.id);
  await code(n1, 'fear the police', fear.id);
  const n2 = await doc('N2', nOrg.id, N2);
  await code(n2, 'Emergency beds are rare.', emergency.id);
  await code(n2, ' Unmet, really.', unmet.id); // touches the need's passage: does not qualify it
  await code(n2, 'beds are rare', adHoc.id);
  await code(n2, 'Fear is everywhere', fear.id);
  const n3 = await doc('N3', nOrg.id, N3);
  await code(n3, 'Lawyers help', legal.id);
  await code(n3, 'help for free', met.id);
  await code(n3, 'No funding though', funding.id);
  const s1 = await doc('S1', sOrg.id, S1);
  await code(s1, 'No shelter here.', housing.id);
  await code(s1, 'Nothing for status either.', legal.id);
  await code(s1, 'shelter here. Nothing', unmet.id); // overlaps both needs' passages
  await code(s1, 'Fear rules', fear.id);
  const s2 = await doc('S2', sOrg.id, S2);
  await code(s2, 'Shelter beds come and go', housing.id);
  await code(s2, 'come and go', adHoc.id, luc.id);

  const needHousing = await p.createNeed({ name: 'Housing', horizon: 'short_term', purpose: 'protection', codeIds: [housing.id] });
  const needLegal = await p.createNeed({ name: 'Legal', horizon: 'long_term', purpose: 'protection', codeIds: [legal.id] });
  const needHealth = await p.createNeed({ name: 'Health', horizon: 'short_term', purpose: 'protection', codeIds: [health.id] });
  await p.setGapStatusCodes({ met: [met.id], ad_hoc: [adHoc.id], unmet: [unmet.id] });
  const northProvider = await p.createServiceOrganisation({ name: 'North shelter', siteId: north.id, caseId: nOrg.id });
  await p.createService({ organisationId: northProvider.id, name: 'Beds', needIds: [needHousing.id] });
  const southProvider = await p.createServiceOrganisation({ name: 'South clinic', siteId: south.id });
  await p.createService({ organisationId: southProvider.id, name: 'Clinic', needIds: [needHealth.id] });
  await p.createBarrier({ name: 'Fear', codeIds: [fear.id] });
  await p.createBarrier({ name: 'Funding', codeIds: [funding.id] });
  await p.createBarrier({ name: 'Silence' });
  return { p, amira, luc, lead, north, south, west, nOrg, needHousing, needLegal, needHealth };
}

export function gapsContract(adapter: string, freshLocation: () => Promise<string>): void {
  describe(`gaps contract: ${adapter}`, () => {
    test('proposal rule: most cases wins, ties go to the worse, then services, then unknown', () => {
      assert.equal(proposedStatus({ met: 2, ad_hoc: 1, unmet: 1 }, 4, 0), 'met');
      assert.equal(proposedStatus({ met: 1, ad_hoc: 1, unmet: 0 }, 2, 0), 'ad_hoc');
      assert.equal(proposedStatus({ met: 1, ad_hoc: 1, unmet: 1 }, 3, 3), 'unmet');
      assert.equal(proposedStatus({ met: 0, ad_hoc: 0, unmet: 0 }, 2, 1), 'met');
      assert.equal(proposedStatus({ met: 0, ad_hoc: 0, unmet: 0 }, 0, 1), 'met');
      assert.equal(proposedStatus({ met: 0, ad_hoc: 0, unmet: 0 }, 2, 0), 'unmet');
      assert.equal(proposedStatus({ met: 0, ad_hoc: 0, unmet: 0 }, 0, 0), 'unknown');
    });

    test('the gap matrix matches a hand computation; a decision wins and changes which rows differ', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, lead, north, needHousing } = await gapStudy(store);
        const cells = (m: Awaited<ReturnType<typeof gapMatrix>>) =>
          m.rows.map((r) => [r.need.name, r.differs, ...r.cells.map((c) => `${c.status} ${c.cases} ${c.casesByStatus.met}/${c.casesByStatus.ad_hoc}/${c.casesByStatus.unmet} s${c.services}`)]);
        const before = await gapMatrix(p);
        assert.deepEqual(before.sites, [
          { id: before.sites[0]!.id, name: 'North', codedCases: 3 },
          { id: before.sites[1]!.id, name: 'South', codedCases: 2 },
          { id: before.sites[2]!.id, name: 'West', codedCases: 0 },
        ]);
        assert.deepEqual(cells(before), [
          ['Housing', true, 'ad_hoc 2 1/1/0 s1', 'unmet 2 0/1/1 s0', 'unknown 0 0/0/0 s0'],
          ['Legal', true, 'met 1 1/0/0 s0', 'unmet 1 0/0/1 s0', 'unknown 0 0/0/0 s0'],
          ['Health', false, 'unknown 0 0/0/0 s0', 'met 0 0/0/0 s1', 'unknown 0 0/0/0 s0'],
        ]);
        assert.deepEqual(before.statusCodes, await p.gapStatusCodes());

        // Only Amira's codings: S2's ad hoc coding was Luc's.
        const mine = await gapMatrix(p, { coderId: amira.id });
        assert.deepEqual(cells(mine)[0], ['Housing', true, 'ad_hoc 2 1/1/0 s1', 'unmet 2 0/0/1 s0', 'unknown 0 0/0/0 s0']);

        await p.decideGap({ needId: needHousing.id, siteId: north.id, status: 'unmet', note: 'Beds are found only for a night.', authorId: lead.id });
        const after = await gapMatrix(p);
        const cell = after.rows[0]!.cells[0]!;
        assert.deepEqual([cell.proposed, cell.status, cell.decision?.note], ['ad_hoc', 'unmet', 'Beds are found only for a night.']);
        assert.equal(after.rows[0]!.differs, false, 'North and South are now both unmet');
      });
    });

    test('a cell opens its passages: the need’s codes with sub-codes at the site, by coder; sites only', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, luc, north, south, nOrg, needHousing, needLegal } = await gapStudy(store);
        const texts = async (need: string, site: string, coderId?: string) =>
          (await gapCellSegments(p, need, site, coderId ? { coderId } : {})).map((r) => [r.document.name, r.coding.quote.exact, r.site?.name]);
        assert.deepEqual(await texts(needHousing.id, north.id), [['N1', 'We find beds', 'North'], ['N2', 'Emergency beds are rare.', 'North']]);
        assert.deepEqual(await texts(needLegal.id, south.id), [['S1', 'Nothing for status either.', 'South']]);
        assert.deepEqual(await texts(needHousing.id, south.id, luc.id), []);
        const fear = (await p.findBarrier('fear')).id;
        assert.deepEqual((await barrierCellSegments(p, fear, north.id)).map((r) => r.coding.quote.exact), ['fear the police', 'Fear is everywhere']);
        await assert.rejects(gapCellSegments(p, needHousing.id, nOrg.id), /"North shelter" is not a site/);
        await assert.rejects(gapCellSegments(p, 'nope', north.id), /no need "nope"/);
      });
    });

    test('barrier prevalence: shares of each site’s coded cases, similarities and differences', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p } = await gapStudy(store);
        const rows = (b: Awaited<ReturnType<typeof barrierPrevalence>>) =>
          b.rows.map((r) => [r.barrier.name, r.cases, r.shares, r.verdict, r.strongAt.map((s) => s.name), r.weakAt.map((s) => s.name)]);
        const half = await barrierPrevalence(p);
        assert.deepEqual([half.threshold, half.weak, half.sites.map((s) => s.codedCases)], [0.5, 0, [3, 2, 0]]);
        assert.deepEqual(rows(half), [
          ['Fear', [2, 1, 0], [2 / 3, 1 / 2, null], 'similarity', ['North', 'South'], []],
          ['Funding', [1, 0, 0], [1 / 3, 0, null], null, [], ['South']],
          ['Silence', [0, 0, 0], [0, 0, null], null, [], ['North', 'South']],
        ]);
        const low = await barrierPrevalence(p, { threshold: 0.3 });
        assert.deepEqual(rows(low)[1], ['Funding', [1, 0, 0], [1 / 3, 0, null], 'difference', ['North'], ['South']]);
        await assert.rejects(barrierPrevalence(p, { threshold: 0 }), /threshold must be above 0/);
        await assert.rejects(barrierPrevalence(p, { threshold: 0.4, weak: 0.4 }), /below the threshold/);
      });
    });
  });
}

/** The demo's gap matrix and barrier prevalence, as plain values to compare across databases. */
async function demoGapSummary(location: string) {
  return withStore(location, async (store) => {
    const { project } = await ensureDemo(store);
    const matrix = await gapMatrix(project);
    const prevalence = await barrierPrevalence(project);
    const byCases = await matrixQuery(project, { columns: { by: 'site' }, count: 'cases' });
    return {
      sites: matrix.sites.map((s) => [s.name, s.codedCases]),
      needs: matrix.rows.map((r) => [r.need.name, r.differs, r.cells.map((c) => [c.proposed, c.status, c.cases, c.casesByStatus, c.services])]),
      barriers: prevalence.rows.map((r) => [r.barrier.name, r.cases, r.verdict]),
      /** What the matrix query counts for each need's and barrier's (single) code, by site. */
      expected: {
        sites: byCases.columns.map((c) => [c.label, c.codedCases]),
        needs: matrix.rows.map((r) => byCases.cases[byCases.rows.findIndex((x) => x.codeId === r.need.codeIds[0])]!),
        barriers: prevalence.rows.map((r) => byCases.cases[byCases.rows.findIndex((x) => x.codeId === r.barrier.codeIds[0])]!),
      },
    };
  });
}

export function demoGaps(sqlite: () => Promise<string>, postgres: (() => Promise<string>) | null): void {
  test('demo study: gap cases and barrier prevalence agree with the matrix query, and both databases agree', async () => {
    const answers = await demoGapSummary(await sqlite());
    assert.deepEqual(answers.sites, answers.expected.sites);
    assert.equal(answers.needs.length, 11);
    assert.deepEqual(answers.needs.map(([, , cells]) => (cells as unknown[][]).map((c) => c[2])), answers.expected.needs);
    assert.deepEqual(answers.barriers.map(([, cases]) => cases), answers.expected.barriers);
    // Every status-qualified case evidences the need; some cells are qualified, some only by services, some differ.
    const cells = answers.needs.flatMap(([, , c]) => c as [string, string, number, Record<string, number>, number][]);
    for (const [, , cases, byStatus] of cells) for (const n of Object.values(byStatus)) assert.equal(n <= cases, true);
    assert.equal(cells.some(([, , , byStatus]) => Object.values(byStatus).some((n) => n > 0)), true);
    assert.equal(answers.needs.some(([, differs]) => differs), true);
    if (postgres) assert.deepEqual(await demoGapSummary(await postgres()), answers);
  });
}
