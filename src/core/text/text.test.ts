import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quoteOf } from './quote.ts';
import { labelledTurns } from './turns.ts';
import { sliceCodePoints } from './offsets.ts';

test('a quote keeps its exact text and context in code points', () => {
  const text = '😀 before the words that matter after 😀';
  const start = [...text].indexOf('w');
  const end = start + 'words'.length;
  const q = quoteOf(text, start, end, 9);
  assert.deepEqual(q, { exact: 'words', prefix: 'fore the ', suffix: ' that mat' });
  assert.deepEqual(quoteOf(text, 0, 1, 5).prefix, '');
  assert.equal(quoteOf(text, [...text].length - 1, [...text].length).suffix, '');
});

test('labelled paragraphs become speaker turns', () => {
  const text = [
    '[FICTIONAL TRANSCRIPT]',
    'Interviewer: How do you define it? 😀',
    'Respondent: Mostly as the Protocol does.',
    'It continues here without a label.',
    'Intervieweuse : Et ensuite ?',
    'SPEAKER 2: Fine.',
  ].join('\n\n');
  const turns = labelledTurns(text);
  assert.deepEqual(turns.map((t) => t.speaker), ['Interviewer', 'Respondent', 'Intervieweuse', 'SPEAKER 2']);
  assert.equal(sliceCodePoints(text, turns[0]!.start, turns[0]!.end), 'Interviewer: How do you define it? 😀');
  assert.equal(
    sliceCodePoints(text, turns[1]!.start, turns[1]!.end),
    'Respondent: Mostly as the Protocol does.\n\nIt continues here without a label.',
  );
  assert.equal(sliceCodePoints(text, turns[3]!.start, turns[3]!.end), 'SPEAKER 2: Fine.');
});
