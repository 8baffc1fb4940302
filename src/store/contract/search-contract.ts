// Candidate documents for text search (matchDocuments): both adapters must find
// the same documents for the same words, prefixes and punctuation.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seed, withStore } from './fixtures.ts';

export function searchContract(adapter: string, freshLocation: () => Promise<string>): void {
  describe(`search contract: ${adapter}`, () => {
    test('documents with every word or prefix, ignoring case and accents', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, doc } = await seed(store);
        const fr = await p.addDocument({ name: 'Second', text: 'Une maison d’hébergement à Montréal. Les logements manquent.', language: 'fr' });
        const word = (text: string) => ({ text, prefix: false });
        const prefix = (text: string) => ({ text, prefix: true });
        const both = [doc.id, fr.id].sort();
        assert.deepEqual(await p.matchDocuments([word('MONTREAL')]), both);
        assert.deepEqual(await p.matchDocuments([word('montréal'), word('shelter')]), [doc.id]);
        assert.deepEqual(await p.matchDocuments([word('hebergement')]), [fr.id]);
        assert.deepEqual(await p.matchDocuments([word('Héberg')]), [], 'a word is a whole word');
        assert.deepEqual(await p.matchDocuments([prefix('Héberg')]), [fr.id]);
        assert.deepEqual(await p.matchDocuments([prefix('mont')]), both);
        assert.deepEqual(await p.matchDocuments([prefix('lo'), word('maison')]), [fr.id]);
        assert.deepEqual(await p.matchDocuments([prefix('depor'), word('zebra')]), []);
        assert.deepEqual(await p.matchDocuments([word('d’hébergement')]), [fr.id], 'split like the index: d, hébergement');
        assert.deepEqual(await p.matchDocuments([word('"AND OR ('), prefix('*')]), [], 'query syntax is taken literally');
        assert.deepEqual(await p.matchDocuments([]), []);
        // U+0305 is a mark FTS5's Unicode 6.1 tables cut words at: still found, never an error.
        const marked = await p.addDocument({ name: 'Marked', text: 'Le mot zq\u0305qz est rare.', language: 'fr' });
        assert.equal((await p.matchDocuments([word('zq\u0305qz')])).includes(marked.id), true);
        assert.deepEqual(await p.matchDocuments([word('zq\u0305qz'), word('rare')]), [marked.id]);
        assert.deepEqual(await p.matchDocuments([word('zq\u0305qz'), word('zebra')]), []);
        const other = await seed(store, 'Other');
        assert.deepEqual(await other.p.matchDocuments([word('hebergement')]), [], 'projects are isolated');
      });
    });

    test('words joined by punctuation are separate words in both indexes', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p } = await seed(store);
        const d = await p.addDocument({
          name: 'Joined',
          text: 'Staff/volunteers answer e-mail at info@refuge.ca or www.refuge.ca; 3.5 beds, 10:30, co-op_house.',
          language: 'en',
        });
        for (const w of ['volunteers', 'staff', 'mail', 'refuge', 'info', 'ca', '5', '30', 'op', 'house']) {
          assert.deepEqual(await p.matchDocuments([{ text: w, prefix: false }]), [d.id], w);
        }
        assert.deepEqual(await p.matchDocuments([{ text: 'volunt', prefix: true }]), [d.id]);
      });
    });
  });
}
