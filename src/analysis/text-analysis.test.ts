// Text search (KWIC), auto-coding and word frequency on a small constructed
// project in a real SQLite file; expectations computed by hand.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectTurns } from '../core/text/turns.ts';
import { openStore } from '../store/open.ts';
import type { ProjectStore, Store } from '../store/store.ts';
import { autocodeSearch, autocodeSpeaker } from './autocode.ts';
import { keywordsInContext } from './search.ts';
import { wordFrequencies } from './words.ts';

const EN = [
  'Interviewer: Where do you work? 👩‍👩‍👧 Shelter work.',
  'Respondent: 👩‍👧 The shelter is full. The fear of deportation keeps them silent. Shelters help.',
  'Interviewer: And fear?',
  'Respondent: Fear, yes. Deportation fear is real, fear of deportation.',
].join('\n');

const FR = [
  'Intervieweuse : Parlez-moi du logement à Montréal.',
  '',
  'Répondante : Les logements manquent. À Montreal, le logement coûte cher!',
  '',
  'Intervieweuse : Merci.',
  '',
  'Répondante : De rien.',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'crosswise-text-analysis-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function build(store: Store) {
  const p = await store.createProject({ title: 'Text', languages: ['en', 'fr'] }, { system: 'test' });
  const amira = await p.createUser({ name: 'Amira', role: 'coder' });
  const luc = await p.createUser({ name: 'Luc Tremblay', role: 'interviewer' });
  await p.defineAttribute({ name: 'type', type: 'text' });
  const montreal = await p.createCase({ kind: 'site', name: 'Montreal' });
  const toronto = await p.createCase({ kind: 'site', name: 'Toronto' });
  const mtl = await p.createCase({ kind: 'participant', name: 'MTL-01', parentId: montreal.id, attributes: { type: 'refuge' } });
  const tor = await p.createCase({ kind: 'participant', name: 'TOR-01', parentId: toronto.id, attributes: { type: 'shelter' } });
  const en = await p.addDocument({ name: 'TOR-01 interview', text: EN, language: 'en', caseId: tor.id, turns: detectTurns(EN) });
  const fr = await p.addDocument({ name: 'MTL-01 entrevue', text: FR, language: 'fr', caseId: mtl.id, turns: detectTurns(FR) });
  const fear = await p.createCode({ name: 'Fear' });
  const talk = await p.createCode({ name: 'Respondent talk' });
  return { p, amira, luc, montreal, toronto, en, fr, fear, talk };
}

describe('text analysis', () => {
  let store: Store;
  let p: ProjectStore;
  let fx: Awaited<ReturnType<typeof build>>;
  before(async () => {
    store = await openStore(join(dir, `t${++n}.db`));
    fx = await build(store);
    p = fx.p;
  });
  after(() => store.close());

  const hitTexts = async (query: string, options = {}) => (await keywordsInContext(p, query, options)).hits.map((h) => h.hit);

  test('KWIC gives each hit in its sentence, in code points past emoji, with case, site and speaker', async () => {
    const { hits, more } = await keywordsInContext(p, 'shelter');
    assert.equal(more, false);
    assert.deepEqual(hits.map((x) => [x.start, x.hit]), [[38, 'Shelter'], [72, 'shelter']]);
    const h = hits[1];
    // "Interviewer: Where do you work? " is 32, the family emoji 5 code points, a space: line 2 starts at 52,
    // "Respondent: " ends at 64 (where the sentence starts), then 👩‍👧 (3) and a space: "The" at 68, "shelter" at 72.
    assert.deepEqual(
      { start: h!.start, end: h!.end, sentence: h!.sentence, before: h!.before, hit: h!.hit, after: h!.after },
      { start: 72, end: 79, sentence: { start: 64, end: 88 }, before: '👩‍👧 The ', hit: 'shelter', after: ' is full.' },
    );
    assert.equal(h!.document.name, 'TOR-01 interview');
    assert.equal(h!.case?.name, 'TOR-01');
    assert.equal(h!.site?.name, 'Toronto');
    assert.equal(h!.speaker, 'Respondent');
  });

  test('a sentence starts after the speaker label', async () => {
    const [h] = (await keywordsInContext(p, 'where')).hits;
    assert.deepEqual(h!.sentence, { start: 13, end: 31 });
    assert.equal(h!.before + h!.hit + h!.after, 'Where do you work?');
  });

  test('accents and case are ignored: montreal finds Montréal and Montreal', async () => {
    assert.deepEqual(await hitTexts('montreal'), ['Montréal', 'Montreal']);
    assert.deepEqual(await hitTexts('MONTRÉAL'), ['Montréal', 'Montreal']);
  });

  test('a phrase is its words in sequence; words are each found, in a document having them all', async () => {
    assert.deepEqual(await hitTexts('"fear of deportation"'), ['fear of deportation', 'fear of deportation']);
    assert.deepEqual(await hitTexts('fear deportation'), ['fear', 'deportation', 'fear', 'Fear', 'Deportation', 'fear', 'fear', 'deportation']);
    assert.deepEqual(await hitTexts('fear logement'), [], 'no document has both');
  });

  test('a prefix finds every word starting with it', async () => {
    assert.deepEqual(await hitTexts('shelt*'), ['Shelter', 'shelter', 'Shelters']);
  });

  test('stemmed search finds French and English word forms in each document’s language', async () => {
    assert.deepEqual(await hitTexts('logement'), ['logement', 'logement']);
    assert.deepEqual(await hitTexts('logement', { stem: true }), ['logement', 'logements', 'logement']);
    assert.deepEqual(await hitTexts('shelters', { stem: true }), ['Shelter', 'shelter', 'Shelters']);
  });

  test('limit and offset page through the hits; scope filters documents', async () => {
    const page = await keywordsInContext(p, 'fear', { limit: 2, offset: 1 });
    // Hits 2 and 3 of five: "And fear?" (line 3 starts at 147) and "Fear, yes." (line 4 at 170).
    assert.deepEqual(page.hits.map((h) => [h.start, h.hit]), [[164, 'fear'], [182, 'Fear']]);
    assert.equal(page.more, true);
    assert.equal((await keywordsInContext(p, 'fear', { limit: 2, offset: 3 })).more, false);
    assert.deepEqual(await hitTexts('montreal', { siteId: fx.toronto.id }), []);
    assert.deepEqual(await hitTexts('montreal', { attribute: { name: 'type', value: 'REFUGE' } }), ['Montréal', 'Montreal']);
    await assert.rejects(keywordsInContext(p, ' "" * '), /has no words/);
  });
});

