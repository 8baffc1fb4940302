// Project agreement on small constructed projects in a real SQLite file, with
// answers computed by hand (overlapping codings, uncoded text), and on the demo study.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, CodeId, UserId } from '../core/model.ts';
import type { Result } from '../core/stats/result.ts';
import { ensureDemo } from '../demo/build.ts';
import { openStore } from '../store/open.ts';
import type { ProjectStore, Store } from '../store/store.ts';
import { projectAgreement, type AgreementReport } from './agreement.ts';

const system: Actor = { system: 'agreement-test' };
const dir = mkdtempSync(join(tmpdir(), 'crosswise-agreement-'));
let store: Store;
let p: ProjectStore;
let amira: UserId;
let luc: UserId;
let third: UserId;
let x: CodeId;
let y: CodeId;

function value<T extends { defined: true; value: number }>(r: Result<T> | null): number {
  assert.ok(r?.defined, `expected a value, got ${JSON.stringify(r)}`);
  return r.value;
}

const near = (actual: number, expected: number, what = '') =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${what} ${actual} ≠ ${expected}`);

const code = (report: AgreementReport, id: CodeId) => report.codes.find((c) => c.codeId === id)!;

/*
 * Two documents of 100 and 50 characters; codes X and Y.
 *   doc 1: Amira X 10..30 and X 20..40 (overlapping: together 10..40), Y 60..70
 *          Luc   X 15..40, Y 60..80
 *   doc 2: Amira X 0..10, Y 20..30
 *          Luc   Y 20..30
 * A third coder (for Fleiss) codes X 10..40 in doc 1 and Y 20..30 in doc 2.
 */
before(async () => {
  store = await openStore(join(dir, 'agreement.db'));
  p = await store.createProject({ title: 'Agreement' }, system);
  amira = (await p.createUser({ name: 'Amira', role: 'coder' })).id;
  luc = (await p.createUser({ name: 'Luc', role: 'coder' })).id;
  third = (await p.createUser({ name: 'Third', role: 'coder' })).id;
  const themes = await p.createCode({ name: 'Themes', codable: false });
  x = (await p.createCode({ name: 'X', parentId: themes.id })).id;
  y = (await p.createCode({ name: 'Y', parentId: themes.id })).id;
  const one = (await p.addDocument({ name: 'one', text: 'a'.repeat(100) })).id;
  const two = (await p.addDocument({ name: 'two', text: 'b'.repeat(50) })).id;
  await p.addDocument({ name: 'uncoded', text: 'c'.repeat(30) });
  const apply = (documentId: string, coderId: string, codeId: string, start: number, end: number) =>
    p.applyCode({ documentId, coderId, codeId, start, end });
  await apply(one, amira, x, 10, 30);
  await apply(one, amira, x, 20, 40);
  await apply(one, amira, y, 60, 70);
  await apply(one, luc, x, 15, 40);
  await apply(one, luc, y, 60, 80);
  await apply(two, amira, x, 0, 10);
  await apply(two, amira, y, 20, 30);
  await apply(two, luc, y, 20, 30);
  await apply(one, third, x, 10, 40);
  await apply(two, third, y, 20, 30);
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('character level, two coders', () => {
  test('counts every character: kappa inflated by uncoded text', async () => {
    const r = await projectAgreement(p, { coderIds: [amira, luc] });
    assert.deepEqual(r.documents.map((d) => d.name), ['one', 'two']);
    assert.deepEqual(r.skippedDocuments.map((d) => [d.name, d.reason]), [['uncoded', 'not coded by Amira, Luc']]);
    // X: both 25 (15..40), Amira only 15 (10..15, doc 2 0..10), neither 110 → κ = (20250 − 14750)/(22500 − 14750)
    const cx = code(r, x);
    assert.equal(cx.code, 'Themes/X');
    assert.equal(cx.units, 150);
    assert.deepEqual(cx.codedBy, [{ coderId: amira, units: 40 }, { coderId: luc, units: 25 }]);
    near(value(cx.percentAgreement), 0.9, 'X percent');
    near(value(cx.cohenKappa), 22 / 31, 'X kappa');
    // Coincidences: o_11 = 50, o_10 = o_01 = 15, o_00 = 220; n = 300, n_0 = 235, n_1 = 65.
    near(value(cx.krippendorffAlpha), 1 - (299 * 15) / (235 * 65), 'X alpha');
    assert.equal(cx.fleissKappa, null);
    // Y: both 20, Luc only 10, neither 120 → κ = 4800/6300.
    near(value(code(r, y).cohenKappa), 16 / 21, 'Y kappa');
    // Overall pools both codes: both 45, Amira only 15, Luc only 10, neither 230.
    near(value(r.overall.cohenKappa), 68 / 93, 'overall kappa');
    near(value(r.overall.percentAgreement), 275 / 300, 'overall percent');
    assert.match(r.notes[0]!, /76\.7% of the decisions are such uncoded text, which inflates/);
  });

  test('--only-coded counts only characters someone coded, and kappa falls to what coding shows', async () => {
    const r = await projectAgreement(p, { coderIds: [amira, luc], onlyCoded: true });
    const cx = code(r, x);
    // X: both 25, Amira only 15; Amira coded every unit, so chance agreement equals observed: κ = 0.
    assert.equal(cx.units, 40);
    near(value(cx.percentAgreement), 25 / 40);
    near(value(cx.cohenKappa), 0);
    assert.match(r.notes[0]!, /text nobody coded is left out/);
  });

  test('lists each disagreement with its range and who coded it', async () => {
    const r = await projectAgreement(p, { coderIds: [amira, luc] });
    assert.deepEqual(
      r.disagreements.map((d) => [d.document, d.start, d.end, d.code, d.codedBy, d.notCodedBy]),
      [
        ['one', 10, 15, 'Themes/X', [amira], [luc]],
        ['one', 70, 80, 'Themes/Y', [luc], [amira]],
        ['two', 0, 10, 'Themes/X', [amira], [luc]],
      ],
    );
  });

  test('unitizing alpha per code, the documents end to end (hand-computed)', async () => {
    const r = await projectAgreement(p, { coderIds: [amira, luc], codeIds: [x] });
    // Continuum 150. Amira: 10..40, 100..110; Luc: 15..40.
    // D_o: segments 10..40 vs 15..40 → 5² + 0² = 25; 100..110 inside Luc's gap 40..150 → 10² = 100;
    //      2·125 / (2·1·150²). D_e: N = 3 (30, 10, 25), gaps 10, 60, 40, 15, 110:
    //      30 → 34220 + 900·123, 10 → 1140 + 100·190, 25 → 19600 + 625·138; Σ = 270910;
    //      D_e = (2/150)·270910 / (300·299 − 1560).
    const expected = 1 - 250 / 45000 / (((2 / 150) * 270910) / 88140);
    near(value(code(r, x).unitizingAlpha), expected, 'α_u');
    assert.deepEqual(r.codes.map((c) => c.codeId), [x]);
  });

  test('swapping the coders changes no statistic', async () => {
    const ab = await projectAgreement(p, { coderIds: [amira, luc] });
    const ba = await projectAgreement(p, { coderIds: [luc, amira] });
    for (const [i, c] of ab.codes.entries()) {
      near(value(ba.codes[i]!.cohenKappa), value(c.cohenKappa));
      near(value(ba.codes[i]!.krippendorffAlpha), value(c.krippendorffAlpha));
      near(value(ba.codes[i]!.unitizingAlpha), value(c.unitizingAlpha));
    }
  });
});

describe('character level, three coders', () => {
  test('gives Fleiss’ kappa instead of Cohen’s', async () => {
    const r = await projectAgreement(p, { coderIds: [amira, luc, third], codeIds: [x] });
    const cx = code(r, x);
    // X: 10..15 Amira+Third (2 of 3), 15..40 all, doc 2 0..10 Amira only, 110 uncoded.
    // P̄ = (5·⅓ + 25 + 110 + 10·⅓)/150; p_coded = 95/450.
    const observed = 140 / 150;
    const expected = (95 ** 2 + 355 ** 2) / 450 ** 2;
    near(value(cx.fleissKappa), (observed - expected) / (1 - expected), 'Fleiss');
    near(value(cx.percentAgreement), observed, 'percent');
    assert.equal(cx.cohenKappa, null);
  });
});

describe('segment level', () => {
  test('matches passages by overlap; unmatched passages are disagreements', async () => {
    const r = await projectAgreement(p, { coderIds: [amira, luc], unit: 'segment' });
    // Passages: doc 1 {A 10..30}, {A 20..40 ~ L 15..40 (0.8)}, {A 60..70 ~ L 60..80 (0.5)};
    // doc 2 {A 0..10}, {A 20..30 ~ L 20..30}. A 10..30 ~ L 15..40 (0.5) loses to the better match.
    const cx = code(r, x);
    assert.equal(cx.units, 5);
    // X: both 1, Amira only 2, neither 2 → κ = (15 − 11)/(25 − 11).
    near(value(cx.cohenKappa), 4 / 14);
    near(value(code(r, y).cohenKappa), 1);
    assert.equal(r.overlap, 0.5);
    assert.deepEqual(
      r.disagreements.map((d) => [d.document, d.start, d.end, d.code]),
      [
        ['one', 10, 30, 'Themes/X'],
        ['two', 0, 10, 'Themes/X'],
      ],
    );
  });

  test('a stricter threshold leaves passages unmatched', async () => {
    const r = await projectAgreement(p, { coderIds: [amira, luc], unit: 'segment', overlap: 0.9 });
    // Only the identical doc 2 passages still match: 7 passages in all.
    assert.equal(code(r, y).units, 7);
    assert.ok(value(code(r, y).percentAgreement) < 1);
  });

  test('--only-coded keeps only passages someone coded with the code', async () => {
    const r = await projectAgreement(p, { coderIds: [amira, luc], unit: 'segment', onlyCoded: true });
    assert.equal(code(r, x).units, 3);
    near(value(code(r, x).percentAgreement), 1 / 3);
  });
});

describe('document level', () => {
  test('compares presence; no variation is undefined with its reason, not 1', async () => {
    const r = await projectAgreement(p, { coderIds: [amira, luc], unit: 'document' });
    // X: doc 1 both, doc 2 Amira only → κ = 0. Y: both coded both documents.
    near(value(code(r, x).cohenKappa), 0);
    const cy = code(r, y);
    assert.equal(value(cy.percentAgreement), 1);
    assert.equal(cy.krippendorffAlpha.defined, false);
    assert.match(cy.krippendorffAlpha.defined ? '' : cy.krippendorffAlpha.reason, /no variation/);
    assert.equal(cy.cohenKappa?.defined, false);
    assert.deepEqual(r.disagreements.map((d) => [d.document, d.start, d.end]), [['two', 0, 50]]);
  });
});

describe('choices and errors', () => {
  test('a category stands for its codes; named documents are used as given', async () => {
    const [themes] = (await p.listCodes()).filter((c) => !c.codable);
    const uncoded = await p.findDocument('uncoded');
    const r = await projectAgreement(p, { coderIds: [amira, luc], codeIds: [themes!.id], documentIds: [uncoded.id], unit: 'document' });
    assert.deepEqual(r.codes.map((c) => c.code), ['Themes/X', 'Themes/Y']);
    assert.equal(r.skippedDocuments.length, 0);
    assert.match(r.codes[0]!.krippendorffAlpha.defined ? '' : r.codes[0]!.krippendorffAlpha.reason, /no variation/);
  });

  test('refuses fewer than two coders and unknown ones', async () => {
    await assert.rejects(projectAgreement(p, { coderIds: [amira, amira] }), /at least two different coders/);
    await assert.rejects(projectAgreement(p, { coderIds: [amira, 'nobody'] }), /no user or coder "nobody"/);
    await assert.rejects(projectAgreement(p, { coderIds: [amira, luc], overlap: 0 }), /overlap threshold/);
  });
});

describe('the demo study', () => {
  test('Amira Haddad and Luc Tremblay: all units give defined statistics and disagreements', async () => {
    const demoStore = await openStore(join(dir, 'demo.db'));
    try {
      const { project } = await ensureDemo(demoStore);
      const coders = [(await project.findUser('Amira Haddad')).id, (await project.findUser('Luc Tremblay')).id];
      const all = await projectAgreement(project, { coderIds: coders });
      const coded = await projectAgreement(project, { coderIds: coders, onlyCoded: true });
      assert.equal(all.documents.length, 12);
      assert.ok(all.codes.length > 10);
      assert.ok(all.disagreements.length > 0);
      const kappaAll = value(all.overall.cohenKappa);
      const kappaCoded = value(coded.overall.cohenKappa);
      assert.ok(kappaAll > kappaCoded, `uncoded text inflates kappa: ${kappaAll} vs ${kappaCoded}`);
      for (const unit of ['segment', 'document'] as const) {
        const r = await projectAgreement(project, { coderIds: coders, unit });
        for (const s of [r.overall.percentAgreement, r.overall.cohenKappa, r.overall.krippendorffAlpha]) {
          const v = value(s);
          assert.ok(v >= -1 && v <= 1, `${unit}: ${v}`);
        }
        assert.ok(r.disagreements.length > 0);
      }
    } finally {
      await demoStore.close();
    }
  });
});
