import { test } from 'node:test';
import assert from 'node:assert/strict';
import { percentText } from './percent.ts';

test('shares read as whole percents in the interface language; nothing to divide by is a dash', () => {
  assert.equal(percentText(0.375, 'en-CA'), '38%');
  assert.equal(percentText(1, 'en-CA'), '100%');
  assert.match(percentText(0.5, 'fr-CA'), /^50\s%$/);
  assert.equal(percentText(null, 'en-CA'), '–');
});
