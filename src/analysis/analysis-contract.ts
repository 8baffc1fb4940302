// The analyses' answers on a small hand-checked project, for every adapter: the same
// expectations on SQLite and PostgreSQL prove both give identical answers.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { detectTurns } from '../core/text/turns.ts';
import { parseQuery, mapCodes } from '../core/analysis/query-syntax.ts';
import { rangeOf, system, withStore } from '../store/contract/fixtures.ts';
import { ensureDemo } from '../demo/build.ts';
import type { ProjectStore, Store } from '../store/store.ts';
import { codingQuery, type CodingQueryOptions } from './coding-query.ts';
import { matrixCellCodings, matrixQuery } from './matrix.ts';
import { cooccurrence } from './cooccurrence.ts';
import { frameworkCellSegments, frameworkView } from './framework.ts';
import { compareSites } from './site-comparison.ts';
import { caseProfile } from './case-profile.ts';
import { loadStudy } from './scope.ts';
import type { CodeId } from '../core/model.ts';

export const D1 = ['Q: Where do you live now?', 'A: I fear deportation and I need a safe house.', 'Q: Is there more?', 'A: Fear keeps me silent 👩 always.'].join('\n');
export const D2 = 'A: Housing fear is everywhere.';
export const D3 = 'Nothing coded here but housing.';

/**
 * Montreal (shelter: P1 with D1; legal clinic: P3 with D3) and Toronto (legal clinic: P2 with D2).
 * Codes Obstacles/{Fear, Silence}, Needs/Housing; coders Amira and Luc.
 */
export async function smallStudy(store: Store) {
  const p = await store.createProject({ title: 'Small' }, system);
  const amira = await p.createUser({ name: 'Amira', role: 'coder' });
  const luc = await p.createUser({ name: 'Luc', role: 'coder' });
  await p.defineAttribute({ name: 'province', type: 'text', caseKinds: ['site'] });
  await p.defineAttribute({ name: 'organisation type', type: 'text', caseKinds: ['organisation'] });
  const montreal = await p.createCase({ kind: 'site', name: 'Montreal', attributes: { province: 'Quebec' } });
  const toronto = await p.createCase({ kind: 'site', name: 'Toronto', attributes: { province: 'Ontario' } });
  const shelter = await p.createCase({ kind: 'organisation', name: 'Shelter', parentId: montreal.id, attributes: { 'organisation type': 'shelter' } });
  const clinic = await p.createCase({ kind: 'organisation', name: 'Clinic', parentId: montreal.id, attributes: { 'organisation type': 'legal clinic' } });
  const tClinic = await p.createCase({ kind: 'organisation', name: 'T Clinic', parentId: toronto.id, attributes: { 'organisation type': 'legal clinic' } });
  const p1 = await p.createCase({ kind: 'participant', name: 'P1', parentId: shelter.id });
  const p3 = await p.createCase({ kind: 'participant', name: 'P3', parentId: clinic.id });
  const p2 = await p.createCase({ kind: 'participant', name: 'P2', parentId: tClinic.id });
  const obstacles = await p.createCode({ name: 'Obstacles', codable: false });
  const fear = await p.createCode({ name: 'Fear', parentId: obstacles.id });
  const silence = await p.createCode({ name: 'Silence', parentId: obstacles.id });
  const needs = await p.createCode({ name: 'Needs', codable: false });
  const housing = await p.createCode({ name: 'Housing', parentId: needs.id });
  const d1 = await p.addDocument({ name: 'D1', text: D1, caseId: p1.id, turns: detectTurns(D1) });
  const d2 = await p.addDocument({ name: 'D2', text: D2, caseId: p2.id });
  const d3 = await p.addDocument({ name: 'D3', text: D3, caseId: p3.id });
  const code = (doc: { id: string }, text: string, phrase: string, codeId: string, coderId: string) =>
    p.applyCode({ documentId: doc.id, ...rangeOf(text, phrase), codeId, coderId });
  const f1 = await code(d1, D1, 'fear deportation', fear.id, amira.id);
  const f1b = await code(d1, D1, 'fear deportation', fear.id, luc.id); // the same segment, another coder
  const and = await code(d1, D1, ' and', silence.id, luc.id); // touches f1
  const h1 = await code(d1, D1, 'I need a safe house', housing.id, amira.id); // 5 code points after f1
  const h2 = await code(d1, D1, 'Where do you live now', housing.id, luc.id); // in an interviewer turn
  const f2 = await code(d1, D1, 'Fear keeps me silent 👩 always', fear.id, amira.id);
  const s1 = await code(d1, D1, 'silent 👩 always', silence.id, amira.id); // nested in f2
  const f3 = await code(d2, D2, 'Housing fear', fear.id, amira.id);
  const h3 = await code(d2, D2, 'Housing', housing.id, amira.id);
  const h4 = await code(d3, D3, 'housing', housing.id, luc.id);
  return {
    p, amira, luc, montreal, toronto, shelter, clinic, p1, p2, p3, obstacles, fear, silence, needs, housing, d1, d2, d3,
    codings: { f1, f1b, and, h1, h2, f2, s1, f3, h3, h4 },
  };
}

