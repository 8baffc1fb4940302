// The only place where text positions change units.
//
// Crosswise positions are Unicode code points, 0-based, end exclusive (the
// REFI-QDA rule). JavaScript strings index UTF-16 code units, files and some
// exporters count UTF-8 bytes or UTF-16 units of the raw file, so every
// conversion goes through here. A lone surrogate counts as one code point, as
// `for…of` and REFI-QDA readers treat it.

// The regular-expression engine scans native code: five to ten times faster than a loop over
// charCodeAt, which matters when an import reads sixty megabytes of transcripts.
const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const PAIR_OR_CR = /[\uD800-\uDBFF][\uDC00-\uDFFF]|\r\n?/g;

/** UTF-16 index of each surrogate pair's high half, ascending. */
function surrogatePairs(text: string): number[] {
  const out: number[] = [];
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(text); m; m = PAIR.exec(text)) out.push(m.index);
  return out;
}

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  let pairs = 0;
  PAIR.lastIndex = 0;
  while (PAIR.test(text)) pairs++;
  return text.length - pairs;
}

/** Index of the first element of a sorted array that is >= value (or > value when strict). */
function lowerBound(sorted: readonly number[], value: number, strict = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v < value || (strict && v === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Converts between code-point and UTF-16 offsets of one text in O(log n) per call,
 * after one O(n) scan. Texts without astral characters (the common case) convert
 * as the identity.
 */
export class CodePointIndex {
  readonly text: string;
  /** Code-point length of the text. */
  readonly length: number;
  /** UTF-16 index of each surrogate pair's high half, ascending. */
  private readonly pairsUtf16: number[];

  constructor(text: string) {
    this.text = text;
    this.pairsUtf16 = surrogatePairs(text);
    this.length = text.length - this.pairsUtf16.length;
  }

  /** UTF-16 offset of code-point offset `cp` (0 ≤ cp ≤ length). */
  toUtf16(cp: number): number {
    checkOffset(cp, this.length, 'code-point');
    // The k-th pair (0-based) starts at code point pairsUtf16[k] - k.
    let lo = 0;
    let hi = this.pairsUtf16.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.pairsUtf16[mid]! - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    return cp + lo;
  }

  /** Code-point offset of UTF-16 offset `u16`; throws if it falls inside a surrogate pair. */
  toCodePoint(u16: number): number {
    checkOffset(u16, this.text.length, 'UTF-16');
    const before = lowerBound(this.pairsUtf16, u16);
    if (before > 0 && this.pairsUtf16[before - 1] === u16 - 1) {
      throw new RangeError(`UTF-16 offset ${u16} falls inside a surrogate pair`);
    }
    return u16 - before;
  }

  /** The text between two code-point offsets. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

function checkOffset(offset: number, max: number, unit: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > max) {
    throw new RangeError(`${unit} offset ${offset} is outside 0..${max}`);
  }
}

/** One-off conversion; use CodePointIndex for many conversions on one text. */
export function codePointToUtf16(text: string, cp: number): number {
  return new CodePointIndex(text).toUtf16(cp);
}

/** One-off conversion; use CodePointIndex for many conversions on one text. */
export function utf16ToCodePoint(text: string, u16: number): number {
  return new CodePointIndex(text).toCodePoint(u16);
}

/** The text between two code-point offsets. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return new CodePointIndex(text).slice(start, end);
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3; // lone surrogates encode as U+FFFD, also 3 bytes
  return 4;
}

/** Code-point offset of a UTF-8 byte offset into `text`'s encoding; throws inside a character. */
export function utf8ByteToCodePoint(text: string, byteOffset: number): number {
  if (!Number.isInteger(byteOffset) || byteOffset < 0) throw new RangeError(`byte offset ${byteOffset} is negative`);
  let bytes = 0;
  let cp = 0;
  for (const ch of text) {
    if (bytes === byteOffset) return cp;
    bytes += utf8Length(ch.codePointAt(0)!);
    if (bytes > byteOffset) throw new RangeError(`byte offset ${byteOffset} falls inside a character`);
    cp++;
  }
  if (bytes === byteOffset) return cp;
  throw new RangeError(`byte offset ${byteOffset} is past the end (${bytes} bytes)`);
}

/** UTF-8 byte offset of code-point offset `cp` in `text`. */
export function codePointToUtf8Byte(text: string, cp: number): number {
  if (!Number.isInteger(cp) || cp < 0) throw new RangeError(`code-point offset ${cp} is negative`);
  let bytes = 0;
  let n = 0;
  for (const ch of text) {
    if (n === cp) return bytes;
    bytes += utf8Length(ch.codePointAt(0)!);
    n++;
  }
  if (n === cp) return bytes;
  throw new RangeError(`code-point offset ${cp} is outside 0..${n}`);
}

export type LineEndings = 'none' | 'lf' | 'crlf' | 'cr' | 'mixed';

/**
 * Maps code-point offsets between a raw text and its normalised form, in which
 * a leading byte-order mark and the CR of every CRLF were removed (lone CRs
 * become LF, which keeps offsets).
 */
export class OffsetMap {
  /** Code-point offsets, in the raw text, of the removed characters, ascending. */
  readonly removed: readonly number[];
  /** For each removed character, the normalised offset it sits at (removed[i] - i). */
  private readonly at: readonly number[];
  readonly rawLength: number;

  constructor(removed: readonly number[], rawLength: number) {
    this.removed = removed;
    this.at = removed.map((r, i) => r - i);
    this.rawLength = rawLength;
  }

  get normalisedLength(): number {
    return this.rawLength - this.removed.length;
  }

  /** Normalised offset of raw offset `raw`; a removed character maps to the character after it. */
  toNormalised(raw: number): number {
    checkOffset(raw, this.rawLength, 'raw');
    return raw - lowerBound(this.removed, raw);
  }

  /**
   * Raw offset of normalised offset `n`. As a range start it skips past removed
   * characters (a BOM, a CR) to the kept character; as a range end it stops before them.
   */
  toRaw(n: number, as: 'start' | 'end' = 'start'): number {
    checkOffset(n, this.normalisedLength, 'normalised');
    return n + lowerBound(this.at, n, as === 'start');
  }
}

export interface NormalisedText {
  text: string;
  map: OffsetMap;
  hadBom: boolean;
  lineEndings: LineEndings;
}

/** Removes a leading BOM and turns CRLF and CR line endings into LF, recording the offset map. */
export function normaliseText(raw: string): NormalisedText {
  const hadBom = raw.charCodeAt(0) === 0xfeff;
  const removed: number[] = hadBom ? [0] : [];
  const parts: string[] = [];
  let copyFrom = hadBom ? 1 : 0;
  let pairs = 0;
  let crlf = 0;
  let cr = 0;
  // Most transcripts have no CR: a native search for one spares them the scan that removes CRs.
  if (raw.indexOf('\r', copyFrom) < 0) {
    pairs = raw.length - codePointLength(raw);
  } else {
    PAIR_OR_CR.lastIndex = copyFrom;
    for (let m = PAIR_OR_CR.exec(raw); m; m = PAIR_OR_CR.exec(raw)) {
      if (m[0].charCodeAt(0) !== 0x0d) {
        pairs++;
        continue;
      }
      parts.push(raw.slice(copyFrom, m.index));
      copyFrom = m.index + 1;
      if (m[0].length === 2) {
        removed.push(m.index - pairs); // the CR's code-point offset; its LF stays
        crlf++;
      } else {
        parts.push('\n');
        cr++;
      }
    }
  }
  parts.push(raw.slice(copyFrom));
  let newlines = 0;
  for (let i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) newlines++;
  const lf = newlines - crlf;
  const kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  const lineEndings: LineEndings =
    kinds === 0 ? 'none' : kinds > 1 ? 'mixed' : lf ? 'lf' : crlf ? 'crlf' : 'cr';
  return { text: parts.join(''), map: new OffsetMap(removed, raw.length - pairs), hadBom, lineEndings };
}
