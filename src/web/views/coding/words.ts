// Word-level text rules for the caret, selections and in-vivo codes, in code points.
// Words come from Intl.Segmenter over a window around the position, so long
// documents are never segmented whole.

import type { CodePointIndex } from '../../../core/text/offsets.ts';

const WINDOW = 256;
const segmenters = new Map<string, Intl.Segmenter>();
const segmenter = (language: string) => {
  let s = segmenters.get(language);
  if (!s) segmenters.set(language, (s = new Intl.Segmenter(language, { granularity: 'word' })));
  return s;
};

/** Word segments (UTF-16 starts/ends in the whole text) around UTF-16 position `u16`. */
function wordsAround(text: string, u16: number, language: string): { start: number; end: number }[] {
  const from = Math.max(0, u16 - WINDOW);
  const to = Math.min(text.length, u16 + WINDOW);
  const words: { start: number; end: number }[] = [];
  for (const s of segmenter(language).segment(text.slice(from, to))) {
    if (s.isWordLike) words.push({ start: from + s.index, end: from + s.index + s.segment.length });
  }
  return words;
}

/**
 * The next word edge from `cp` in `direction`: by default the end of the word at or
 * after it going forward and the start of the word before it going back (Ctrl+Arrow);
 * `edge` asks for starts or ends only (a segment's start handle stops at word starts).
 */
export function moveByWord(
  index: CodePointIndex,
  cp: number,
  direction: 'forward' | 'backward',
  language = 'en',
  edge: 'start' | 'end' = direction === 'forward' ? 'end' : 'start',
): number {
  const text = index.text;
  let u16 = index.toUtf16(cp);
  const origin = u16;
  for (let guard = 0; guard < 64; guard++) {
    const words = wordsAround(text, u16, language).map((w) => w[edge]);
    const found = direction === 'forward' ? words.find((at) => at > origin) : words.findLast((at) => at < origin);
    if (found !== undefined) return index.toCodePoint(found);
    if (direction === 'forward' ? u16 + WINDOW >= text.length : u16 - WINDOW <= 0) return direction === 'forward' ? index.length : 0;
    u16 = direction === 'forward' ? Math.min(text.length, u16 + WINDOW) : Math.max(0, u16 - WINDOW);
  }
  return cp;
}

/** One code point forward or backward, within the text. */
export function moveByChar(index: CodePointIndex, cp: number, direction: 'forward' | 'backward'): number {
  return direction === 'forward' ? Math.min(index.length, cp + 1) : Math.max(0, cp - 1);
}

/**
 * Snaps a boundary to a word edge: a start moves back to the start of the word it
 * cuts, an end forward to the end of the word it cuts. Positions between words stay.
 */
export function snapToWord(index: CodePointIndex, cp: number, side: 'start' | 'end', language = 'en'): number {
  const u16 = index.toUtf16(cp);
  const w = wordsAround(index.text, u16, language).find((w) => w.start < u16 && u16 < w.end);
  if (!w) return cp;
  return index.toCodePoint(side === 'start' ? w.start : w.end);
}

/** [start, end) without whitespace at either end (so double-click selections code cleanly). */
export function trimRange(index: CodePointIndex, start: number, end: number): { start: number; end: number } {
  const text = index.text;
  let s = index.toUtf16(start);
  let e = index.toUtf16(end);
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: index.toCodePoint(s), end: index.toCodePoint(e) };
}

export const IN_VIVO_MAX = 60;

/**
 * An in-vivo code name from the selected words: whitespace collapsed, quotes and
 * trailing punctuation dropped, cut at a word boundary to at most IN_VIVO_MAX
 * characters (code points) with an ellipsis when shortened.
 */
export function inVivoName(selected: string): string {
  const strip = /^[\s"'“”‘’«»‹›.,;:!?…()[\]—–-]+|[\s"'“”‘’«»‹›.,;:!?…()[\]—–-]+$/gu;
  const words = selected.replace(/\s+/gu, ' ').replace(strip, '');
  const chars = [...words];
  if (chars.length <= IN_VIVO_MAX) return words;
  const cut = chars.slice(0, IN_VIVO_MAX - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > IN_VIVO_MAX / 2 ? cut.slice(0, space) : cut).replace(strip, '')}…`;
}
