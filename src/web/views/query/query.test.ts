import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from '../../../core/analysis/query-syntax.ts';
import { buildQuery, quoteCode } from './query.ts';

test('built queries parse back to the codes and operator chosen', () => {
  assert.deepEqual(parseQuery(buildQuery('Needs/Health care', 'not', 'Obstacles', 0)), {
    op: 'not',
    left: { code: 'Needs/Health care' },
    right: { code: 'Obstacles' },
  });
  assert.deepEqual(parseQuery(buildQuery('A', 'near', 'B', 80.4)), { op: 'near', near: { within: 80 }, left: { code: 'A' }, right: { code: 'B' } });
  assert.deepEqual(parseQuery(buildQuery('A', 'turn', 'B', 0)), { op: 'near', near: { unit: 'turn' }, left: { code: 'A' }, right: { code: 'B' } });
  assert.deepEqual(parseQuery(buildQuery('A', 'inside', 'B', 0)), { op: 'inside', left: { code: 'A' }, right: { code: 'B' } });
});

test('quotes and backslashes in code names survive quoting', () => {
  assert.deepEqual(parseQuery(quoteCode('The "so-called" \\ help')), { code: 'The "so-called" \\ help' });
});
