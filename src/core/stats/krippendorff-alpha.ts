// Krippendorff's alpha for nominal, ordinal, interval and ratio data, any number
// of coders, missing values allowed; computed from the coincidence matrix as in
// Krippendorff (2011).
//
// Only pairable values count: those of units with m_u ≥ 2 values. Coincidences:
//   o_ck = Σ_u (number of ordered c–k pairs of values from different coders in u) / (m_u − 1)
//   n_c = Σ_k o_ck,   n = Σ_c n_c  (the number of pairable values)
//   α = 1 − D_o / D_e = 1 − (n − 1) · Σ_c Σ_k o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck
// with the difference functions
//   nominal   δ²_ck = [c ≠ k]
//   ordinal   δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k) / 2)²   (categories in scale order)
//   interval  δ²_ck = (c − k)²
//   ratio     δ²_ck = ((c − k) / (c + k))²
// α is undefined (not 1) when fewer than two values are pairable or all pairable
// values are the same (D_e = 0).
//
// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School
//   for Communication, University of Pennsylvania. https://repository.upenn.edu/asc_papers/43

import { invalid } from '../errors.ts';
import { checkTable, countTable, rowTimes, rowTotal, type CountTable, type ReliabilityData, type Value } from './data.ts';
import { undefinedResult, type Result } from './result.ts';

export type Level = 'nominal' | 'ordinal' | 'interval' | 'ratio';
export const LEVELS: readonly Level[] = ['nominal', 'ordinal', 'interval', 'ratio'];

export interface KrippendorffAlpha {
  defined: true;
  value: number;
  level: Level;
  observed: number;
  expected: number;
  /** n: values in units with at least two values. */
  pairableValues: number;
  /** Units with at least two values. */
  units: number;
}

function differences(categories: readonly Value[], marginals: readonly number[], level: Level): number[][] {
  const k = categories.length;
  const numeric = (): number[] => {
    if (categories.some((c) => typeof c !== 'number')) throw invalid(`${level} alpha needs numbers; got ${JSON.stringify(categories.find((c) => typeof c !== 'number'))}`);
    return categories as number[];
  };
  const values = level === 'interval' || level === 'ratio' ? numeric() : [];
  if (level === 'ratio' && values.some((v) => v < 0)) throw invalid('ratio alpha needs values ≥ 0');
  return Array.from({ length: k }, (_, c) =>
    Array.from({ length: k }, (_, j) => {
      if (c === j) return 0;
      switch (level) {
        case 'nominal':
          return 1;
        case 'ordinal': {
          const [lo, hi] = c < j ? [c, j] : [j, c];
          let between = 0;
          for (let g = lo; g <= hi; g++) between += marginals[g]!;
          return (between - (marginals[c]! + marginals[j]!) / 2) ** 2;
        }
        case 'interval':
          return (values[c]! - values[j]!) ** 2;
        case 'ratio': {
          const sum = values[c]! + values[j]!;
          return sum === 0 ? 0 : ((values[c]! - values[j]!) / sum) ** 2;
        }
      }
    }),
  );
}

export function krippendorffAlpha(table: CountTable, level: Level = 'nominal'): Result<KrippendorffAlpha> {
  checkTable(table);
  const k = table.categories.length;
  const o = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let units = 0;
  for (const row of table.rows) {
    const m = rowTotal(row);
    if (m < 2) continue;
    const t = rowTimes(row);
    units += t;
    for (let c = 0; c < k; c++) {
      const nc = row.counts[c]!;
      if (nc === 0) continue;
      for (let j = 0; j < k; j++) o[c]![j]! += (t * nc * (row.counts[j]! - (c === j ? 1 : 0))) / (m - 1);
    }
  }
  const marginals = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = marginals.reduce((a, b) => a + b, 0);
  if (n < 2) return undefinedResult('fewer than 2 pairable values: no unit has values from two or more coders');
  const used = marginals.flatMap((x, c) => (x > 0 ? [table.categories[c]!] : []));
  if (used.length < 2) {
    return undefinedResult(`no variation: every pairable value is ${JSON.stringify(used[0])}, so expected disagreement is 0 and alpha is undefined (not 1)`);
  }
  const d = differences(table.categories, marginals, level);
  let observedSum = 0;
  let expectedSum = 0;
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < k; j++) {
      observedSum += o[c]![j]! * d[c]![j]!;
      expectedSum += marginals[c]! * marginals[j]! * d[c]![j]!;
    }
  }
  const observed = observedSum / n;
  const expected = expectedSum / (n * (n - 1));
  return { defined: true, value: 1 - observed / expected, level, observed, expected, pairableValues: n, units };
}

export const krippendorffAlphaOf = (data: ReliabilityData, level: Level = 'nominal'): Result<KrippendorffAlpha> =>
  krippendorffAlpha(countTable(data), level);
