// crosswise search, autocode and words as a user runs them: the real command on
// the demo study in a real SQLite file. Expected hits are counted independently
// from the demo's transcript files.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertError, jsonOf, runCrosswise, type Run } from './support/cli.ts';

const TRANSCRIPTS = join(import.meta.dirname, '..', 'src', 'demo', 'transcripts');
const dir = mkdtempSync(join(tmpdir(), 'crosswise-text-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const crosswise = (...args: string[]): Run => runCrosswise(dir, args);
const json = <T>(...args: string[]): T => jsonOf<T>(crosswise(...args, '--json'), args);

interface Hit {
  document: { name: string };
  site: { name: string } | null;
  speaker: string | null;
  start: number;
  end: number;
  sentence: { start: number; end: number };
  before: string;
  hit: string;
  after: string;
}
interface Page {
  more: boolean;
  hits: Hit[];
}

const db = join(dir, 'demo.db');
/** Demo transcripts by document name ("TOR-01 interview"), as code points. */
const transcripts = new Map<string, string[]>();

before(() => {
  const r = crosswise('demo', '--db', db);
  assert.equal(r.status, 0, r.stderr);
  for (const file of readdirSync(TRANSCRIPTS).filter((f) => f.endsWith('.txt'))) {
    const text = readFileSync(join(TRANSCRIPTS, file), 'utf8');
    transcripts.set(`${file.replace('.txt', '')} interview`, [...text]);
  }
});

/** Whole-word occurrences of an ASCII pattern in the transcripts, ignoring case and accents: an independent count. */
function occurrences(word: string): number {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'giu');
  let n = 0;
  for (const chars of transcripts.values()) n += chars.join('').normalize('NFD').replace(/\p{M}/gu, '').match(re)?.length ?? 0;
  return n;
}

test('search finds every whole word, at code-point offsets of the document text, in its sentence', () => {
  const names = [...transcripts.keys()];
  assert.ok(names.length === 16, `16 demo transcripts, got ${names.join(', ')}`);
  const page = json<Page>('search', 'deportation', '--db', db, '--limit', '100');
  assert.equal(page.hits.length, occurrences('deportation'));
  assert.equal(page.hits.length, 4); // TOR-01, TOR-06, VAN-03, WPG-09 ("deportations" is another word)
  assert.equal(page.more, false);
  for (const h of page.hits) {
    const chars = transcripts.get(h.document.name);
    assert.ok(chars, h.document.name);
    assert.equal(chars.slice(h.start, h.end).join(''), h.hit);
    assert.equal(h.hit.toLowerCase(), 'deportation');
    assert.equal(chars.slice(h.sentence.start, h.sentence.end).join(''), h.before + h.hit + h.after);
    assert.ok(h.speaker, 'demo transcripts have speaker turns');
  }
});

test('accents, case, phrases, prefixes and stems', () => {
  const montreal = json<Page>('search', 'MONTREAL', '--db', db, '--limit', '1000');
  assert.equal(montreal.hits.length, occurrences('montreal'));
  assert.ok(montreal.hits.some((h) => h.hit === 'Montréal') && montreal.hits.some((h) => h.hit === 'Montreal'));
  const phrase = json<Page>('search', '"maison d’hébergement"', '--db', db, '--limit', '100');
  assert.deepEqual(phrase.hits.map((h) => h.hit), ["maison d'hébergement"]);
  const prefix = json<Page>('search', 'deport*', '--db', db, '--limit', '100');
  assert.equal(prefix.hits.length, occurrences('deport[\\p{L}\\p{N}]*'));
  assert.ok(prefix.hits.some((h) => h.hit === 'deportations'));
  const plain = json<Page>('search', 'logement', '--db', db, '--limit', '100');
  const stemmed = json<Page>('search', 'logement', '--stem', '--db', db, '--limit', '100');
  assert.equal(plain.hits.length, occurrences('logement'));
  assert.ok(stemmed.hits.length > plain.hits.length, 'stemming finds logements, loger…');
  assert.ok(stemmed.hits.every((h) => h.site?.name === 'Montreal'));
});

test('KWIC lines bracket the hit off a terminal and page with --limit and --offset', () => {
  const r = crosswise('search', 'deportation', '--db', db, '--limit', '1');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 2);
  assert.match(lines[0]!, /^TOR-01 interview \(Toronto\/TOR-01\) \d+\.\.\d+ Respondent: .*\[deportation\]/);
  assert.equal(lines[1], 'Showing hits 1–1; more with --offset 1.');
  const rest = json<Page>('search', 'deportation', '--db', db, '--offset', '1');
  assert.equal(rest.hits.length, 3);
  assert.equal(json<Page>('search', 'deportation', '--db', db, '--site', 'Montreal').hits.length, 0);
});

