// Word frequency over a group of documents (a site, the cases with an attribute
// value, chosen documents): words or n-grams without stop words, optionally
// grouped by stem, optionally without the interviewer's turns.

import type { Document, Language, UserId } from '../core/model.ts';
import { invalid } from '../core/errors.ts';
import { rangesCovering, type Range } from '../core/text/ranges.ts';
import { sentenceRanges } from '../core/text/sentences.ts';
import { isInterviewerLabel } from '../core/text/speakers.ts';
import { isStopWord } from '../core/text/stop-words.ts';
import { stemmerFor } from '../core/text/stem.ts';
import { tokenize, type Token } from '../core/text/tokens.ts';
import type { ProjectStore } from '../store/store.ts';
import { DocumentUnits, documentsInScope, languageResolver, type DocumentScope } from './search.ts';

export interface WordOptions extends DocumentScope {
  /** Group words by their Snowball stem (each document's language); the most frequent form names the group. */
  stem?: boolean;
  /** Words per term: 1 (words), 2 or 3 (n-grams within a sentence). */
  ngram?: number;
  /** How many terms to return (default 50). */
  top?: number;
  /** Leave out the interviewer's turns (speaker labels such as Interviewer, Q, Enquêtrice, or the interviewer's name). */
  excludeInterviewer?: boolean;
}

export interface WordCount {
  /** The most frequent form, in lower case. */
  term: string;
  count: number;
  /** Documents it occurs in. */
  documents: number;
}

export interface WordFrequencies {
  documents: number;
  /** Words read (stop words included) in the counted parts: turns without labels, or the whole text. */
  words: number;
  terms: WordCount[];
}

const LETTER = /\p{L}/u;

/**
 * The parts of a document that are counted: with speaker turns, what is said in
 * them (not labels, headers or, if asked, the interviewer's turns); else all of it.
 */
function countedRanges(units: DocumentUnits, skipTurn: (speaker: string) => boolean): Range[] {
  if (units.turns.length === 0) return [{ start: 0, end: units.index.length }];
  return units.turns.filter((t) => !skipTurn(t.speaker)).map((t) => t.body);
}

/** Runs of tokens that n-grams may span: within one counted range and one sentence (single words need no sentences). */
function* runs(units: DocumentUnits, ranges: readonly Range[], n: number): Generator<Token[]> {
  if (n === 1) {
    for (const range of ranges) yield tokenize(units.index, range.start, range.end);
    return;
  }
  const sentences = sentenceRanges(units.index);
  for (const range of ranges) {
    for (const s of rangesCovering(sentences, range.start, range.end)) {
      const from = Math.max(s.start, range.start);
      const to = Math.min(s.end, range.end);
      if (from < to) yield tokenize(units.index, from, to);
    }
  }
}

interface Tally {
  key: string;
  count: number;
  lastDocument: number;
  documents: number;
  /** Forms written otherwise than the key, counted: most words are only ever written as their key. */
  otherForms: Map<string, number>;
}

/** Word or n-gram frequencies over the documents in scope, most frequent first. */
export async function wordFrequencies(project: ProjectStore, options: WordOptions = {}): Promise<WordFrequencies> {
  const n = options.ngram ?? 1;
  if (!Number.isInteger(n) || n < 1 || n > 3) throw invalid(`n-grams are of 1 to 3 words, not ${n}`);
  const top = options.top ?? 50;
  const [scoped, languageOf, interviews, users] = await Promise.all([
    documentsInScope(project, options),
    languageResolver(project),
    project.listInterviews(),
    project.listUsers(),
  ]);
  const userNames = new Map(users.map((u) => [u.id, u.name]));
  const interviewer = new Map<string, UserId | null>(interviews.map((i) => [i.id, i.interviewerId]));
  const namesOf = (doc: Document): string[] => {
    const id = doc.interviewId ? interviewer.get(doc.interviewId) : null;
    const name = id ? userNames.get(id) : undefined;
    return name ? [name] : [];
  };

  const tallies = new Map<string, Tally>();
  let words = 0;
  for (const [d, { summary }] of scoped.entries()) {
    const doc = await project.getDocument(summary.id);
    const units = new DocumentUnits(doc);
    const names = namesOf(doc);
    const skipTurn = (speaker: string) => options.excludeInterviewer === true && isInterviewerLabel(speaker, names);
    const stopLanguages: Language[] = doc.language ? [doc.language] : ['en', 'fr'];
    const stem = options.stem ? stemmerFor(languageOf(summary)) : null;
    for (const run of runs(units, countedRanges(units, skipTurn), n)) {
      words += run.length;
      const stop = run.map((t) => isStopWord(t.folded, stopLanguages) || !LETTER.test(t.text));
      const keys = run.map((t) => (stem ? stem(t.text) : t.folded));
      const forms = run.map((t) => (t.text === t.folded ? t.text : t.text.normalize('NFC').toLowerCase()));
      for (let i = 0; i + n <= run.length; i++) {
        if (stop[i] || stop[i + n - 1]) continue;
        const key = n === 1 ? keys[i]! : keys.slice(i, i + n).join(' ');
        const form = n === 1 ? forms[i]! : forms.slice(i, i + n).join(' ');
        let tally = tallies.get(key);
        if (!tally) tallies.set(key, (tally = { key, count: 0, lastDocument: -1, documents: 0, otherForms: new Map() }));
        tally.count++;
        if (tally.lastDocument !== d) {
          tally.lastDocument = d;
          tally.documents++;
        }
        if (form !== key) tally.otherForms.set(form, (tally.otherForms.get(form) ?? 0) + 1);
      }
    }
  }
  const terms = [...tallies.values()].map((t) => ({ term: mostFrequentForm(t), count: t.count, documents: t.documents }));
  terms.sort((a, b) => b.count - a.count || b.documents - a.documents || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return { documents: scoped.length, words, terms: terms.slice(0, top) };
}

/** The form written most often (the first in code-unit order among equals). */
function mostFrequentForm(tally: Tally): string {
  let best = '';
  let bestCount = 0;
  const consider = (form: string, count: number) => {
    if (count > bestCount || (count === bestCount && form < best)) {
      best = form;
      bestCount = count;
    }
  };
  let others = 0;
  for (const [form, count] of tally.otherForms) {
    consider(form, count);
    others += count;
  }
  consider(tally.key, tally.count - others);
  return best;
}
