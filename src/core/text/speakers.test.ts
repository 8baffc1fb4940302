import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodePointIndex } from './offsets.ts';
import { isInterviewerLabel, turnBody } from './speakers.ts';

test('interviewer labels in English and French, numbered or named', () => {
  for (const label of ['Interviewer', 'INTERVIEWER 2', 'Interviewer (Luc)', 'Q', 'Q1', 'I', 'Int', 'INT-B', 'Enquêteur', 'Enquêtrice', 'Intervieweuse', 'Intervieweur', 'Moderator', 'Modératrice', 'Researcher 2']) {
    assert.equal(isInterviewerLabel(label), true, label);
  }
  for (const label of ['Interviewee', 'Interviewé', 'Respondent', 'Répondante', 'A', 'R', 'Participant 3', 'SPEAKER 1', 'Luc']) {
    assert.equal(isInterviewerLabel(label), false, label);
  }
  assert.equal(isInterviewerLabel('Luc', ['Luc Tremblay']), true);
  assert.equal(isInterviewerLabel('luc tremblay', ['Luc Tremblay']), true);
  assert.equal(isInterviewerLabel('Amira', ['Luc Tremblay']), false);
});

test('a turn’s body starts after its label, in code points', () => {
  const text = '👩‍👧 header\nIntervieweuse : Bonjour.\n[00:01:23] Q: Hello?\n[id1] text\nno label here';
  const index = new CodePointIndex(text);
  const turn = (speaker: string, line: string) => {
    const start = [...text.slice(0, text.indexOf(line))].length;
    return { speaker, start, end: start + [...line].length };
  };
  const body = (speaker: string, line: string) => {
    const r = turnBody(index, turn(speaker, line));
    return index.slice(r.start, r.end);
  };
  assert.deepEqual(turnBody(index, turn('Intervieweuse', 'Intervieweuse : Bonjour.')), { start: 27, end: 35 });
  assert.equal(body('Intervieweuse', 'Intervieweuse : Bonjour.'), 'Bonjour.');
  assert.equal(body('Q', '[00:01:23] Q: Hello?'), 'Hello?');
  assert.equal(body('id1', '[id1] text'), 'text');
  assert.equal(body('Someone', 'no label here'), 'no label here', 'no label found: the whole turn');
});
