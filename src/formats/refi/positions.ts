// Which unit a REFI-QDA exporter counted selection positions in.
//
// The standard says Unicode code points of the plain text, from 0, end
// exclusive. Real exports also count UTF-16 code units (after removing a
// byte-order mark, CRLF as two), or positions in the text with CRLF as one,
// or UTF-8 bytes. All readings agree on ASCII text with LF line endings; where
// they differ we keep the reading whose selections fall inside the text, on
// word and character boundaries, and match the quote some exporters put in the
// selection's name. One reading per file (one exporter), the origin breaking ties.
// Every conversion itself is done by core/text/offsets.ts.

import {
  CodePointIndex,
  utf8ByteToCodePoint,
  type NormalisedText,
} from '../../core/text/offsets.ts';

export type PositionUnit = 'code-points' | 'utf16' | 'code-points-lf' | 'utf16-lf' | 'utf8';

export const UNIT_LABELS: Record<PositionUnit, string> = {
  'code-points': 'Unicode code points (the REFI-QDA rule)',
  utf16: 'UTF-16 code units, CRLF counted as two',
  'code-points-lf': 'code points with CRLF counted as one',
  'utf16-lf': 'UTF-16 code units with CRLF counted as one',
  utf8: 'UTF-8 bytes',
};

/** Preference when readings score alike: the standard first. */
const ORDER: readonly PositionUnit[] = ['code-points', 'utf16', 'code-points-lf', 'utf16-lf', 'utf8'];

/** Exporters whose convention is known; the first matching pattern's unit wins ties. */
const ORIGIN_HINTS: readonly { pattern: RegExp; unit: PositionUnit }[] = [{ pattern: /^Crosswise\b/i, unit: 'code-points' }];

export interface PositionText {
  /** The text as decoded from the file, before normalisation (BOM and CRLF still there). */
  raw: string;
  normalised: NormalisedText;
}

export interface RawSelection {
  start: number;
  end: number;
  /** The selection's name: often the beginning of its quote. */
  name?: string;
}

/** Maps one position of a reading to a code point of the normalised text; throws if it falls inside a character. */
type Mapper = (p: number) => number;

function mappers(text: PositionText): Record<PositionUnit, Mapper> {
  const bom = text.normalised.hadBom ? 1 : 0;
  const rawNoBom = bom ? text.raw.slice(1) : text.raw;
  let rawIndex: CodePointIndex | undefined;
  let normIndex: CodePointIndex | undefined;
  const toNorm = (cpNoBom: number) => text.normalised.map.toNormalised(cpNoBom + bom);
  return {
    'code-points': (p) => toNorm(p),
    utf16: (p) => toNorm((rawIndex ??= new CodePointIndex(rawNoBom)).toCodePoint(p)),
    'code-points-lf': (p) => p,
    'utf16-lf': (p) => (normIndex ??= new CodePointIndex(text.normalised.text)).toCodePoint(p),
    utf8: (p) => toNorm(utf8ByteToCodePoint(rawNoBom, p)),
  };
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
const JOINER = /[\p{M}\u200d\ufe00-\ufe0f\u{1f3fb}-\u{1f3ff}]/u;

/** A boundary between two characters a person could have selected at. */
function sensible(chars: readonly string[], at: number): boolean {
  if (at <= 0 || at >= chars.length) return true;
  const before = chars[at - 1]!;
  const after = chars[at]!;
  if (JOINER.test(after) || before === '\u200d') return false;
  return !(WORD.test(before) && WORD.test(after));
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function quoteMatches(name: string | undefined, quote: string): boolean | undefined {
  const stem = name ? squash(name.replace(/(…|\.\.\.)$/, '')) : '';
  if ([...stem].length < 4) return undefined;
  return squash(quote).startsWith(stem);
}

export interface DocumentPositions {
  text: PositionText;
  selections: readonly RawSelection[];
}

/** Each selection as a normalised code-point range, or why it cannot be placed. */
export type Placed = { start: number; end: number } | { problem: string };

function place(map: Mapper, s: RawSelection, length: number): Placed {
  if (!Number.isSafeInteger(s.start) || !Number.isSafeInteger(s.end) || s.start < 0 || s.end < 0) {
    return { problem: 'its positions are not whole numbers ≥ 0' };
  }
  let start: number;
  let end: number;
  try {
    start = map(Math.min(s.start, s.end));
    end = map(Math.max(s.start, s.end));
  } catch {
    return { problem: `positions ${s.start}..${s.end} fall outside the text or inside a character` };
  }
  if (end > length) return { problem: `positions ${s.start}..${s.end} fall outside the text` };
  if (start === end) return { problem: 'it covers no text (zero length)' };
  return { start, end };
}

function score(unit: PositionUnit, docs: readonly DocumentPositions[]): number {
  let total = 0;
  for (const doc of docs) {
    const map = mappers(doc.text)[unit];
    const chars = [...doc.text.normalised.text];
    for (const s of doc.selections) {
      const p = place(map, s, chars.length);
      if ('problem' in p) {
        total -= s.start === s.end ? 0 : 10;
        continue;
      }
      total -= (sensible(chars, p.start) ? 0 : 1) + (sensible(chars, p.end) ? 0 : 1);
      const match = quoteMatches(s.name, chars.slice(p.start, p.end).join(''));
      if (match !== undefined) total += match ? 3 : -1;
    }
  }
  return total;
}

export interface Detection {
  unit: PositionUnit;
  /** Placed selections per document, in input order. */
  placed: Placed[][];
  /** Whether any reading would have placed a selection differently (so the choice mattered). */
  ambiguous: boolean;
}

/** Chooses the unit for one exporter's file and places every selection with it. */
export function detectPositions(docs: readonly DocumentPositions[], origin: string | undefined): Detection {
  const hint = ORIGIN_HINTS.find((h) => origin && h.pattern.test(origin))?.unit;
  const order = hint ? [hint, ...ORDER.filter((u) => u !== hint)] : ORDER;
  const placeAll = (unit: PositionUnit) =>
    docs.map((d) => {
      const map = mappers(d.text)[unit];
      const length = d.text.normalised.map.normalisedLength;
      return d.selections.map((s) => place(map, s, length));
    });
  const readings = order.map((unit) => ({ unit, placed: placeAll(unit) }));
  const key = (placed: Placed[][]) => JSON.stringify(placed);
  const distinct = new Set(readings.map((r) => key(r.placed)));
  if (distinct.size === 1) return { unit: order[0]!, placed: readings[0]!.placed, ambiguous: false };
  let best = readings[0]!;
  let bestScore = score(best.unit, docs);
  for (const r of readings.slice(1)) {
    const s = score(r.unit, docs);
    if (s > bestScore) {
      best = r;
      bestScore = s;
    }
  }
  return { unit: best.unit, placed: best.placed, ambiguous: true };
}