describe('auto-coding', () => {
  const fresh = async () => {
    const store = await openStore(join(dir, `t${++n}.db`));
    return { store, ...(await build(store)) };
  };
  const target = (fx: Awaited<ReturnType<typeof build>>, code = fx.fear) => ({ codeId: code.id, coderId: fx.amira.id });

  test('hits widened to sentences: hits in one sentence make one coding; a second run changes nothing', async () => {
    const { store, ...fx } = await fresh();
    try {
      const first = await autocodeSearch(fx.p, 'fear', target(fx), { widen: 'sentence' });
      assert.deepEqual(first, { documents: 1, hits: 5, ranges: 4, created: 4, existing: 0, skipped: 0 });
      const coded = (await fx.p.listCodings({ codeId: fx.fear.id })).map((c) => c.quote.exact).sort();
      assert.deepEqual(coded, ['And fear?', 'Deportation fear is real, fear of deportation.', 'Fear, yes.', 'The fear of deportation keeps them silent.']);
      const again = await autocodeSearch(fx.p, 'fear', target(fx), { widen: 'sentence' });
      assert.deepEqual(again, { documents: 1, hits: 5, ranges: 4, created: 0, existing: 4, skipped: 0 });
      // Widened to turns: three turns, one of which ("And fear?") is the sentence already coded.
      const turns = await autocodeSearch(fx.p, 'fear', target(fx), { widen: 'turn' });
      assert.deepEqual(turns, { documents: 1, hits: 5, ranges: 3, created: 2, existing: 1, skipped: 0 });
      assert.equal((await fx.p.listCodings({ codeId: fx.fear.id })).length, 6);
    } finally {
      await store.close();
    }
  });

  test('exact hits, paragraphs, and hits outside any turn', async () => {
    const { store, ...fx } = await fresh();
    try {
      const hits = await autocodeSearch(fx.p, '"fear of deportation"', target(fx));
      assert.deepEqual(hits, { documents: 1, hits: 2, ranges: 2, created: 2, existing: 0, skipped: 0 });
      assert.deepEqual((await fx.p.listCodings()).map((c) => [c.start, c.end]).sort(), [[219, 238], [93, 112]].sort());
      const paragraphs = await autocodeSearch(fx.p, 'logement', target(fx), { widen: 'paragraph', stem: true });
      assert.deepEqual(paragraphs, { documents: 1, hits: 3, ranges: 2, created: 2, existing: 0, skipped: 0 });
      const label = await autocodeSearch(fx.p, 'interviewer', target(fx), { widen: 'turn' });
      assert.deepEqual(label, { documents: 0, hits: 2, ranges: 0, created: 0, existing: 0, skipped: 2 }, 'a label is not in a turn’s words');
      await assert.rejects(autocodeSearch(fx.p, 'fear', { codeId: 'nope', coderId: fx.amira.id }), /no code/);
      assert.equal((await fx.p.listCodings()).length, 4, 'a refused run codes nothing');
    } finally {
      await store.close();
    }
  });

  test('by speaker: every turn of the speaker, without its label, ignoring case and accents', async () => {
    const { store, ...fx } = await fresh();
    try {
      const en = await autocodeSpeaker(fx.p, 'respondent', target(fx, fx.talk));
      assert.deepEqual(en, { documents: 1, hits: 2, ranges: 2, created: 2, existing: 0, skipped: 0 });
      const quotes = (await fx.p.listCodings({ codeId: fx.talk.id })).map((c) => c.quote.exact).sort();
      assert.deepEqual(quotes, ['Fear, yes. Deportation fear is real, fear of deportation.', '👩‍👧 The shelter is full. The fear of deportation keeps them silent. Shelters help.']);
      const fr = await autocodeSpeaker(fx.p, 'REPONDANTE', target(fx, fx.talk));
      assert.deepEqual(fr, { documents: 1, hits: 2, ranges: 2, created: 2, existing: 0, skipped: 0 });
      assert.deepEqual(await autocodeSpeaker(fx.p, 'nobody', target(fx, fx.talk)), { documents: 0, hits: 0, ranges: 0, created: 0, existing: 0, skipped: 0 });
    } finally {
      await store.close();
    }
  });
});

