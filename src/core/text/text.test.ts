import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quoteOf } from './quote.ts';
import { detectTurns } from './turns.ts';
import { detectLanguage } from './language.ts';
import { readFileSync } from 'node:fs';
import { sharedPath } from '../../../test/support/shared.ts';
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

const turnText = (text: string) => detectTurns(text).map((t) => [t.speaker, sliceCodePoints(text, t.start, t.end)]);

test('labelled paragraphs become speaker turns; a header belongs to none', () => {
  const text = [
    '[FICTIONAL TRANSCRIPT]',
    'Interviewer: How do you define it? 😀',
    'Respondent: Mostly as the Protocol does.\nIt continues on a new line.',
    'A paragraph without a label continues the turn.',
    'Interviewer: And then?',
    'Respondent: Fine.',
  ].join('\n\n');
  assert.deepEqual(turnText(text), [
    ['Interviewer', 'Interviewer: How do you define it? 😀'],
    ['Respondent', 'Respondent: Mostly as the Protocol does.\nIt continues on a new line.\n\nA paragraph without a label continues the turn.'],
    ['Interviewer', 'Interviewer: And then?'],
    ['Respondent', 'Respondent: Fine.'],
  ]);
});

test('French labels with a space or no-break space before the colon', () => {
  const text = 'Enquêteur : Bonjour.\nRépondante : Oui.\nEnquêteur\u00a0: Et ensuite ?\nRépondante : Non.';
  assert.deepEqual(detectTurns(text).map((t) => t.speaker), ['Enquêteur', 'Répondante', 'Enquêteur', 'Répondante']);
});

test('Q/A, SPEAKER n, dash separators and timestamps', () => {
  assert.deepEqual(detectTurns('Q: one\nA: two\nQ: three\nA: four').map((t) => t.speaker), ['Q', 'A', 'Q', 'A']);
  assert.deepEqual(detectTurns('SPEAKER 1: hi\nSPEAKER 2: hello\nSPEAKER 1: bye\nSPEAKER 2: ok').map((t) => t.speaker), ['SPEAKER 1', 'SPEAKER 2', 'SPEAKER 1', 'SPEAKER 2']);
  assert.deepEqual(detectTurns('Teacher - Sit down.\nSam - No.\nTeacher - Now.\nSam - Fine.').map((t) => t.speaker), ['Teacher', 'Sam', 'Teacher', 'Sam']);
  const timed = detectTurns('[00:00:05] Interviewer: hi\n[00:01:02.5] Respondent: hello\n[01:00:00] Interviewer: bye\n00:00:07 Respondent: ok');
  assert.deepEqual(timed.map((t) => t.startMs), [5000, 62500, 3600000, 7000]);
});

test('a label followed by a tab is a speaker even when heard once', () => {
  const text = 'Researcher 2:\tOctober 7.\n\nTeacher 4:\tTime to learn.\n\n[Student discussion]\n\nMultiple Students:\tReady.\n\nTeacher 4-\tLet us read.';
  assert.deepEqual(detectTurns(text).map((t) => t.speaker), ['Researcher 2', 'Teacher 4', 'Multiple Students', 'Teacher 4']);
  assert.equal(turnText(text)[1]![1], 'Teacher 4:\tTime to learn.\n\n[Student discussion]');
});

test('a label seen once is not a speaker; ordinary prose has no turns', () => {
  assert.deepEqual(detectTurns('Note: this is a memo.\nIt has one label only.'), []);
  assert.deepEqual(detectTurns('Plain prose. Nothing here: just text.'), []);
  const text = 'Interviewer: a\nNote: aside\nRespondent: b\nInterviewer: c\nRespondent: d';
  assert.deepEqual(turnText(text)[0], ['Interviewer', 'Interviewer: a\nNote: aside']);
});

test("QualCoder's [id1] transcript has seven turns by three speakers", () => {
  const text = readFileSync(sharedPath('fixtures', 'transcripts', 'qualcoder-examples', 'transcript.txt'), 'utf8');
  const turns = detectTurns(text);
  assert.equal(turns.length, 7);
  assert.deepEqual([...new Set(turns.map((t) => t.speaker))], ['id1', 'id2', 'id3']);
  assert.match(sliceCodePoints(text, turns[1]!.start, turns[1]!.end), /^\[id2\] I am struggling with the lecture slides/);
});

test('language is detected for English and French, and not guessed from too little', () => {
  assert.equal(detectLanguage('I think that the people who come to us do not know what their rights are, and they are afraid of the police because of what they were told.'), 'en');
  assert.equal(detectLanguage('Je pense que les femmes qui viennent chez nous ne savent pas quels sont leurs droits, et elles ont peur de la police parce que ça fait partie de ce qu’on leur a dit.'), 'fr');
  assert.equal(detectLanguage('Montréal, Toronto.'), null);
});
