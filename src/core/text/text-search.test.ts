import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldWord } from './fold.ts';
import { matchTerms } from './match.ts';
import { CodePointIndex } from './offsets.ts';
import { parseQuery } from './query.ts';
import { enclosingRange, rangesCovering } from './ranges.ts';
import { paragraphRanges, sentenceRanges } from './sentences.ts';
import { stemmerFor, stemPrefix } from './stem.ts';
import { isStopWord } from './stop-words.ts';
import { tokenize } from './tokens.ts';

const texts = (index: CodePointIndex, ranges: { start: number; end: number }[]) => ranges.map((r) => index.slice(r.start, r.end));

test('folding drops case and Latin accents only, as both indexes do', () => {
  assert.equal(foldWord('Montréal'), 'montreal');
  assert.equal(foldWord('Cafe\u0301'), 'cafe');
  assert.equal(foldWord('ÇA'), 'ca');
  assert.equal(foldWord('İstanbul'), 'istanbul');
  assert.equal(foldWord('cœur'), 'cœur', 'no ligature expansion: FTS5 keeps œ');
  assert.equal(foldWord('Άλφα'), 'άλφα', 'Greek keeps its accents: FTS5 keeps them');
});

test('tokens carry code-point offsets past emoji and split at apostrophes', () => {
  const index = new CodePointIndex('👩‍👩‍👧 Montréal, d’hébergement');
  const tokens = tokenize(index);
  assert.deepEqual(
    tokens.map((t) => [t.start, t.end, t.text, t.folded]),
    [
      [6, 14, 'Montréal', 'montreal'],
      [16, 17, 'd', 'd'],
      [18, 29, 'hébergement', 'hebergement'],
    ],
  );
  assert.deepEqual(tokenize(index, 6, 17).map((t) => t.text), ['Montréal', 'd']);
});

test('queries have words, quoted phrases and prefixes', () => {
  assert.deepEqual(parseQuery('fear "of deportation" shel* d’hébergement “fear of dep*” "unclosed phrase'), [
    { words: ['fear'], prefix: false },
    { words: ['of', 'deportation'], prefix: false },
    { words: ['shel'], prefix: true },
    { words: ['d', 'hébergement'], prefix: false },
    { words: ['fear', 'of', 'dep'], prefix: true },
    { words: ['unclosed', 'phrase'], prefix: false },
  ]);
  assert.deepEqual(parseQuery('  "" * ?! '), []);
});

test('matching finds phrases, words and prefixes, and needs every term', () => {
  const index = new CodePointIndex('The fear of deportation. Fear, again: FEAR of DÉPORTATION! Shelters, a shelter.');
  const tokens = tokenize(index);
  const find = (q: string) => {
    const hits = matchTerms(tokens, parseQuery(q));
    return hits && texts(index, hits);
  };
  assert.deepEqual(find('"fear of deportation"'), ['fear of deportation', 'FEAR of DÉPORTATION']);
  assert.deepEqual(find('fear'), ['fear', 'Fear', 'FEAR']);
  assert.deepEqual(find('shelter'), ['shelter']);
  assert.deepEqual(find('shelt*'), ['Shelters', 'shelter']);
  assert.deepEqual(find('fear shelter'), ['fear', 'Fear', 'FEAR', 'shelter'], 'hits of every term, in text order');
  assert.equal(find('fear zebra'), null);
  assert.deepEqual(find('"deportation fear"'), ['deportation. Fear'], 'a phrase crosses punctuation, as in the index');
});

test('stemmed matching compares Snowball stems in the document’s language', () => {
  const fr = stemmerFor('fr');
  assert.equal(fr('logements'), 'log');
  assert.equal(fr('Logement'), 'log');
  assert.equal(fr('hébergement'), fr('HEBERGEMENT'));
  const en = stemmerFor('en');
  assert.equal(en('housing'), en('Houses'));
  const index = new CodePointIndex('Les logements manquent; un logement, le loyer.');
  const hits = matchTerms(tokenize(index), parseQuery('logement'), { stem: fr })!;
  assert.deepEqual(texts(index, hits), ['logements', 'logement']);
  assert.deepEqual(texts(index, matchTerms(tokenize(index), parseQuery('logement'))!), ['logement']);
});

test('a stem prefix leaves room for the letters Snowball rewrites', () => {
  assert.equal(stemPrefix('happi'), 'hap'); // happy → happi
  assert.equal(stemPrefix('recent'), 'rece'); // récemment → récent
  assert.equal(stemPrefix('hope'), 'hop'); // hoping → hope
  assert.equal(stemPrefix('log'), 'lo');
  assert.equal(stemPrefix('a'), 'a');
});

test('sentences end at terminators and line breaks, not at abbreviations or initials', () => {
  const index = new CodePointIndex('  Mr. Smith came. Did he? “Yes!” M. Roy said\nNew line here… and more. 3.5 beds');
  assert.deepEqual(texts(index, sentenceRanges(index)), [
    'Mr. Smith came.',
    'Did he?',
    '“Yes!”',
    'M. Roy said',
    'New line here…',
    'and more.',
    '3.5 beds',
  ]);
  const s = sentenceRanges(index);
  assert.deepEqual(rangesCovering(s, 8, 10), [s[0]]);
  assert.deepEqual(enclosingRange(s, 8, 20), { start: s[0]!.start, end: s[1]!.end });
  assert.equal(enclosingRange(s, 0, 1), null);
});

test('paragraphs are blank-line blocks, or lines when there are no blank lines', () => {
  const blocks = new CodePointIndex('Q: one\ncontinued\n\n  \nA: two\n');
  assert.deepEqual(texts(blocks, paragraphRanges(blocks)), ['Q: one\ncontinued', 'A: two']);
  const lines = new CodePointIndex('Q: one\nA: two');
  assert.deepEqual(texts(lines, paragraphRanges(lines)), ['Q: one', 'A: two']);
});

test('stop words are folded and per language', () => {
  assert.equal(isStopWord('ete', ['fr']), true); // été
  assert.equal(isStopWord('the', ['fr']), false);
  assert.equal(isStopWord('the', ['en', 'fr']), true);
  assert.equal(isStopWord('t', ['en']), true); // don’t → don, t
  assert.equal(isStopWord('logement', ['fr']), false);
});
