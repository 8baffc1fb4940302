// Fleiss' kappa: agreement of a fixed number n of coders per unit on a nominal
// scale, overall and per category (Fleiss 1971).
//
// From N units × k categories of counts n_ij (Σ_j n_ij = n for every unit):
//   p_j = Σ_i n_ij / (N n)                               (share of all assignments in j)
//   P_i = (Σ_j n_ij² − n) / (n (n − 1))                  (agreeing pairs on unit i)
//   P̄ = Σ_i P_i / N,   P̄_e = Σ_j p_j²,   κ = (P̄ − P̄_e) / (1 − P̄_e)
//   κ_j = 1 − Σ_i n_ij (n − n_ij) / (N n (n − 1) p_j q_j),   q_j = 1 − p_j
// Standard errors under κ = 0 (Fleiss, Nee & Landis 1979), as R irr's kappam.fleiss reports:
//   SE₀(κ)   = √2 / (Σ_j p_j q_j √(N n (n − 1))) · √((Σ_j p_j q_j)² − Σ_j p_j q_j (q_j − p_j))
//   SE₀(κ_j) = √(2 / (N n (n − 1)))
//
// Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters.
//   Psychological Bulletin, 76(5), 378–382.
// Fleiss, J. L., Nee, J. C. M., & Landis, J. R. (1979). Large sample variance of kappa
//   in the case of different sets of raters. Psychological Bulletin, 86(5), 974–977.

import { invalid } from '../errors.ts';
import { checkData, checkTable, countTable, rowTimes, rowTotal, type CountTable, type ReliabilityData, type Value } from './data.ts';
import { undefinedResult, type Result } from './result.ts';

export interface CategoryKappa {
  category: Value;
  /** p_j: the share of all assignments in this category. */
  proportion: number;
  kappa: Result<{ defined: true; value: number; seNull: number; z: number }>;
}

export interface FleissKappa {
  defined: true;
  value: number;
  units: number;
  /** Coders per unit. */
  raters: number;
  observed: number;
  expected: number;
  seNull: number;
  z: number | null;
  categories: CategoryKappa[];
}

export function fleissKappa(table: CountTable): Result<FleissKappa> {
  checkTable(table);
  const rows = table.rows.filter((r) => rowTimes(r) > 0);
  if (rows.length === 0) return undefinedResult('there are no units');
  const n = rowTotal(rows[0]!);
  for (const [i, r] of rows.entries()) {
    if (rowTotal(r) !== n) throw invalid(`Fleiss' kappa needs the same number of ratings for every unit: unit 1 has ${n}, unit ${i + 1} has ${rowTotal(r)}`);
  }
  if (n < 2) return undefinedResult('every unit needs ratings from at least two coders');
  const N = rows.reduce((s, r) => s + rowTimes(r), 0);
  const k = table.categories.length;
  const totals = new Array<number>(k).fill(0);
  const disagreements = new Array<number>(k).fill(0);
  let sumP = 0;
  for (const r of rows) {
    const t = rowTimes(r);
    sumP += (t * (r.counts.reduce((s, x) => s + x * x, 0) - n)) / (n * (n - 1));
    r.counts.forEach((x, j) => {
      totals[j]! += t * x;
      disagreements[j]! += t * x * (n - x);
    });
  }
  const p = totals.map((x) => x / (N * n));
  const pq = p.map((pj) => pj * (1 - pj));
  const observed = sumP / N;
  const expected = p.reduce((s, pj) => s + pj * pj, 0);
  if (1 - expected < 1e-12) {
    return undefinedResult(`no variation: every rating is ${JSON.stringify(table.categories[p.findIndex((pj) => pj > 0)])}, so chance agreement is 1 and kappa is undefined`);
  }
  const sumPq = pq.reduce((a, b) => a + b, 0);
  const pairs = N * n * (n - 1);
  const seNull = (Math.SQRT2 / (sumPq * Math.sqrt(pairs))) * Math.sqrt(Math.max(0, sumPq ** 2 - pq.reduce((s, x, j) => s + x * (1 - 2 * p[j]!), 0)));
  const seCategory = Math.sqrt(2 / pairs);
  const value = (observed - expected) / (1 - expected);
  return {
    defined: true,
    value,
    units: N,
    raters: n,
    observed,
    expected,
    seNull,
    z: seNull > 0 ? value / seNull : null,
    categories: table.categories.map((category, j) => {
      if (pq[j]! === 0) {
        return { category, proportion: p[j]!, kappa: undefinedResult(p[j] === 0 ? 'no coder used this category' : 'every rating is in this category') };
      }
      const kj = 1 - disagreements[j]! / (pairs * pq[j]!);
      return { category, proportion: p[j]!, kappa: { defined: true, value: kj, seNull: seCategory, z: kj / seCategory } };
    }),
  };
}

/** Fleiss' kappa of coder × unit data; like R irr, only units every coder coded count. */
export function fleissKappaOf(data: ReliabilityData): Result<FleissKappa & { unitsLeftOut: number }> {
  checkData(data);
  if (data.coders.length < 2) return undefinedResult('Fleiss’ kappa needs at least two coders');
  const table = countTable(data);
  const complete = table.rows.filter((r) => rowTotal(r) === data.coders.length);
  if (complete.length === 0) return undefinedResult(`no unit was coded by all ${data.coders.length} coders`);
  const result = fleissKappa({ categories: table.categories, rows: complete });
  return result.defined ? { ...result, unitsLeftOut: table.rows.length - complete.length } : result;
}