test('search errors: no words, a case that is not a site, no query', () => {
  assertError(crosswise('search', '"*"', '--db', db), 1, /no words to search for/);
  assertError(crosswise('search', 'x', '--site', 'MTL-02', '--db', db), 1, /is a participant, not a site/);
  assert.equal(crosswise('search', '--db', db).status, 2);
});

interface Autocode {
  documents: number;
  hits: number;
  ranges: number;
  created: number;
  existing: number;
  skipped: number;
}

test('autocode codes every hit once, widened, and by speaker', () => {
  const copy = join(dir, 'autocode.db');
  copyFileSync(db, copy);
  const code = ['--code', 'Obstacles/Fear of deportation', '--coder', 'Amira Haddad', '--db', copy];
  const first = json<Autocode>('autocode', '--query', 'deportation', '--widen', 'sentence', ...code);
  assert.equal(first.hits, 4);
  assert.equal(first.ranges, 4);
  assert.equal(first.created + first.existing, 4);
  const again = json<Autocode>('autocode', '--query', 'deportation', '--widen', 'sentence', ...code);
  assert.deepEqual(again, { ...first, created: 0, existing: 4 });
  const speaker = json<Autocode>('autocode', '--speaker', 'Répondante', '--code', 'Needs/Safe housing and shelter', '--coder', 'Luc Tremblay', '--db', copy);
  assert.ok(speaker.documents >= 1 && speaker.created === speaker.ranges && speaker.ranges === speaker.hits);
  assertError(crosswise('autocode', '--query', 'x', '--speaker', 'y', ...code), 1, /either --query or --speaker/);
  assertError(crosswise('autocode', '--query', 'x', '--code', 'Nope', '--coder', 'Amira Haddad', '--db', copy), 1, /no code/);
  assert.equal(crosswise('autocode', '--query', 'x', '--widen', 'page', ...code).status, 2);
});

interface Words {
  documents: number;
  words: number;
  terms: { term: string; count: number; documents: number }[];
}

test('words: frequencies without stop words, n-grams, without the interviewer', () => {
  const all = json<Words>('words', '--db', db, '--top', '10');
  assert.equal(all.documents, 16);
  assert.equal(all.terms.length, 10);
  assert.ok(all.terms.every((t, i) => i === 0 || all.terms[i - 1]!.count >= t.count));
  assert.ok(!all.terms.some((t) => ['the', 'and', 'de', 'la', 'interviewer', 'respondent'].includes(t.term)));
  const respondents = json<Words>('words', '--db', db, '--no-interviewer');
  assert.ok(respondents.words < all.words);
  const trigrams = json<Words>('words', '--db', db, '--ngram', '3', '--top', '1');
  assert.deepEqual(trigrams.terms.map((t) => t.term), ['trafficking in persons']);
  const montreal = json<Words>('words', '--db', db, '--site', 'Montreal', '--stem', '--top', '1');
  assert.equal(montreal.documents, 4);
  assert.equal(crosswise('words', '--ngram', '4', '--db', db).status, 2);
  const table = crosswise('words', '--db', db, '--top', '3');
  assert.match(table.stdout, /^16 documents, \d+ words read\nterm +count +documents\n/);
});
