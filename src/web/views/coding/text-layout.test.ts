import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodePointIndex } from '../../../core/text/offsets.ts';
import { detectTurns } from '../../../core/text/turns.ts';
import { blockAtOrAfter, formatTime, labelLength, layoutDocument, piecesOf, skipLead, type TextLayout } from './text-layout.ts';

/** What the DOM renders: each block's hidden lead and visible text, then the tail. */
const rendered = (text: string, layout: TextLayout) =>
  layout.blocks.map((b) => text.slice(b.u16Lead, b.u16Start) + text.slice(b.u16Start, b.u16End)).join('') + text.slice(layout.u16Tail);
const visible = (text: string, layout: TextLayout) => layout.blocks.map((b) => text.slice(b.u16Start, b.u16End));

const FR = `[TRANSCRIPTION FICTIVE]

Intervieweuse : Bonjour, et merci.

Répondante : Oui 😀 bien sûr.
Deuxième ligne du même tour.

Intervieweuse : Justement…

Répondante : D'accord.
`;

test('turns become blocks with the label hidden, the header a paragraph, and the blocks cover the whole text', () => {
  const layout = layoutDocument(FR, detectTurns(FR));
  assert.equal(rendered(FR, layout), FR);
  assert.deepEqual(visible(FR, layout), [
    '[TRANSCRIPTION FICTIVE]',
    'Bonjour, et merci.',
    'Oui 😀 bien sûr.\nDeuxième ligne du même tour.',
    'Justement…',
    "D'accord.",
  ]);
  assert.deepEqual(layout.blocks.map((b) => b.speaker), [null, 'Intervieweuse', 'Répondante', 'Intervieweuse', 'Répondante']);
});

test('block offsets are code points: a block after an emoji is one less than its UTF-16 index', () => {
  const layout = layoutDocument(FR, detectTurns(FR));
  const index = new CodePointIndex(FR);
  const last = layout.blocks[3]!;
  assert.equal(last.u16Start, FR.indexOf('Justement'));
  assert.equal(last.start, last.u16Start - 1);
  assert.equal(index.slice(last.start, last.end), 'Justement…');
  assert.equal(layout.length, index.length);
});

test('without turns every non-blank line is a block', () => {
  const text = '  First paragraph.\n\n\nSecond 🎉 one.  \nThird.';
  const layout = layoutDocument(text, []);
  assert.equal(rendered(text, layout), text);
  assert.deepEqual(visible(text, layout), ['First paragraph.', 'Second 🎉 one.', 'Third.']);
  assert.equal(layout.blocks[0]!.lead, 0);
  assert.equal(layout.blocks[0]!.start, 2);
});

test('an empty or blank document has no blocks and its text is the tail', () => {
  assert.deepEqual(layoutDocument('', []).blocks, []);
  const blank = layoutDocument('\n  \n', []);
  assert.equal(blank.blocks.length, 0);
  assert.equal(blank.tail, 0);
});

test('timestamps, bracket labels and labels without a separator', () => {
  assert.equal(labelLength('[00:01:23] Interviewer: Hello', 'Interviewer'), '[00:01:23] Interviewer: '.length);
  assert.equal(labelLength('[id1] Yes', 'id1'), '[id1] '.length);
  assert.equal(labelLength('Enquêteur\u00a0: Oui', 'Enquêteur'), 'Enquêteur\u00a0: '.length);
  assert.equal(labelLength('Something else', 'Interviewer'), 0);
  const timed = layoutDocument('A: x\nB: y', [{ speaker: 'A', start: 0, end: 4, startMs: 83_000 }, { speaker: 'B', start: 5, end: 9 }]);
  assert.deepEqual(timed.blocks.map((b) => b.startMs), [83_000, null]);
  assert.equal(formatTime(83_000), '1:23');
  assert.equal(formatTime(3_723_000), '1:02:03');
});

test('overlapping or out-of-range turns never make blocks overlap', () => {
  const text = 'A: one\nB: two\nA: three';
  const layout = layoutDocument(text, [
    { speaker: 'B', start: 7, end: 14 },
    { speaker: 'A', start: 0, end: 9 },
    { speaker: 'A', start: 14, end: 999 },
  ]);
  assert.equal(rendered(text, layout), text);
  for (let i = 1; i < layout.blocks.length; i++) assert.ok(layout.blocks[i]!.lead >= layout.blocks[i - 1]!.end);
});

test('pieces of a range skip hidden leads; blockAtOrAfter finds blocks by code point', () => {
  const layout = layoutDocument(FR, detectTurns(FR));
  const [, b1, b2] = layout.blocks;
  const pieces = piecesOf(layout, b1!.start + 3, b2!.start + 5);
  assert.deepEqual(pieces, [
    { block: 1, start: b1!.start + 3, end: b1!.end },
    { block: 2, start: b2!.start, end: b2!.start + 5 },
  ]);
  assert.equal(blockAtOrAfter(layout, b1!.end), 2, 'a lead position belongs to the next block');
  assert.equal(blockAtOrAfter(layout, layout.length), layout.blocks.length);
  assert.deepEqual(piecesOf(layout, b1!.end, b2!.start), [], 'a range inside a lead has no visible piece');
});

test('a caret skips hidden leads: forward to the next block, backward to the previous end', () => {
  const layout = layoutDocument(FR, detectTurns(FR));
  const [, b1, b2] = layout.blocks;
  assert.equal(skipLead(layout, b1!.end, 'forward'), b1!.end, 'the end of a block is a caret position');
  assert.equal(skipLead(layout, b1!.end + 1, 'forward'), b2!.start);
  assert.equal(skipLead(layout, b2!.start - 1, 'backward'), b1!.end);
  assert.equal(skipLead(layout, 0, 'backward'), layout.blocks[0]!.start);
  assert.equal(skipLead(layout, layout.length, 'forward'), layout.blocks.at(-1)!.end);
});
