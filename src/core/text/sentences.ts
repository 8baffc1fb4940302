// Sentences and paragraphs of a transcript, as code-point ranges without the
// surrounding white space.

import type { CodePointIndex } from './offsets.ts';
import type { Range } from './ranges.ts';

// A sentence ends at . ! ? … (with closing quotes or brackets) before white space, or at a line break.
const BOUNDARY = /[.!?…]+["'”’»)\]]*(?=\s|$)|\n/gu;
// Words whose full stop does not end a sentence; single capitals are initials ("J. Smith").
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'vs', 'mme', 'mlle', 'mm', 'cf', 'p', 'ex']);
const WORD_BEFORE = /[\p{L}]+$/u;

function trimmed(index: CodePointIndex, from: number, to: number, out: Range[]): void {
  const text = index.text;
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  if (from < to) out.push({ start: index.toCodePoint(from), end: index.toCodePoint(to) });
}

function isAbbreviation(text: string, at: number, terminator: string): boolean {
  if (terminator !== '.') return false;
  const word = WORD_BEFORE.exec(text.slice(Math.max(0, at - 12), at))?.[0];
  if (!word) return false;
  return ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word);
}

/** The sentences of the text, in order. */
export function sentenceRanges(index: CodePointIndex): Range[] {
  const text = index.text;
  const out: Range[] = [];
  let from = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    if (m[0] === '\n') {
      trimmed(index, from, m.index, out);
      from = m.index + 1;
    } else if (!isAbbreviation(text, m.index, m[0].replace(/["'”’»)\]]+$/u, ''))) {
      trimmed(index, from, m.index + m[0].length, out);
      from = m.index + m[0].length;
    }
  }
  trimmed(index, from, text.length, out);
  return out;
}

/**
 * The paragraphs of the text: blocks between blank lines when the text has
 * blank lines, else its lines.
 */
export function paragraphRanges(index: CodePointIndex): Range[] {
  const text = index.text;
  const separator = /\n[ \t\u00a0]*\n/.test(text) ? /\n[ \t\u00a0]*(?:\n[ \t\u00a0]*)+/g : /\n/g;
  const out: Range[] = [];
  let from = 0;
  for (const m of text.matchAll(separator)) {
    trimmed(index, from, m.index, out);
    from = m.index + m[0].length;
  }
  trimmed(index, from, text.length, out);
  return out;
}
