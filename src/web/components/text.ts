// Accent- and case-insensitive matching, so « memoire » finds « Mémoire » and
// "metis" finds "Métis".

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/** Lower case without diacritics (NFD, combining marks removed), ligatures spelt out. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[œæß]/g, (c) => LIGATURES[c] ?? c);
}

/** True when every word of the query occurs, folded, in one of the texts. */
export function matchesQuery(query: string, ...texts: string[]): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(texts.join('\n'));
  return words.every((w) => haystack.includes(w));
}
