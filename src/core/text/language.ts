import type { Language } from '../model.ts';

// Frequent function words that are rare in the other language. Enough for
// interview transcripts, which are long and full of them.
const STOP_WORDS: Record<Language, ReadonlySet<string>> = {
  en: new Set(
    'the and of to is was that it in for you with have this they we not but are what be at or there as their if would so do because about when people just from can were like know think them who which'.split(' '),
  ),
  fr: new Set(
    'le la les et est des une un que qui dans pour pas sur avec ce cette sont au aux mais ou nous vous elles ils ont été être fait comme plus leur très donc parce quand aussi ça je du il elle'.split(' '),
  ),
};

/** How much of a document’s start is enough to tell: a few pages of a transcript. */
const SAMPLE = 10_000;
/** Fewer matched words than this is too little evidence. */
const MIN_EVIDENCE = 12;
/** Matched words enough to decide: reading on would not change the answer, only cost time. */
const ENOUGH_EVIDENCE = 100;

/**
 * The language of a text among those Crosswise supports, or null when there is
 * too little evidence or the two are too close to call.
 */
export function detectLanguage(text: string): Language | null {
  const sample = text.slice(0, SAMPLE);
  const score: Record<Language, number> = { en: 0, fr: 0 };
  const word = /\p{L}+/gu;
  let total = 0;
  for (let m = word.exec(sample); m && total < ENOUGH_EVIDENCE; m = word.exec(sample)) {
    const w = m[0].toLowerCase();
    if (STOP_WORDS.en.has(w)) score.en++;
    if (STOP_WORDS.fr.has(w)) score.fr++;
    total = score.en + score.fr;
  }
  if (total < MIN_EVIDENCE) return null;
  if (score.en >= total * 0.65) return 'en';
  if (score.fr >= total * 0.65) return 'fr';
  return null;
}
