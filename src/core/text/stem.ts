// Snowball stems of English and French words, for stemmed search and word counts.

import { newStemmer } from 'snowball-stemmers';
import type { Language } from '../model.ts';
import { foldWord } from './fold.ts';

const ALGORITHM: Record<Language, string> = { en: 'english', fr: 'french' };
/** Stemming is slow next to a map lookup; a transcript's vocabulary is small. Cap for long-lived servers. */
const CACHE_LIMIT = 200_000;
const stemmers = new Map<Language, (word: string) => string>();

/**
 * A function from a word (any case and accents) to its folded stem in
 * `language`: words with the same stem are forms of one word
 * ("logement", "Logements" → "log").
 */
export function stemmerFor(language: Language): (word: string) => string {
  let stemmer = stemmers.get(language);
  if (!stemmer) {
    const snowball = newStemmer(ALGORITHM[language]);
    const cache = new Map<string, string>();
    stemmer = (word) => {
      let stem = cache.get(word);
      if (stem === undefined) {
        // The French stemmer needs the accents (é marks suffixes); fold the stem afterwards.
        stem = foldWord(snowball.stem(word.normalize('NFC').toLowerCase()));
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(word, stem);
      }
      return stem;
    };
    stemmers.set(language, stemmer);
  }
  return stemmer;
}

/**
 * A prefix every word with this stem starts with, for an index prefix query:
 * Snowball rewrites a stem's last letters ("happy" → "happi", "récemment" →
 * "récent"), so keep the stem without them.
 */
export function stemPrefix(stem: string): string {
  const chars = [...stem];
  return chars.slice(0, Math.max(1, chars.length - (chars.length >= 5 ? 2 : 1))).join('');
}
