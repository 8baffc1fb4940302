import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clipContext } from './kwic.ts';

test('context is cut to n code points each side, marked where cut, with line breaks flattened', () => {
  assert.deepEqual(clipContext('She said\nthe ', ' was full.', 70), { left: 'She said the ', right: ' was full.' });
  assert.deepEqual(clipContext('abcdef', 'ghijkl', 3), { left: '…def', right: 'ghi…' });
  assert.deepEqual(clipContext('😀😀😀😀', 'é😀', 2), { left: '…😀😀', right: 'é😀' });
});
