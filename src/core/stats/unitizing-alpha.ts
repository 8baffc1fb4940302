// Krippendorff's unitizing alpha (α_u) for one category: how well coders agree
// on where, on a continuum of L units (characters), the passages of that category
// begin and end (Krippendorff 1995; 2004).
//
// Each coder i cuts the continuum into sections g with begin b_ig and length l_ig:
// segments (coded with the category) and the gaps between them. For coders i ≠ j
// and their sections g, h, with d = b_ig − b_jh:
//   δ²(g, h) = d² + (d + l_ig − l_jh)²   if g and h are segments that overlap (−l_ig < d < l_jh)
//            = l_ig²                      if g is a segment lying inside gap h (0 ≤ d ≤ l_jh − l_ig)
//            = l_jh²                      if h is a segment lying inside gap g (0 ≤ −d ≤ l_ig − l_jh)
//            = 0                          otherwise
//   D_o = Σ_i Σ_{j≠i} Σ_g Σ_h δ²(g, h) / (m (m − 1) L²)
// Expected disagreement, over all N segments of all m coders and all their gaps:
//   D_e = (2/L) Σ_{segments g} [ (N − 1)(2 l_g³ − 3 l_g² + l_g)/3 + l_g² Σ_{gaps h, l_h ≥ l_g} (l_h − l_g + 1) ]
//         / (m L (m L − 1) − Σ_{segments g} l_g (l_g − 1))
//   α_u = 1 − D_o / D_e
// Lengths are whole units (characters). A coder's overlapping segments are merged
// first: one coder cannot code the same stretch twice. α_u is undefined when there
// are fewer than two coders or no segment at all (D_e = 0).
//
// Krippendorff, K. (1995). On the reliability of unitizing continuous data. Sociological
//   Methodology, 25, 47–76.
// Krippendorff, K. (2004). Measuring the reliability of qualitative text analysis data.
//   Quality & Quantity, 38, 787–800; and Content Analysis (2nd ed., 2004), pp. 251–256.

import { invalid } from '../errors.ts';
import { undefinedResult, type Result } from './result.ts';

/** A stretch of the continuum: start inclusive, end exclusive. */
export interface Interval {
  start: number;
  end: number;
}

export interface UnitizingAlpha {
  defined: true;
  value: number;
  observed: number;
  expected: number;
  coders: number;
  /** N: the segments of all coders, after merging each coder's overlaps. */
  segments: number;
  /** L: the length of the continuum. */
  length: number;
}

interface Section extends Interval {
  segment: boolean;
}

/** A coder's segments, overlaps merged, and the gaps around them, in order. */
function sections(intervals: readonly Interval[], continuum: Interval): Section[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Interval[] = [];
  for (const s of sorted) {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start >= s.end) throw invalid(`segment ${s.start}..${s.end} must be whole numbers with start < end`);
    if (s.start < continuum.start || s.end > continuum.end) throw invalid(`segment ${s.start}..${s.end} lies outside the continuum ${continuum.start}..${continuum.end}`);
    const last = merged.at(-1);
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  const out: Section[] = [];
  let at = continuum.start;
  for (const s of merged) {
    if (s.start > at) out.push({ start: at, end: s.start, segment: false });
    out.push({ ...s, segment: true });
    at = s.end;
  }
  if (at < continuum.end) out.push({ start: at, end: continuum.end, segment: false });
  return out;
}

function distance(g: Section, h: Section): number {
  const lg = g.end - g.start;
  const lh = h.end - h.start;
  const d = g.start - h.start;
  if (g.segment && h.segment) return -lg < d && d < lh ? d * d + (d + lg - lh) ** 2 : 0;
  if (g.segment) return d >= 0 && d <= lh - lg ? lg * lg : 0;
  if (h.segment) return -d >= 0 && -d <= lg - lh ? lh * lh : 0;
  return 0;
}

/** α_u of one category: `coders[i]` holds coder i's segments on the continuum [continuum.start, continuum.end). */
export function unitizingAlpha(continuum: Interval, coders: readonly (readonly Interval[])[]): Result<UnitizingAlpha> {
  const L = continuum.end - continuum.start;
  if (!Number.isInteger(continuum.start) || !Number.isInteger(L) || L < 1) throw invalid('the continuum must be a whole, non-empty range');
  const m = coders.length;
  if (m < 2) return undefinedResult('unitizing alpha needs at least two coders');
  const all = coders.map((c) => sections(c, continuum));
  const segments = all.flatMap((s) => s.filter((x) => x.segment).map((x) => x.end - x.start));
  const N = segments.length;
  if (N === 0) return undefinedResult('no coder marked any segment, so there is nothing to compare and alpha is undefined');

  let observedSum = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      for (const g of all[i]!) for (const h of all[j]!) if (g.start < h.end && h.start < g.end) observedSum += distance(g, h);
    }
  }
  const observed = (2 * observedSum) / (m * (m - 1) * L * L);

  const gaps = all.flatMap((s) => s.filter((x) => !x.segment).map((x) => x.end - x.start)).sort((a, b) => b - a);
  let numerator = 0;
  for (const l of segments) {
    let fits = 0;
    for (const gap of gaps) {
      if (gap < l) break;
      fits += gap - l + 1;
    }
    numerator += ((N - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * fits;
  }
  const denominator = m * L * (m * L - 1) - segments.reduce((s, l) => s + l * (l - 1), 0);
  const expected = ((2 / L) * numerator) / denominator;
  if (!(expected > 0)) return undefinedResult('expected disagreement is 0, so alpha is undefined');
  return { defined: true, value: 1 - observed / expected, observed, expected, coders: m, segments: N, length: L };
}
