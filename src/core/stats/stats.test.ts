// Known answers from published sources, and properties every statistic must keep.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReliabilityData, Value } from './data.ts';
import type { Result } from './result.ts';
import { percentAgreementOf } from './percent-agreement.ts';
import { cohenKappa, cohenKappaFromTable, type KappaWeights } from './cohen-kappa.ts';
import { fleissKappa, fleissKappaOf } from './fleiss-kappa.ts';
import { krippendorffAlphaOf, LEVELS } from './krippendorff-alpha.ts';
import { unitizingAlpha, type Interval } from './unitizing-alpha.ts';

const FIXTURES = join(import.meta.dirname, '../../../../shared/fixtures/reliability');

function value<T extends { defined: true; value: number }>(r: Result<T>): T {
  assert.ok(r.defined, `expected a value, got undefined: ${r.defined ? '' : r.reason}`);
  return r;
}

function near(actual: number, expected: number, tolerance: number, what = ''): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what} ${actual} is not within ${tolerance} of ${expected}`);
}

function assertUndefined(r: Result<{ defined: true }>, reason: RegExp): void {
  assert.equal(r.defined, false, 'expected an undefined result');
  if (!r.defined) assert.match(r.reason, reason);
}

/** Coder × unit data from rows of values (null: missing). */
function data(...rows: (Value | null)[][]): ReliabilityData {
  return { coders: rows.map((_, i) => `c${i + 1}`), units: rows[0]!.map((_, u) => `u${u + 1}`), values: rows };
}

/** A table of counts from units × raters data (the shape of R irr's data sets). */
function byUnit(ratings: number[][]): ReliabilityData {
  return data(...ratings[0]!.map((_, r) => ratings.map((unit) => unit[r]!)));
}

/** "[0]*40 + [1]*60" → forty 0s then sixty 1s (the notation of expected.json). */
const runs = (spec: string): number[] => [...spec.matchAll(/\[(\d+)\]\*(\d+)/g)].flatMap((m) => new Array<number>(Number(m[2])).fill(Number(m[1])));

function readFixture(): ReliabilityData {
  const [header, ...lines] = readFileSync(join(FIXTURES, 'krippendorff2011_reliability_data.csv'), 'utf8').trim().split(/\r?\n/);
  const rows = lines.map((l) => l.split(','));
  return {
    coders: rows.map((r) => r[0]!),
    units: header!.split(',').slice(1),
    values: rows.map((r) => r.slice(1).map((v) => (v === '' ? null : Number(v)))),
  };
}

const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as {
  krippendorff_alpha: Record<'nominal' | 'ordinal' | 'interval' | 'ratio', number> & { pairable_values_n: number };
  cohen_kappa: { y1: string; y2: string; kappa?: number; unweighted?: number; linear?: number; quadratic?: number; tolerance: number }[];
};

// Fleiss (1971), Table 1: 30 patients, 6 psychiatrists each, 5 diagnoses
// (1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other); as
// R irr's `diagnoses` data set, transcribed in statsmodels' test_inter_rater.py.
const DIAGNOSES = [
  [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
  [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
  [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
  [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
  [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
  [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
];

// R irr's `anxiety` data set (20 subjects, 3 raters), column by column, from statsmodels' test_inter_rater.py.
const ANXIETY = [
  3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3, 3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4,
  2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2,
];
const anxietyRater = (r: number) => ANXIETY.slice(20 * r, 20 * r + 20);

describe('Krippendorff’s alpha', () => {
  const fixture = readFixture();
  for (const level of LEVELS) {
    test(`reproduces Krippendorff (2011)'s worked example, ${level}: ${expected.krippendorff_alpha[level]}`, () => {
      const a = value(krippendorffAlphaOf(fixture, level));
      near(a.value, expected.krippendorff_alpha[level], 1e-9, level);
      assert.equal(a.pairableValues, expected.krippendorff_alpha.pairable_values_n);
      assert.equal(a.units, 11, 'unit 12 has a single value and is not pairable');
    });
  }

  test('is undefined, not 1, when there is no variation, and says why', () => {
    for (const level of LEVELS) assertUndefined(krippendorffAlphaOf(data([1, 1, 1], [1, 1, null]), level), /no variation/);
  });

  test('is undefined when fewer than two values are pairable', () => {
    assertUndefined(krippendorffAlphaOf(data([1, null, 3], [null, 2, null])), /fewer than 2 pairable values/);
  });

  test('refuses text for interval and ratio data', () => {
    assert.throws(() => krippendorffAlphaOf(data(['a', 'b'], ['a', 'a']), 'interval'), /needs numbers/);
  });
});

