import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold, matchesQuery } from './text.ts';

test('fold removes accents, case and ligatures', () => {
  assert.equal(fold('Métis Family Services'), 'metis family services');
  assert.equal(fold('Cœur ÉLAN'), 'coeur elan');
  assert.equal(fold('Straße'), 'strasse');
});

test('matchesQuery needs every word somewhere in the texts', () => {
  assert.ok(matchesQuery('metis', 'Métis Family Services Circle'));
  assert.ok(matchesQuery('fear deport', 'Fear of deportation'));
  assert.ok(matchesQuery('passport', 'Control', 'Passports or papers taken'));
  assert.ok(!matchesQuery('fear shelter', 'Fear of deportation'));
  assert.ok(matchesQuery('   ', 'anything'));
});