describe('word frequency', () => {
  let store: Store;
  let fx: Awaited<ReturnType<typeof build>>;
  before(async () => {
    store = await openStore(join(dir, `t${++n}.db`));
    fx = await build(store);
  });
  after(() => store.close());
  const terms = (r: { terms: { term: string; count: number }[] }) => r.terms.map((t) => [t.term, t.count]);

  test('words without stop words and speaker labels, most frequent first', async () => {
    const r = await wordFrequencies(fx.p, { documentIds: [fx.en.id] });
    assert.equal(r.documents, 1);
    assert.equal(r.words, 30);
    assert.deepEqual(terms(r), [
      ['fear', 5], ['deportation', 3], ['shelter', 2], ['work', 2],
      ['full', 1], ['help', 1], ['keeps', 1], ['real', 1], ['shelters', 1], ['silent', 1],
    ]);
  });

  test('without the interviewer’s turns, and grouped by stem', async () => {
    const r = await wordFrequencies(fx.p, { documentIds: [fx.en.id], excludeInterviewer: true, top: 3 });
    assert.equal(r.words, 22);
    assert.deepEqual(terms(r), [['fear', 4], ['deportation', 3], ['full', 1]]);
    const stemmed = await wordFrequencies(fx.p, { documentIds: [fx.en.id], excludeInterviewer: true, stem: true, top: 3 });
    assert.deepEqual(terms(stemmed), [['fear', 4], ['deportation', 3], ['shelter', 2]]);
  });

  test('n-grams stay within a sentence and neither start nor end with a stop word', async () => {
    const bigrams = await wordFrequencies(fx.p, { documentIds: [fx.en.id], ngram: 2 });
    assert.deepEqual(terms(bigrams), [['deportation fear', 1], ['deportation keeps', 1], ['real fear', 1], ['shelter work', 1], ['shelters help', 1]]);
    const trigrams = await wordFrequencies(fx.p, { documentIds: [fx.en.id], ngram: 3 });
    assert.deepEqual(terms(trigrams), [['fear of deportation', 2], ['fear is real', 1], ['keeps them silent', 1], ['shelter is full', 1]]);
    await assert.rejects(wordFrequencies(fx.p, { ngram: 4 }), /1 to 3 words/);
  });

  test('French: accents folded together, stems grouped, by site', async () => {
    const plain = await wordFrequencies(fx.p, { siteId: fx.montreal.id, top: 3 });
    assert.equal(plain.documents, 1);
    assert.deepEqual(terms(plain), [['logement', 2], ['montreal', 2], ['cher', 1]]);
    const stemmed = await wordFrequencies(fx.p, { siteId: fx.montreal.id, stem: true, top: 2 });
    assert.deepEqual(terms(stemmed), [['logement', 3], ['montreal', 2]]);
    const all = await wordFrequencies(fx.p, { top: 1 });
    assert.deepEqual(all.terms, [{ term: 'fear', count: 5, documents: 1 }]);
  });

  test('a word is named by the form written most often, accents and all', async () => {
    const q = await store.createProject({ title: 'Forms', languages: ['fr'] }, { system: 'test' });
    await q.addDocument({ name: 'forms', text: 'Montréal. Montreal. Montréal. Hébergement, hebergement, Hébergement, hébergement.', language: 'fr' });
    assert.deepEqual(terms(await wordFrequencies(q, { top: 2 })), [['hébergement', 4], ['montréal', 3]]);
  });
});
