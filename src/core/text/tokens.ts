// Words of a text with their positions, as both full-text indexes cut them:
// runs of letters, digits and combining marks ("d’hébergement" is two words).

import type { CodePointIndex } from './offsets.ts';
import { foldWord } from './fold.ts';

export interface Token {
  /** Code points, end exclusive. */
  start: number;
  end: number;
  /** As written. */
  text: string;
  /** Lower case, without Latin accents (fold.ts). */
  folded: string;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
// Scanning by character code is faster than a Unicode-property regex over long texts.
const ASCII_WORD = new Uint8Array(128).map((_, c) => (/[0-9A-Za-z]/.test(String.fromCharCode(c)) ? 1 : 0));
const nonAscii = new Map<number, boolean>();

/** For code points past ASCII (the loop below looks ASCII up itself). */
function isWordChar(codePoint: number): boolean {
  let known = nonAscii.get(codePoint);
  if (known === undefined) nonAscii.set(codePoint, (known = WORD_CHAR.test(String.fromCodePoint(codePoint))));
  return known;
}

/** The words of a string, without positions (queries). */
export const wordsOf = (text: string): string[] => text.match(WORD) ?? [];

/** The words of `index`'s text between two code-point offsets (default: all of it). */
export function tokenize(index: CodePointIndex, from = 0, to = index.length): Token[] {
  const text = index.text;
  const end = index.toUtf16(to);
  const tokens: Token[] = [];
  let start = -1;
  let startAt = 0;
  let ascii = true;
  // `i` in UTF-16 units and `at` in code points move together, so tokens need no offset lookups.
  for (let i = index.toUtf16(from), at = from; i <= end; at++) {
    let cp = i < end ? text.charCodeAt(i) : 32;
    if (cp >= 0xd800 && cp < 0xdc00) cp = text.codePointAt(i)!;
    if (cp < 128 ? ASCII_WORD[cp] === 1 : isWordChar(cp)) {
      if (start < 0) {
        start = i;
        startAt = at;
        ascii = true;
      }
      if (cp >= 128) ascii = false;
    } else if (start >= 0) {
      const word = text.slice(start, i);
      tokens.push({ start: startAt, end: at, text: word, folded: ascii ? word.toLowerCase() : foldWord(word) });
      start = -1;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return tokens;
}