describe('Cohen’s kappa', () => {
  for (const [i, c] of expected.cohen_kappa.entries()) {
    test(`reproduces scikit-learn's case ${i + 1} (expected.json)`, () => {
      const [a, b] = [runs(c.y1), runs(c.y2)];
      const cases: [KappaWeights, number | undefined][] = [
        ['unweighted', c.kappa ?? c.unweighted],
        ['linear', c.linear],
        ['quadratic', c.quadratic],
      ];
      for (const [weights, want] of cases) if (want !== undefined) near(value(cohenKappa(a, b, { weights })).value, want, c.tolerance, weights);
    });
  }

  // SAS PROC FREQ output for table [[0,4,1],[0,8,0],[0,1,5]], as checked in statsmodels' test_inter_rater.py.
  test('reproduces SAS: kappa 0.4842, ASE 0.1380, CI 0.2137–0.7547, ASE₀ 0.1484, z 3.2626', () => {
    const k = value(cohenKappaFromTable([[0, 4, 1], [0, 8, 0], [0, 1, 5]]));
    for (const [got, want] of [[k.value, 0.4842], [k.se, 0.138], [k.ci95[0], 0.2137], [k.ci95[1], 0.7547], [k.seNull, 0.1484], [k.z!, 3.2626]] as const) near(got, want, 5e-5);
  });

  test('reproduces SAS weighted (Cicchetti–Allison, i.e. linear): 0.4701, ASE 0.1457, CI 0.1845–0.7558, ASE₀ 0.1426, z 3.2971', () => {
    const k = value(cohenKappaFromTable([[0, 4, 1], [0, 8, 0], [0, 1, 5]], 'linear'));
    for (const [got, want] of [[k.value, 0.4701], [k.se, 0.1457], [k.ci95[0], 0.1845], [k.ci95[1], 0.7558], [k.seNull, 0.1426], [k.z!, 3.2971]] as const) near(got, want, 5e-5);
  });

  // R irr: kappa2(anxiety[,2:3]), kappa2(anxiety[,2:3], "equal"), kappa2(anxiety[,2:3], "squared").
  test('agrees with R irr kappa2 on the anxiety data (value and z)', () => {
    const cases: [KappaWeights, number, number][] = [
      ['unweighted', -0.006289308, -0.0604067],
      ['linear', 0.1459075, 1.282472],
      ['quadratic', 0.2520325, 1.437451],
    ];
    for (const [weights, kappa, z] of cases) {
      const k = value(cohenKappa(anxietyRater(1), anxietyRater(2), { weights }));
      near(k.value, kappa, 1e-6, weights);
      near(k.z!, z, 1e-5, weights);
    }
  });

  test('is undefined when both coders used one and the same category', () => {
    assertUndefined(cohenKappa(['x', 'x', 'x'], ['x', 'x', 'x']), /no variation/);
    assertUndefined(cohenKappa(['x', null], [null, 'y']), /no unit was coded by both/);
  });
});

