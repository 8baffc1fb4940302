// Units of text that NEAR queries can ask two passages to share: paragraphs
// (core/text/sentences.ts paragraphRanges) and speaker turns.

import { overlappingPairs, type Range } from '../text/ranges.ts';

/**
 * For each range, the indexes [first, last + 1) of the units it overlaps, or null if none;
 * `units` sorted and disjoint. Binary search: O(log units) per range.
 */
export function unitSpans(units: readonly Range[], ranges: readonly Range[]): (Range | null)[] {
  const firstEndingAfter = (cp: number) => {
    let lo = 0;
    let hi = units.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (units[mid]!.end <= cp) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return ranges.map((r) => {
    const first = firstEndingAfter(r.start);
    let last = first;
    while (last < units.length && units[last]!.start < r.end) last++;
    return last > first ? { start: first, end: last } : null;
  });
}

/** Pairs (index in a, index in b) of ranges that reach into a common unit. */
export function sameUnitPairs(units: readonly Range[], a: readonly Range[], b: readonly Range[]): [number, number][] {
  const spansA = unitSpans(units, a);
  const spansB = unitSpans(units, b);
  const keptA = spansA.flatMap((s, i) => (s ? [{ s, i }] : []));
  const keptB = spansB.flatMap((s, i) => (s ? [{ s, i }] : []));
  return overlappingPairs(keptA.map((x) => x.s), keptB.map((x) => x.s)).map(([i, j]) => [keptA[i]!.i, keptB[j]!.i]);
}