async function query(p: ProjectStore, text: string, options: CodingQueryOptions = {}) {
  const expr = await mapCodes(parseQuery(text), async (ref) => (await p.findCode(ref)).id);
  const result = await codingQuery(p, expr, options);
  return result.hits.map((h) => ({ doc: h.document.name, text: h.text, codings: h.codingIds.length }));
}

export function analysisContract(adapter: string, freshLocation: () => Promise<string>): void {
  describe(`analysis contract: ${adapter}`, () => {
    test('coding queries: AND overlaps (nested yes, touching no), OR, NOT, INSIDE, NEAR', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p } = await smallStudy(store);
        assert.deepEqual(await query(p, 'Fear AND Silence'), [{ doc: 'D1', text: 'silent 👩 always', codings: 2 }]);
        assert.deepEqual(await query(p, 'Fear AND Housing'), [{ doc: 'D2', text: 'Housing', codings: 2 }]);
        assert.deepEqual(await query(p, 'Fear OR Silence'), [
          { doc: 'D1', text: 'fear deportation', codings: 2 },
          { doc: 'D1', text: ' and', codings: 1 },
          { doc: 'D1', text: 'Fear keeps me silent 👩 always', codings: 1 },
          { doc: 'D1', text: 'silent 👩 always', codings: 1 },
          { doc: 'D2', text: 'Housing fear', codings: 1 },
        ]);
        assert.deepEqual(await query(p, '"Obstacles/Fear" AND NOT Silence'), [
          { doc: 'D1', text: 'fear deportation', codings: 2 },
          { doc: 'D1', text: 'Fear keeps me ', codings: 1 },
          { doc: 'D2', text: 'Housing fear', codings: 1 },
        ]);
        assert.deepEqual(await query(p, 'Silence INSIDE Fear'), [{ doc: 'D1', text: 'silent 👩 always', codings: 2 }]);
        assert.deepEqual(await query(p, 'Housing NEAR/5 Fear'), [
          { doc: 'D1', text: 'I need a safe house', codings: 3 },
          { doc: 'D2', text: 'Housing', codings: 2 },
        ]);
        assert.deepEqual((await query(p, 'Housing NEAR/4 Fear')).map((h) => h.doc), ['D2']);
        assert.deepEqual((await query(p, 'Housing NEAR/PARAGRAPH Fear')).map((h) => h.text), ['I need a safe house', 'Housing']);
        assert.deepEqual((await query(p, 'Housing NEAR/TURN Fear')).map((h) => h.text), ['I need a safe house']);
        // A category stands for its codes.
        assert.equal((await query(p, 'Obstacles')).length, 5);
      });
    });

    test('coding queries filter by coder, site, case attribute, document, and leave out interviewer turns', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, luc, toronto, d3 } = await smallStudy(store);
        assert.deepEqual(await query(p, 'Fear', { coderId: luc.id }), [{ doc: 'D1', text: 'fear deportation', codings: 1 }]);
        assert.deepEqual((await query(p, 'Housing', { siteId: toronto.id })).map((h) => h.doc), ['D2']);
        assert.deepEqual((await query(p, 'Housing', { attributes: [{ name: 'organisation type', value: 'Legal Clinic' }] })).map((h) => h.doc), ['D2', 'D3']);
        assert.deepEqual((await query(p, 'Housing', { attributes: [{ name: 'province', value: 'quebec' }] })).map((h) => h.text), ['Where do you live now', 'I need a safe house', 'housing']);
        assert.deepEqual((await query(p, 'Housing', { documentIds: [d3.id] })).map((h) => h.doc), ['D3']);
        assert.deepEqual((await query(p, 'Housing', { excludeInterviewer: true })).map((h) => h.text), ['I need a safe house', 'Housing', 'housing']);
        const result = await codingQuery(p, { code: (await p.findCode('Housing')).id });
        assert.equal(result.documents, 3);
        assert.equal(result.cases, 3);
        assert.deepEqual(result.hits.map((h) => [h.case?.name, h.site?.name]), [['P1', 'Montreal'], ['P1', 'Montreal'], ['P2', 'Toronto'], ['P3', 'Montreal']]);
      });
    });

    test('matrix: codes × sites counting cases, segments, documents, words; totals, percentages, drill-down', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, obstacles, fear, montreal, codings } = await smallStudy(store);
        const cases = await matrixQuery(p, { columns: { by: 'site' }, count: 'cases' });
        assert.deepEqual(cases.rows.map((r) => r.path), ['Obstacles', 'Obstacles/Fear', 'Obstacles/Silence', 'Needs', 'Needs/Housing']);
        assert.deepEqual(cases.columns.map((c) => [c.label, c.codedCases]), [['Montreal', 2], ['Toronto', 1]]);
        assert.deepEqual(cases.cells, [[1, 1], [1, 1], [1, 0], [2, 1], [2, 1]]);
        assert.deepEqual(cases.percentOfCases[1], [0.5, 1]);
        assert.deepEqual(cases.rowTotals, [2, 2, 1, 3, 3]);
        assert.deepEqual(cases.columnTotals, [2, 1]);
        const segments = await matrixQuery(p, { columns: { by: 'site' }, count: 'segments' });
        assert.deepEqual(segments.cells, [[4, 1], [2, 1], [2, 0], [3, 1], [3, 1]]);
        assert.deepEqual(segments.columnTotals, [7, 2]);
        assert.equal(segments.total, 9);
        const documents = await matrixQuery(p, { columns: { by: 'site' }, count: 'documents', rootCodeId: obstacles.id });
        assert.deepEqual(documents.rows.map((r) => r.path), ['Obstacles', 'Obstacles/Fear', 'Obstacles/Silence']);
        assert.deepEqual(documents.cells, [[1, 1], [1, 1], [1, 0]]);
        assert.deepEqual(documents.columnTotals, [1, 1]);
        const words = await matrixQuery(p, { columns: { by: 'site' }, count: 'words', rootCodeId: fear.id });
        assert.deepEqual(words.cells, [[8, 2]]);
        const byType = await matrixQuery(p, { columns: { by: 'attribute', name: 'organisation type' }, count: 'cases' });
        assert.deepEqual(byType.columns.map((c) => c.label), ['legal clinic', 'shelter']);
        assert.deepEqual(byType.cells.at(-1), [2, 1]);
        const byParticipant = await matrixQuery(p, { columns: { by: 'case', kind: 'participant' }, count: 'segments', rootCodeId: fear.id });
        assert.deepEqual(byParticipant.columns.map((c) => c.label), ['P1', 'P2', 'P3']);
        assert.deepEqual(byParticipant.cells, [[2, 1, 0]]);
        const drill = await matrixCellCodings(p, { columns: { by: 'site' }, count: 'segments' }, fear.id, montreal.id);
        assert.deepEqual(drill.sort(), [codings.f1.id, codings.f1b.id, codings.f2.id].sort());
        await assert.rejects(matrixQuery(p, { columns: { by: 'attribute', name: 'colour' }, count: 'cases' }), /no case has an attribute "colour"/);
      });
    });

    test('co-occurrence: overlapping passages, touching ones not, and the within-N variant', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, luc } = await smallStudy(store);
        const overlap = await cooccurrence(p);
        assert.deepEqual(overlap.codes.map((c) => c.path), ['Obstacles/Fear', 'Obstacles/Silence', 'Needs/Housing']);
        assert.deepEqual(overlap.counts, [[3, 1, 1], [1, 2, 0], [1, 0, 4]]);
        assert.deepEqual(overlap.pairs.map((x) => [x.a.path, x.b.path, x.count]), [
          ['Obstacles/Fear', 'Needs/Housing', 1],
          ['Obstacles/Fear', 'Obstacles/Silence', 1],
        ]);
        const near = await cooccurrence(p, { within: 5, top: 1 });
        assert.deepEqual(near.counts, [[3, 2, 2], [2, 2, 1], [2, 1, 4]]);
        assert.equal(near.pairs.length, 1);
        // One coder's passages only: Amira's nested and contained ones meet, Luc's only touch.
        assert.deepEqual((await cooccurrence(p, { coderId: amira.id })).counts, [[3, 1, 1], [1, 1, 0], [1, 0, 2]]);
        const lucs = await cooccurrence(p, { coderId: luc.id });
        assert.deepEqual(lucs.counts, [[1, 0, 0], [0, 1, 0], [0, 0, 2]]);
        assert.deepEqual(lucs.pairs, []);
      });
    });

    test('framework view: segment counts per case and theme, saved summaries, drafts and the segments behind a cell', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, obstacles, housing, p1, codings } = await smallStudy(store);
        const plain = await frameworkView(p, { rowKind: 'participant', themeIds: [obstacles.id, housing.id] });
        assert.deepEqual(plain.rows.map((r) => r.name), ['P1', 'P2', 'P3']);
        assert.deepEqual(plain.cells.map((row) => row.map((c) => c.segments)), [[4, 2], [1, 1], [0, 1]]);
        const amiras = await frameworkView(p, { rowKind: 'participant', themeIds: [obstacles.id, housing.id], coderId: amira.id });
        assert.deepEqual(amiras.cells.map((row) => row.map((c) => c.segments)), [[3, 1], [1, 1], [0, 0]]);
        const bySite = await frameworkView(p, { rowKind: 'site', themeIds: [housing.id] });
        assert.deepEqual(bySite.cells.map((row) => row[0]!.segments), [3, 1]);
        const matrix = await p.createFrameworkMatrix({ name: 'Chart', rowKind: 'participant', themeIds: [obstacles.id, housing.id] });
        await p.writeFrameworkCell({ matrixId: matrix.id, caseId: p1.id, codeId: obstacles.id, summary: 'Fear silences her.', segmentIds: [codings.f2.segmentId], authorId: amira.id }, 0);
        const saved = await frameworkView(p, { matrix: 'chart', fill: true });
        const cell = saved.cells[0]![0]!;
        assert.equal(cell.summary, 'Fear silences her.');
        assert.equal(cell.version, 1);
        assert.deepEqual(cell.linkedSegmentIds, [codings.f2.segmentId]);
        assert.equal(cell.draft, undefined);
        assert.equal(saved.cells[0]![1]!.draft, '“Where do you live now” (D1)\n“I need a safe house” (D1)');
        const behind = await frameworkCellSegments(p, p1.id, housing.id);
        assert.deepEqual(behind.map((s) => s.quote), ['Where do you live now', 'I need a safe house']);
      });
    });

    test('site comparison: shares of coded cases, similarities and differences at a threshold', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p } = await smallStudy(store);
        const half = await compareSites(p);
        assert.deepEqual(half.sites.map((s) => [s.name, s.codedCases]), [['Montreal', 2], ['Toronto', 1]]);
        const fear = half.themes.find((t) => t.path === 'Obstacles/Fear')!;
        assert.deepEqual(fear.shares, [0.5, 1]);
        assert.deepEqual(half.similarities.map((t) => t.path), ['Obstacles', 'Obstacles/Fear', 'Needs', 'Needs/Housing']);
        assert.deepEqual(half.differences.map((t) => [t.path, t.strongAt.map((s) => s.name), t.weakAt.map((s) => s.name)]), [['Obstacles/Silence', ['Montreal'], ['Toronto']]]);
        const strict = await compareSites(p, { threshold: 0.6 });
        assert.deepEqual(strict.similarities.map((t) => t.path), ['Needs', 'Needs/Housing']);
        assert.deepEqual(strict.differences, []);
        await assert.rejects(compareSites(p, { threshold: 0 }), /threshold/);
      });
    });

    test('case profile: themes with counts and quotes, own and inherited attributes, memos', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, montreal, d3 } = await smallStudy(store);
        await p.addMemo({ target: { kind: 'case', id: montreal.id }, authorId: amira.id, text: 'Montreal memo' });
        await p.addMemo({ target: { kind: 'document', id: d3.id }, authorId: amira.id, text: 'D3 memo' });
        const site = await caseProfile(p, 'Montreal', { quotes: 1 });
        assert.deepEqual(site.documents.map((d) => d.name), ['D1', 'D3']);
        assert.deepEqual(site.themes.map((t) => [t.path, t.codings, t.segments, t.documents]), [
          ['Obstacles/Fear', 3, 2, 1],
          ['Obstacles/Silence', 2, 2, 1],
          ['Needs/Housing', 3, 3, 2],
        ]);
        assert.deepEqual(site.themes[0]!.quotes.map((q) => q.text), ['fear deportation']);
        assert.deepEqual(site.memos.map((m) => m.text).sort(), ['D3 memo', 'Montreal memo']);
        const person = await caseProfile(p, 'P1');
        assert.deepEqual(person.attributes.map((a) => [a.name, a.value, a.from.name]), [['organisation type', 'shelter', 'Shelter'], ['province', 'Quebec', 'Montreal']]);
        assert.deepEqual([person.organisation?.name, person.site?.name], ['Shelter', 'Montreal']);
        assert.deepEqual(person.memos, []);
      });
    });
  });
}

