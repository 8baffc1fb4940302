// How the words view draws its cloud: a font size per term by its share of the
// most frequent one (square root, so rare words stay readable).

import type { WordCount } from '../../../analysis/words.ts';

export const MIN_SIZE = 0.8;
export const MAX_SIZE = 2.6;

/** Font size in rem for each term, in the order given. */
export function cloudSizes(terms: readonly WordCount[]): number[] {
  const most = Math.max(0, ...terms.map((t) => t.count));
  const least = Math.min(most, ...terms.map((t) => t.count));
  return terms.map((t) => (most === least ? (MIN_SIZE + MAX_SIZE) / 2 : MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt((t.count - least) / (most - least))));
}

/** The text search query that finds a term: a phrase, so n-grams match in order. */
export const searchFor = (term: string) => `"${term.replace(/"/g, ' ').trim()}"`;

/** Terms in a stable alphabetical order, so the cloud does not read as a ranking. */
export const cloudOrder = (terms: readonly WordCount[], compare: (a: string, b: string) => number) => [...terms].sort((a, b) => compare(a.term, b.term));
