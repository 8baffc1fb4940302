import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cloudOrder, cloudSizes, MAX_SIZE, MIN_SIZE, searchFor } from './words.ts';

const term = (t: string, count: number) => ({ term: t, count, documents: 1 });

test('the most frequent term is largest, the least smallest, in between by square root', () => {
  const sizes = cloudSizes([term('housing', 100), term('status', 25), term('fear', 0)]);
  assert.equal(sizes[0], MAX_SIZE);
  assert.equal(sizes[2], MIN_SIZE);
  assert.equal(sizes[1], MIN_SIZE + (MAX_SIZE - MIN_SIZE) * 0.5);
  assert.deepEqual(cloudSizes([term('a', 3), term('b', 3)]), [(MIN_SIZE + MAX_SIZE) / 2, (MIN_SIZE + MAX_SIZE) / 2]);
  assert.deepEqual(cloudSizes([]), []);
});

test('a term is searched as a phrase; the cloud is alphabetical', () => {
  assert.equal(searchFor('safe housing'), '"safe housing"');
  assert.equal(searchFor('say "no"'), '"say  no"');
  assert.deepEqual(cloudOrder([term('b', 1), term('a', 9)], (x, y) => x.localeCompare(y)).map((t) => t.term), ['a', 'b']);
});
