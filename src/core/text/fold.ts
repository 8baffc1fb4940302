// Case and accent folding for search and word counts, as both full-text indexes
// fold: lower case, and Latin letters lose their diacritics (é → e, ç → c).
// Other scripts keep theirs because SQLite's FTS5 keeps them: folding them here
// would match words the index never offers as candidates.

const ASCII = /^[\x00-\x7f]*$/;
const MARK = /\p{M}/u;
const LATIN = /[a-z\u00c0-\u024f\u1e00-\u1eff]/;

/** The folded form of a word (or any text): compare folded forms to ignore case and accents. */
export function foldWord(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  let out = '';
  let afterLatin = false;
  for (const ch of word.toLowerCase().normalize('NFD')) {
    if (MARK.test(ch)) {
      if (!afterLatin) out += ch;
      continue;
    }
    afterLatin = LATIN.test(ch);
    out += ch;
  }
  return out.normalize('NFC');
}
