// The text-search query language: words, "quoted phrases" and prefix* terms;
// a document matches when it has every term.

import { wordsOf } from './tokens.ts';

export interface QueryTerm {
  /** Words in sequence, as written: one for a word, several for a phrase. */
  words: string[];
  /** The last word is a prefix ("shelt*", "fear of dep*"). */
  prefix: boolean;
}

// A quoted phrase (closing quote optional) or a run of non-space characters.
const PART = /["“”«»]([^"“”«»]*)["“”«»]?|[^\s"“”«»]+/gu;

/**
 * The terms of a query. A word that the tokeniser splits ("d’hébergement",
 * "e-mail") is a phrase of its pieces, as in the full-text index.
 */
export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const m of query.matchAll(PART)) {
    const part = (m[1] ?? m[0]).trim();
    const words = wordsOf(part);
    if (words.length > 0) terms.push({ words, prefix: part.endsWith('*') });
  }
  return terms;
}

/** The query as the user would write it again (for messages and JSON). */
export function formatQuery(terms: readonly QueryTerm[]): string {
  return terms
    .map((t) => {
      const text = `${t.words.join(' ')}${t.prefix ? '*' : ''}`;
      return t.words.length > 1 ? `"${text}"` : text;
    })
    .join(' ');
}