describe('Fleiss’ kappa', () => {
  test('reproduces Fleiss (1971): κ = 0.430 (R irr: 0.4302445, z = 17.65183) and per-diagnosis kappas', () => {
    const k = value(fleissKappaOf(byUnit(DIAGNOSES)));
    near(k.value, 0.4302445, 1e-7);
    near(k.z!, 17.65183, 1e-4);
    assert.equal(k.units, 30);
    assert.equal(k.raters, 6);
    // R irr kappam.fleiss(diagnoses, detail = TRUE), to the three decimals it prints.
    assert.deepEqual(
      k.categories.map((c) => (c.kappa.defined ? Number(c.kappa.value.toFixed(3)) : null)),
      [0.245, 0.245, 0.52, 0.471, 0.566],
    );
  });

  test('gives the same from the table of counts', () => {
    const counts = DIAGNOSES.map((unit) => [1, 2, 3, 4, 5].map((c) => unit.filter((v) => v === c).length));
    near(value(fleissKappa({ categories: [1, 2, 3, 4, 5], rows: counts.map((c) => ({ counts: c })) })).value, 0.4302445, 1e-7);
  });

  // Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories; κ = 0.210.
  test('reproduces the Wikipedia example: κ = 0.210', () => {
    const rows = [
      [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ];
    const k = value(fleissKappa({ categories: [1, 2, 3, 4, 5], rows: rows.map((counts) => ({ counts })) }));
    near(k.observed, 0.378, 5e-4);
    near(k.expected, 0.213, 5e-4);
    near(k.value, 0.21, 5e-4);
  });

  test('refuses a table whose units have different numbers of ratings', () => {
    assert.throws(() => fleissKappa({ categories: ['a', 'b'], rows: [{ counts: [2, 1] }, { counts: [1, 1] }] }), /same number of ratings/);
  });

  test('uses only units every coder coded, and is undefined without variation', () => {
    const k = value(fleissKappaOf(data([1, 2, 1, null], [1, 2, 2, 1], [1, 2, 1, 2])));
    assert.equal(k.unitsLeftOut, 1);
    assertUndefined(fleissKappaOf(data([1, 1], [1, 1], [1, 1])), /no variation/);
  });
});

describe('percent agreement', () => {
  test('is the mean share of agreeing coder pairs per unit', () => {
    // Unit 1: all agree (1); unit 2: 1 of 3 pairs (1/3); unit 3: two values, agree (1); unit 4: one value, not pairable.
    const p = value(percentAgreementOf(data([1, 1, 2, 1], [1, 1, 2, null], [1, 2, null, null])));
    near(p.value, (1 + 1 / 3 + 1) / 3, 1e-12);
    near(p.unanimous, 2 / 3, 1e-12);
    assert.equal(p.units, 3);
    assertUndefined(percentAgreementOf(data([1, null], [null, 2])), /no unit has values from two or more coders/);
  });
});

describe('Krippendorff’s unitizing alpha', () => {
  // Krippendorff (2004), Content Analysis, 2nd ed., p. 254: a continuum 150..450, two coders,
  // category c: D_o = 0.0144, D_e = 0.0532, α_c = 0.7286; category k: perfect agreement.
  // The same example is a test of DKPro Statistics (Krippendorff2004Test).
  const continuum = { start: 150, end: 450 };
  const at = (start: number, length: number): Interval => ({ start, end: start + length });

  test('reproduces Krippendorff (2004, p. 254): α_c = 0.7286', () => {
    const a = value(unitizingAlpha(continuum, [[at(225, 70), at(370, 30)], [at(220, 80), at(355, 20), at(400, 20)]]));
    near(a.observed, 0.0144, 5e-5);
    near(a.expected, 0.0532, 5e-5);
    near(a.value, 0.7286, 5e-5);
    near(value(unitizingAlpha(continuum, [[at(180, 60), at(300, 50)], [at(180, 60), at(300, 50)]])).value, 1, 1e-12);
  });

  test('matches a hand computation on a continuum of 10', () => {
    // Coder 1 marks 2..6, coder 2 marks 3..6. Only the two segments overlap: δ² = (2−3)² + (6−6)² = 1,
    // counted for both orders: D_o = 2 / (2·1·10²) = 0.01.
    // Segments l = 4, 3 (N = 2); gaps 2, 4 (coder 1) and 3, 4 (coder 2).
    //   l = 4: (2·64 − 48 + 4)/3 = 28, plus 16·[(4−4+1) + (4−4+1)] = 32  → 60
    //   l = 3: (54 − 27 + 3)/3 = 10,    plus 9·[1 + 2 + 2] = 45           → 55
    // D_e = (2/10)·115 / (20·19 − (12 + 6)) = 23/362; α_u = 1 − 0.01·362/23 = 0.842609…
    const a = value(unitizingAlpha({ start: 0, end: 10 }, [[{ start: 2, end: 6 }], [{ start: 3, end: 6 }]]));
    near(a.observed, 0.01, 1e-12);
    near(a.expected, 23 / 362, 1e-12);
    near(a.value, 1 - (0.01 * 362) / 23, 1e-12);
  });

  test('merges a coder’s overlapping segments, and is undefined without segments or with one coder', () => {
    const merged = value(unitizingAlpha({ start: 0, end: 10 }, [[{ start: 2, end: 5 }, { start: 4, end: 6 }], [{ start: 3, end: 6 }]]));
    near(merged.value, 1 - (0.01 * 362) / 23, 1e-12);
    assertUndefined(unitizingAlpha({ start: 0, end: 10 }, [[], []]), /no coder marked any segment/);
    assertUndefined(unitizingAlpha({ start: 0, end: 10 }, [[{ start: 1, end: 2 }]]), /at least two coders/);
    assert.throws(() => unitizingAlpha({ start: 0, end: 10 }, [[{ start: 8, end: 12 }], []]), /outside the continuum/);
  });
});

describe('properties', () => {
  const perfect = data([1, 2, 3, 1, 2], [1, 2, 3, 1, 2], [1, 2, 3, 1, 2]);
  const messy = data([1, 2, 3, 3, 2, 1, 4], [1, 2, 3, 3, 2, 2, 4], [2, 3, 3, 3, 2, 4, 4]);

  test('perfect agreement gives 1 for every statistic', () => {
    assert.equal(value(percentAgreementOf(perfect)).value, 1);
    for (const weights of ['unweighted', 'linear', 'quadratic'] as const) near(value(cohenKappa(perfect.values[0]!, perfect.values[1]!, { weights })).value, 1, 1e-12);
    near(value(fleissKappaOf(perfect)).value, 1, 1e-12);
    for (const level of LEVELS) near(value(krippendorffAlphaOf(perfect, level)).value, 1, 1e-12);
    const same = [{ start: 1, end: 4 }, { start: 6, end: 9 }];
    near(value(unitizingAlpha({ start: 0, end: 10 }, [same, same, same])).value, 1, 1e-12);
  });

  test('swapping coders changes nothing', () => {
    const swapped: ReliabilityData = { ...messy, values: [messy.values[2]!, messy.values[0]!, messy.values[1]!] };
    near(value(percentAgreementOf(swapped)).value, value(percentAgreementOf(messy)).value, 1e-12);
    near(value(fleissKappaOf(swapped)).value, value(fleissKappaOf(messy)).value, 1e-12);
    for (const level of LEVELS) near(value(krippendorffAlphaOf(swapped, level)).value, value(krippendorffAlphaOf(messy, level)).value, 1e-12);
    for (const weights of ['unweighted', 'linear', 'quadratic'] as const) {
      const ab = value(cohenKappa(messy.values[0]!, messy.values[1]!, { weights }));
      const ba = value(cohenKappa(messy.values[1]!, messy.values[0]!, { weights }));
      near(ba.value, ab.value, 1e-12);
      near(ba.se, ab.se, 1e-12);
    }
    const one = [{ start: 0, end: 3 }, { start: 5, end: 8 }];
    const two = [{ start: 1, end: 4 }];
    near(value(unitizingAlpha({ start: 0, end: 10 }, [one, two])).value, value(unitizingAlpha({ start: 0, end: 10 }, [two, one])).value, 1e-12);
  });

  test('never gives NaN: random data is defined and finite, or undefined with a reason', () => {
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
    for (let trial = 0; trial < 200; trial++) {
      const coders = 2 + rand(3);
      const units = 1 + rand(6);
      const d = data(...Array.from({ length: coders }, () => Array.from({ length: units }, () => (rand(4) === 0 ? null : 1 + rand(3)))));
      const results = [percentAgreementOf(d), fleissKappaOf(d), cohenKappa(d.values[0]!, d.values[1]!), ...LEVELS.map((l) => krippendorffAlphaOf(d, l))];
      for (const r of results) {
        if (r.defined) assert.ok(Number.isFinite(r.value), JSON.stringify(d));
        else assert.ok(r.reason.length > 0);
      }
    }
  });
});
