// Cohen's kappa for two coders, unweighted or with linear or quadratic weights,
// with its large-sample standard error and 95% confidence interval.
//
// From the k × k table of proportions p_ij (coder 1 said category i, coder 2 said j),
// margins p_i. and p_.j, and agreement weights w_ij (w_ii = 1):
//   unweighted  w_ij = [i = j]
//   linear      w_ij = 1 − |i − j| / (k − 1)
//   quadratic   w_ij = 1 − (i − j)² / (k − 1)²
//   p_o = Σ w_ij p_ij,  p_e = Σ w_ij p_i. p_.j,  κ = (p_o − p_e) / (1 − p_e)
// (Cohen 1960; Cohen 1968 for weights). Categories are ranked in the given
// order (by default the values seen, sorted), as R irr's kappa2 and scikit-learn do.
//
// Standard errors (Fleiss, Cohen & Everitt 1969), with w̄_i. = Σ_j p_.j w_ij and
// w̄_.j = Σ_i p_i. w_ij:
//   Var(κ)  = [Σ p_ij (w_ij − (w̄_i. + w̄_.j)(1 − κ))² − (κ − p_e (1 − κ))²] / (n (1 − p_e)²)
//   Var₀(κ) = [Σ p_i. p_.j (w_ij − (w̄_i. + w̄_.j))² − p_e²] / (n (1 − p_e)²)   (under κ = 0)
// The interval is κ ± 1.96·SE; z = κ / SE₀ tests κ = 0.
//
// Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and
//   Psychological Measurement, 20(1), 37–46.
// Cohen, J. (1968). Weighted kappa. Psychological Bulletin, 70(4), 213–220.
// Fleiss, J. L., Cohen, J., & Everitt, B. S. (1969). Large sample standard errors of
//   kappa and weighted kappa. Psychological Bulletin, 72(5), 323–327.

import { invalid } from '../errors.ts';
import { compareValues, type Value } from './data.ts';
import { undefinedResult, Z_975, type Result } from './result.ts';

export type KappaWeights = 'unweighted' | 'linear' | 'quadratic';
export const KAPPA_WEIGHTS: readonly KappaWeights[] = ['unweighted', 'linear', 'quadratic'];

export interface CohenKappa {
  defined: true;
  value: number;
  weights: KappaWeights;
  /** Units both coders coded. */
  n: number;
  observed: number;
  expected: number;
  se: number;
  ci95: [number, number];
  /** Standard error under κ = 0, for the z test. */
  seNull: number;
  z: number | null;
}

export function agreementWeights(k: number, weights: KappaWeights): number[][] {
  return Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      if (weights === 'unweighted' || k < 2) return i === j ? 1 : 0;
      const d = Math.abs(i - j) / (k - 1);
      return weights === 'linear' ? 1 - d : 1 - d * d;
    }),
  );
}

/** Kappa from a k × k table of counts: rows are coder 1's categories, columns coder 2's, in scale order. */
export function cohenKappaFromTable(table: readonly (readonly number[])[], weights: KappaWeights = 'unweighted'): Result<CohenKappa> {
  const k = table.length;
  if (table.some((row) => row.length !== k)) throw invalid('a kappa table must be square (the same categories for both coders)');
  if (table.some((row) => row.some((x) => !(x >= 0)))) throw invalid('a kappa table holds counts ≥ 0');
  const n = table.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  if (n === 0) return undefinedResult('no unit was coded by both coders');
  const p = table.map((row) => row.map((x) => x / n));
  const rows = p.map((row) => row.reduce((a, b) => a + b, 0));
  const cols = Array.from({ length: k }, (_, j) => p.reduce((s, row) => s + row[j]!, 0));
  const w = agreementWeights(k, weights);
  let po = 0;
  let pe = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      po += w[i]![j]! * p[i]![j]!;
      pe += w[i]![j]! * rows[i]! * cols[j]!;
    }
  }
  if (1 - pe < 1e-12) return undefinedResult('no variation: both coders used one and the same category throughout, so chance agreement is 1 and kappa is undefined');
  const kappa = (po - pe) / (1 - pe);
  const wRow = rows.map((_, i) => cols.reduce((s, c, j) => s + c * w[i]![j]!, 0));
  const wCol = cols.map((_, j) => rows.reduce((s, r, i) => s + r * w[i]![j]!, 0));
  let sum = 0;
  let sum0 = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      sum += p[i]![j]! * (w[i]![j]! - (wRow[i]! + wCol[j]!) * (1 - kappa)) ** 2;
      sum0 += rows[i]! * cols[j]! * (w[i]![j]! - (wRow[i]! + wCol[j]!)) ** 2;
    }
  }
  const denominator = n * (1 - pe) ** 2;
  // Rounding can push a variance of 0 slightly below it.
  const se = Math.sqrt(Math.max(0, (sum - (kappa - pe * (1 - kappa)) ** 2) / denominator));
  const seNull = Math.sqrt(Math.max(0, (sum0 - pe * pe) / denominator));
  return {
    defined: true,
    value: kappa,
    weights,
    n,
    observed: po,
    expected: pe,
    se,
    ci95: [kappa - Z_975 * se, kappa + Z_975 * se],
    seNull,
    z: seNull > 0 ? kappa / seNull : null,
  };
}

/** The table of two coders' values over the units both coded. */
export function contingencyTable(
  a: readonly (Value | null)[],
  b: readonly (Value | null)[],
  categories?: readonly Value[],
): { categories: Value[]; table: number[][] } {
  if (a.length !== b.length) throw invalid(`the coders have ${a.length} and ${b.length} values; kappa needs one value per unit from each`);
  const both = a.flatMap((x, u) => (x !== null && b[u] != null ? [[x, b[u]!] as const] : []));
  const cats = categories ? [...categories] : [...new Set(both.flat())].sort(compareValues);
  const index = new Map(cats.map((c, i) => [c, i]));
  const table = cats.map(() => new Array<number>(cats.length).fill(0));
  for (const [x, y] of both) {
    const i = index.get(x);
    const j = index.get(y);
    if (i === undefined || j === undefined) throw invalid(`value ${JSON.stringify(i === undefined ? x : y)} is not one of the categories`);
    table[i]![j]!++;
  }
  return { categories: cats, table };
}

/** Kappa of two coders' values, unit by unit; units either coder left empty are left out. */
export function cohenKappa(
  a: readonly (Value | null)[],
  b: readonly (Value | null)[],
  options: { weights?: KappaWeights; categories?: readonly Value[] } = {},
): Result<CohenKappa> {
  return cohenKappaFromTable(contingencyTable(a, b, options.categories).table, options.weights);
}
