import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeFormat } from '../components/format.ts';
import { defineMessages, pluralForm, translate } from './define.ts';

const messages = defineMessages({
  en: { count: '{n, plural, one {# passage} other {# passages}} in {where}' },
  fr: { count: '{n, plural, one {# extrait} other {# extraits}} dans {where}' },
});

test('English: one for 1 only; French: one for 0 and 1', () => {
  assert.deepEqual([0, 1, 2].map((n) => pluralForm('en', n)), ['other', 'one', 'other']);
  assert.deepEqual([0, 1, 2].map((n) => pluralForm('fr', n)), ['one', 'one', 'other']);
});

test('a plural placeholder takes the form of its count, formatted in the language', () => {
  const en = translate(messages, 'en');
  const fr = translate(messages, 'fr');
  assert.equal(en('count', { n: 1, where: 'Winnipeg' }), '1 passage in Winnipeg');
  assert.equal(en('count', { n: 0, where: 'Winnipeg' }), '0 passages in Winnipeg');
  assert.equal(en('count', { n: 1234, where: 'Winnipeg' }), '1,234 passages in Winnipeg');
  assert.equal(fr('count', { n: 0, where: 'Montréal' }), '0 extrait dans Montréal');
  assert.equal(fr('count', { n: 2, where: 'Montréal' }), '2 extraits dans Montréal');
  assert.equal(fr('count', { n: 1234, where: 'Montréal' }), `${makeFormat('fr').number(1234)} extraits dans Montréal`);
});
