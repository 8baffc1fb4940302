import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReportQuote } from '../../../core/findings.ts';
import type { ChosenQuote } from './api.ts';
import { moveItem, quotesByTheme, textChanges } from './draft.ts';

test('textChanges sends only what changed, recommendations trimmed and without blanks', () => {
  const base = { summary: 'S', recommendations: ['Fund shelters.'], comparison: 'C' };
  assert.deepEqual(textChanges(base, { ...base }), {});
  assert.deepEqual(textChanges(base, { ...base, summary: 'S2', recommendations: ['Fund shelters.', '  '] }), { summary: 'S2' });
  assert.deepEqual(textChanges(base, { ...base, recommendations: [' Train police. ', 'Fund shelters.'] }), { recommendations: ['Train police.', 'Fund shelters.'] });
});

test('moveItem moves one item and stays inside the list', () => {
  assert.deepEqual(moveItem(['a', 'b', 'c'], 2, -1), ['a', 'c', 'b']);
  assert.deepEqual(moveItem(['a', 'b', 'c'], 0, -1), ['a', 'b', 'c']);
  assert.deepEqual(moveItem(['a', 'b', 'c'], 0, 5), ['b', 'c', 'a']);
});

test('quotesByTheme groups quotes under their theme in order of appearance, by position within it', () => {
  const q = (segmentId: string, codeId: string, position: number): ChosenQuote => ({ quote: { segmentId, codeId, position, chosenBy: 'u' } satisfies ReportQuote, passage: null });
  const grouped = quotesByTheme([q('s1', 'housing', 2), q('s2', 'legal', 1), q('s3', 'housing', 1)]);
  assert.deepEqual(
    grouped.map((g) => [g.codeId, g.quotes.map((x) => x.quote.segmentId)]),
    [
      ['housing', ['s3', 's1']],
      ['legal', ['s2']],
    ],
  );
});