/** What the analyses answer on the demo study, without ids (which differ between databases). */
async function demoSummary(location: string) {
  return withStore(location, async (store) => {
    const { project: p } = await ensureDemo(store);
    const sites = await matrixQuery(p, { columns: { by: 'site' }, count: 'cases' });
    const segments = await matrixQuery(p, { columns: { by: 'site' }, count: 'segments' });
    const words = await matrixQuery(p, { columns: { by: 'attribute', name: 'organisation type' }, count: 'words' });
    const pairs = await cooccurrence(p, { top: 5 });
    const near = await cooccurrence(p, { within: 200, top: 5 });
    const comparison = await compareSites(p, { threshold: 0.5 });
    const needs = (await p.findCode('Needs')).id;
    const framework = await frameworkView(p, { rowKind: 'site', themeIds: [needs], fill: true });
    const counted = await frameworkView(p, { rowKind: 'participant', themeIds: [needs] });
    const expr = await mapCodes(parseQuery('Needs AND NOT "Safe housing and shelter"'), async (ref) => (await p.findCode(ref)).id);
    const hits = await codingQuery(p, expr, { excludeInterviewer: true });
    const profile = await caseProfile(p, 'Montreal');
    return {
      sites: { columns: sites.columns.map((c) => [c.label, c.codedCases]), cells: sites.cells, totals: sites.columnTotals },
      segments: { cells: segments.cells, recount: await segmentsPerSite(p, segments.rows.map((r) => r.codeId), segments.columns.map((c) => c.key)) },
      counted: counted.cells.map((row) => row.map((c) => c.segments)),
      words: { columns: words.columns.map((c) => c.label), cells: words.cells },
      pairs: pairs.pairs.map((x) => [x.a.path, x.b.path, x.count]),
      near: near.pairs.map((x) => [x.a.path, x.b.path, x.count]),
      comparison: comparison.themes.map((t) => [t.path, t.shares, t.verdict]),
      framework: framework.cells.map((row) => row.map((c) => [c.segments, c.draft?.length ?? 0])),
      hits: hits.hits.map((h) => [h.document.name, h.start, h.end, h.text, h.codingIds.length]),
      profile: profile.themes.map((t) => [t.path, t.codings, t.segments, t.documents]),
    };
  });
}

