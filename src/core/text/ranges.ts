// Ranges of code points [start, end) and sets of them: sentences, paragraphs and
// turns around a position, and the geometry behind coding queries and co-occurrence.
// Two ranges overlap only if they share a code point, so touching ranges ([0,5)
// and [5,9)) do not overlap and nested ones do.

export interface Range {
  /** Code points, end exclusive. */
  start: number;
  end: number;
}

export const overlaps = (a: Range, b: Range): boolean => a.start < b.end && b.start < a.end;

export const contains = (outer: Range, inner: Range): boolean => outer.start <= inner.start && inner.end <= outer.end;

/** Code points between two ranges: 0 when they touch or overlap. */
export const gap = (a: Range, b: Range): number => Math.max(0, Math.max(a.start, b.start) - Math.min(a.end, b.end));

export function intersect(a: Range, b: Range): Range | null {
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return start < end ? { start, end } : null;
}

const byStart = (a: Range, b: Range) => a.start - b.start || a.end - b.end;

/** The code points covered by `ranges` as sorted, disjoint ranges (touching ones join: no code point between them). */
export function normalize(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter((r) => r.start < r.end).sort(byStart);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

export const union = (a: readonly Range[], b: readonly Range[]): Range[] => normalize([...a, ...b]);

/** Code points in both sets. */
export function intersection(a: readonly Range[], b: readonly Range[]): Range[] {
  const x = normalize(a);
  const y = normalize(b);
  const out: Range[] = [];
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    const hit = intersect(x[i]!, y[j]!);
    if (hit) out.push(hit);
    if (x[i]!.end < y[j]!.end) i++;
    else j++;
  }
  return out;
}

/** Code points of `a` not in `b`. */
export function difference(a: readonly Range[], b: readonly Range[]): Range[] {
  const cut = normalize(b);
  const out: Range[] = [];
  let j = 0;
  for (const r of normalize(a)) {
    let start = r.start;
    while (j < cut.length && cut[j]!.end <= start) j++;
    for (let k = j; k < cut.length && cut[k]!.start < r.end; k++) {
      if (cut[k]!.start > start) out.push({ start, end: cut[k]!.start });
      start = Math.max(start, cut[k]!.end);
    }
    if (start < r.end) out.push({ start, end: r.end });
  }
  return out;
}

/** `r` widened by `n` code points each side. */
export const widen = (r: Range, n: number): Range => ({ start: r.start - n, end: r.end + n });

/**
 * Every pair (index in a, index in b) of overlapping ranges, by one sweep over both
 * lists sorted by start: O((n + m) log(n + m) + pairs), never n × m comparisons.
 */
export function overlappingPairs(a: readonly Range[], b: readonly Range[]): [number, number][] {
  type Item = { range: Range; index: number; side: 0 | 1 };
  const items: Item[] = [
    ...a.map((range, index) => ({ range, index, side: 0 as const })),
    ...b.map((range, index) => ({ range, index, side: 1 as const })),
  ].sort((x, y) => x.range.start - y.range.start);
  const active: [Item[], Item[]] = [[], []];
  const pairs: [number, number][] = [];
  for (const item of items) {
    if (item.range.start >= item.range.end) continue;
    const others = active[1 - item.side]!;
    // Each active range either still reaches this start (a pair) or is dropped for good.
    for (let k = 0; k < others.length; ) {
      if (others[k]!.range.end <= item.range.start) {
        others[k] = others[others.length - 1]!;
        others.pop();
      } else {
        pairs.push(item.side === 0 ? [item.index, others[k]!.index] : [others[k]!.index, item.index]);
        k++;
      }
    }
    active[item.side].push(item);
  }
  return pairs;
}

/** Pairs (index in a, index in b) at most `n` code points apart (overlapping and touching ones included). */
export const pairsWithin = (a: readonly Range[], b: readonly Range[], n: number): [number, number][] =>
  overlappingPairs(a.map((r) => widen(r, n + 1)), b);

/**
 * Calls `visit(i, j)` (i < j) for every unordered pair of ranges, given as parallel columns
 * sorted by start, that overlap, or with `within`, lie at most that many code points apart.
 * One sweep; coordinates are doubled so that widening both ranges by (within + 1) half-points
 * tests the gap exactly.
 */
export function forEachSortedSelfPair(starts: ArrayLike<number>, ends: ArrayLike<number>, within: number | undefined, visit: (i: number, j: number) => void): void {
  const pad = within === undefined ? 0 : within + 1;
  const active: number[] = [];
  for (let item = 0; item < starts.length; item++) {
    const start = 2 * starts[item]! - pad;
    for (let k = 0; k < active.length; ) {
      const other = active[k]!;
      if (2 * ends[other]! + pad <= start) {
        active[k] = active[active.length - 1]!;
        active.pop();
      } else {
        visit(other, item);
        k++;
      }
    }
    active.push(item);
  }
}

/** The ranges of a sorted, non-overlapping list that overlap [start, end). */
export function rangesCovering(ranges: readonly Range[], start: number, end: number): Range[] {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ranges[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const found: Range[] = [];
  for (let i = lo; i < ranges.length && ranges[i]!.start < end; i++) found.push(ranges[i]!);
  return found;
}

/** The smallest range spanning the ranges around [start, end), or null if none overlaps it. */
export function enclosingRange(ranges: readonly Range[], start: number, end: number): Range | null {
  const found = rangesCovering(ranges, start, end);
  if (found.length === 0) return null;
  return { start: found[0]!.start, end: found.at(-1)!.end };
}
