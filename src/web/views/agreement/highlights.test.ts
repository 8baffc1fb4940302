import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rgba } from './highlights.ts';

test('rgba turns a code colour into a translucent one; anything else is grey', () => {
  assert.equal(rgba('#1f5fbf', 0.34), 'rgba(31, 95, 191, 0.34)');
  assert.equal(rgba('#FFFFFF', 1), 'rgba(255, 255, 255, 1)');
  assert.equal(rgba('red', 0.5), 'rgba(136, 136, 136, 0.5)');
});
