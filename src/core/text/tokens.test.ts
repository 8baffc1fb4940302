import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodePointIndex } from './offsets.ts';
import { tokenize } from './tokens.ts';

const brief = (index: CodePointIndex, from?: number, to?: number) => tokenize(index, from, to).map((t) => [t.start, t.end, t.text, t.folded]);

test('words are runs of letters, digits and marks, in code points past emoji and surrogate pairs', () => {
  const index = new CodePointIndex('😀 L’hébergement à Montréal, 2024: 𝒜bc e\u0301t\u00e9!');
  assert.deepEqual(brief(index), [
    [2, 3, 'L', 'l'],
    [4, 15, 'hébergement', 'hebergement'],
    [16, 17, 'à', 'a'],
    [18, 26, 'Montréal', 'montreal'],
    [28, 32, '2024', '2024'],
    [34, 37, '𝒜bc', '𝒜bc'],
    [38, 42, 'e\u0301t\u00e9', 'ete'],
  ]);
  for (const t of tokenize(index)) assert.equal(index.slice(t.start, t.end), t.text);
});

test('a range gives the words inside it, cut at its ends, with offsets in the whole text', () => {
  const index = new CodePointIndex('😀😀 shelter work, fear');
  assert.deepEqual(brief(index, 5, 14), [
    [5, 10, 'elter', 'elter'],
    [11, 14, 'wor', 'wor'],
  ]);
  assert.deepEqual(brief(index, 3, 3), []);
});

test('a lone surrogate separates words and counts as one code point', () => {
  const index = new CodePointIndex('ab\ud800cd \udc00ef');
  assert.deepEqual(brief(index), [
    [0, 2, 'ab', 'ab'],
    [3, 5, 'cd', 'cd'],
    [7, 9, 'ef', 'ef'],
  ]);
});
