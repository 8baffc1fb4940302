// Where a query's terms occur in a text's words: exact folded words, prefixes,
// or (stemmed search) words with the same stem; phrases as consecutive words.

import type { QueryTerm } from './query.ts';
import type { Range } from './ranges.ts';
import { foldWord } from './fold.ts';
import type { Token } from './tokens.ts';

type WordTest = (token: Token) => boolean;

export interface MatchOptions {
  /** Compare words by this stem (stem.ts) instead of their folded form; prefixes stay prefixes. */
  stem?: (word: string) => string;
}

function wordTests(term: QueryTerm, options: MatchOptions): WordTest[] {
  return term.words.map((word, i) => {
    const folded = foldWord(word);
    if (term.prefix && i === term.words.length - 1) return (t) => t.folded.startsWith(folded);
    const stem = options.stem;
    if (stem) {
      const target = stem(word);
      return (t) => stem(t.text) === target;
    }
    return (t) => t.folded === folded;
  });
}

/**
 * The hits of `terms` in `tokens` (in text order, each range once), or null
 * when some term does not occur: a document matches only with every term.
 */
export function matchTerms(tokens: readonly Token[], terms: readonly QueryTerm[], options: MatchOptions = {}): Range[] | null {
  const hits: Range[] = [];
  for (const term of terms) {
    const tests = wordTests(term, options);
    const before = hits.length;
    const last = tokens.length - tests.length;
    for (let i = 0; i <= last; i++) {
      let k = 0;
      while (k < tests.length && tests[k]!(tokens[i + k]!)) k++;
      if (k === tests.length) hits.push({ start: tokens[i]!.start, end: tokens[i + k - 1]!.end });
    }
    if (hits.length === before) return null;
  }
  hits.sort((a, b) => a.start - b.start || a.end - b.end);
  return hits.filter((h, i) => i === 0 || h.start !== hits[i - 1]!.start || h.end !== hits[i - 1]!.end);
}