/** Distinct coded segments per (code with its sub-codes, site), recounted from the codings one by one. */
async function segmentsPerSite(p: ProjectStore, codeIds: CodeId[], siteIds: string[]): Promise<number[][]> {
  const study = await loadStudy(p);
  const siteOf = new Map(study.documents.map((d) => [d.id, study.tree.enclosing(d.caseId, 'site')?.id]));
  return Promise.all(
    codeIds.map(async (codeId) => {
      const codings = await p.codingRanges({ codeIds: study.subtree(codeId) });
      return siteIds.map((site) => new Set(codings.filter((k) => siteOf.get(k.documentId) === site).map((k) => k.segmentId)).size);
    }),
  );
}

/** Sanity checks on the demo, and the same answers from a second database when one is given. */
export function demoAnswers(sqlite: () => Promise<string>, postgres: (() => Promise<string>) | null): void {
  test('demo study: the analyses agree with the study design, and SQLite and PostgreSQL give identical answers', async () => {
    const answers = await demoSummary(await sqlite());
    assert.deepEqual(answers.sites.columns.map(([site]) => site), ['Montreal', 'Toronto', 'Vancouver', 'Winnipeg']);
    // Every site has three coded transcripts (the fourth is not coded yet); no cell exceeds its column's coded cases.
    for (const [, coded] of answers.sites.columns) assert.equal(coded, 3);
    for (const row of answers.sites.cells) row.forEach((n, j) => assert.ok(n <= Number(answers.sites.columns[j]![1])));
    // Sixteen transcripts: PostgreSQL reads them in several id ranges, which must count each passage once.
    assert.deepEqual(answers.segments.cells, answers.segments.recount);
    assert.ok(answers.counted.flat().some((n) => n > 0));
    assert.ok(answers.pairs.length > 0 && answers.pairs.every(([, , n]) => Number(n) > 0));
    assert.ok(Number(answers.near[0]![2]) >= Number(answers.pairs[0]![2]), 'within 200 code points finds at least the overlaps');
    assert.ok(answers.comparison.some(([, , verdict]) => verdict === 'similarity'));
    assert.ok(answers.hits.length > 0 && answers.hits.every(([, start, end, text]) => Number(end) > Number(start) && String(text).length > 0));
    assert.ok(answers.framework.every((row) => row.every(([segments, draft]) => (segments === 0) === (draft === 0))));
    assert.ok(answers.profile.length > 0);
    if (postgres) assert.deepEqual(await demoSummary(await postgres()), answers);
  });
}
