// The two shapes reliability data comes in: coder × unit values (one row per
// coder, missing values allowed), and a units × categories table of counts
// (how many coders put each unit in each category), which is what
// percent agreement, Fleiss' kappa and Krippendorff's alpha actually need.

import { invalid } from '../errors.ts';

export type Value = string | number;

/** values[c][u] is coder c's value for unit u, null when the coder gave none. */
export interface ReliabilityData {
  coders: readonly string[];
  units: readonly string[];
  values: readonly (readonly (Value | null)[])[];
}

export interface CountRow {
  /** How many coders assigned the unit to each category, in the table's category order. */
  counts: readonly number[];
  /** How many identical units the row stands for (default 1): characters of a passage, say. */
  times?: number;
}

export interface CountTable {
  /** In order: the order is the scale for ordinal data. */
  categories: readonly Value[];
  rows: readonly CountRow[];
}

/** Numbers before text; numbers ascending, text in code-unit order (deterministic, locale-free). */
export function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function checkData(data: ReliabilityData): void {
  if (data.values.length !== data.coders.length) throw invalid(`${data.coders.length} coders but ${data.values.length} rows of values`);
  data.values.forEach((row, c) => {
    if (row.length !== data.units.length) throw invalid(`coder ${data.coders[c]} has ${row.length} values for ${data.units.length} units`);
    for (const v of row) if (typeof v === 'number' && !Number.isFinite(v)) throw invalid(`coder ${data.coders[c]} has a value that is not a finite number`);
  });
}

/** The distinct values in the data, sorted. */
export function categoriesOf(data: ReliabilityData): Value[] {
  const seen = new Set<Value>();
  for (const row of data.values) for (const v of row) if (v !== null) seen.add(v);
  return [...seen].sort(compareValues);
}

/** One row of counts per unit (units with fewer than two values are kept; each statistic skips what it cannot pair). */
export function countTable(data: ReliabilityData, categories: readonly Value[] = categoriesOf(data)): CountTable {
  checkData(data);
  const index = new Map(categories.map((c, i) => [c, i]));
  const rows = data.units.map((_, u) => {
    const counts = new Array<number>(categories.length).fill(0);
    for (const row of data.values) {
      const v = row[u];
      if (v === null || v === undefined) continue;
      const i = index.get(v);
      if (i === undefined) throw invalid(`value ${JSON.stringify(v)} is not one of the categories`);
      counts[i]!++;
    }
    return { counts };
  });
  return { categories, rows };
}

export const rowTotal = (row: CountRow): number => row.counts.reduce((s, n) => s + n, 0);
export const rowTimes = (row: CountRow): number => row.times ?? 1;

export function checkTable(table: CountTable): void {
  for (const [u, row] of table.rows.entries()) {
    if (row.counts.length !== table.categories.length) throw invalid(`unit ${u + 1} has ${row.counts.length} counts for ${table.categories.length} categories`);
    if (row.counts.some((n) => !Number.isInteger(n) || n < 0)) throw invalid(`unit ${u + 1}: counts must be whole numbers ≥ 0`);
    if (row.times !== undefined && !(row.times >= 0)) throw invalid(`unit ${u + 1}: times must be ≥ 0`);
  }
}
