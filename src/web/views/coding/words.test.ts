import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodePointIndex } from '../../../core/text/offsets.ts';
import { inVivoName, moveByChar, moveByWord, snapToWord, trimRange } from './words.ts';

const text = 'On a 😀 une quinzaine de places, l’écoute.';
const index = new CodePointIndex(text);
const cp = (s: string) => index.toCodePoint(text.indexOf(s));

test('word moves step over emoji in code points', () => {
  assert.equal(moveByWord(index, 0, 'forward', 'fr'), 2);
  assert.equal(moveByWord(index, cp('une'), 'forward', 'fr'), cp('une') + 3);
  assert.equal(moveByWord(index, cp('une'), 'backward', 'fr'), cp('a '));
  assert.equal(moveByWord(index, index.length, 'forward'), index.length);
  assert.equal(moveByWord(index, 0, 'backward'), 0);
  assert.equal(moveByChar(index, cp('😀'), 'forward'), cp('😀') + 1);
  assert.equal(index.slice(moveByChar(index, cp(' une'), 'backward'), cp(' une')), '😀');
});

test('word moves can stop at word starts only or word ends only', () => {
  assert.equal(moveByWord(index, cp('une'), 'forward', 'fr', 'start'), cp('quinzaine'));
  assert.equal(moveByWord(index, cp('quinzaine'), 'backward', 'fr', 'end'), cp('une') + 3);
  assert.equal(moveByWord(index, cp('une') + 1, 'backward', 'fr', 'end'), cp('a ') + 1);
});

test('word moves find words beyond the segmentation window', () => {
  const long = `start${' '.repeat(2000)}end`;
  const li = new CodePointIndex(long);
  assert.equal(moveByWord(li, 5, 'forward'), long.length);
  assert.equal(moveByWord(li, long.length - 3, 'backward'), 0);
});

test('snapping moves a cut boundary to the word edge and leaves gaps alone', () => {
  assert.equal(snapToWord(index, cp('zaine'), 'start', 'fr'), cp('quinzaine'));
  assert.equal(snapToWord(index, cp('zaine'), 'end', 'fr'), cp('quinzaine') + 9);
  assert.equal(snapToWord(index, cp(' de'), 'start', 'fr'), cp(' de'));
});

test('trimRange drops surrounding whitespace', () => {
  const r = trimRange(index, cp(' une'), cp('une') + 4);
  assert.equal(index.slice(r.start, r.end), 'une');
  assert.deepEqual(trimRange(index, 4, 4), { start: 4, end: 4 });
});

test('in-vivo names: trimmed, unquoted, cut at a word under 60 characters', () => {
  assert.equal(inVivoName('  « on a peur de la police »  '), 'on a peur de la police');
  assert.equal(inVivoName('"They took\n  our passports."'), 'They took our passports');
  const long = 'elles paient un intermédiaire pour les papiers et le billet d’avion, ou bien on leur dit';
  const name = inVivoName(long);
  assert.ok([...name].length <= 60, name);
  assert.ok(name.endsWith('…'));
  assert.ok(long.startsWith(name.slice(0, -1)));
  assert.equal(inVivoName('😀'.repeat(70)).length, 59 * 2 + 1);
});
