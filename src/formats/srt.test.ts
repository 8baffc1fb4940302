import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sliceCodePoints } from '../core/text/offsets.ts';
import { largeSrt, srtFile } from '../../test/support/timed-transcript-files.ts';
import { srtExtractor, stripSrtMarkup } from './srt.ts';
import { DEFAULT_LIMITS, type Extracted } from './types.ts';

const extract = (bytes: Uint8Array, limits = DEFAULT_LIMITS) => srtExtractor.extract(bytes, limits);
const file = (text: string) => new TextEncoder().encode(text);

const sliced = (r: Extracted) =>
  (r.turns ?? []).map((t) => ({ speaker: t.speaker, text: sliceCodePoints(r.text, t.start, t.end), startMs: t.startMs, endMs: t.endMs }));

test('the extractor declares its format', () => {
  assert.equal(srtExtractor.format, 'srt');
  assert.deepEqual(srtExtractor.extensions, ['srt']);
  assert.equal(srtExtractor.mediaType, 'application/x-subrip');
});

test('numbered cues with labels, multi-line text and basic tags; BOM and CRLF', async () => {
  const cues = [
    { startMs: 1_000, endMs: 3_500, text: 'SPEAKER 1: <i>Bienvenue</i> à tous,\nmerci d’être là 🙏' },
    { startMs: 3_600, endMs: 5_000, text: '<font color="#ffff00">on commence ?</font>' },
    { startMs: 6_000, endMs: 8_250, text: 'SPEAKER 2: {\\an8}<b>Oui</b>, <u>allons-y</u>.' },
    { startMs: 3_723_004, endMs: 3_725_000, text: 'SPEAKER 2: Une heure plus tard…' },
  ];
  const r = await extract(srtFile(cues, { bom: true, crlf: true }));
  assert.equal(r.bom, true);
  assert.equal(r.encoding, 'utf-8');
  assert.equal(
    r.text,
    'SPEAKER 1: Bienvenue à tous, merci d’être là 🙏 on commence ?\n\nSPEAKER 2: Oui, allons-y. Une heure plus tard…',
  );
  assert.deepEqual(sliced(r), [
    { speaker: 'SPEAKER 1', text: 'SPEAKER 1: Bienvenue à tous, merci d’être là 🙏 on commence ?', startMs: 1_000, endMs: 5_000 },
    { speaker: 'SPEAKER 2', text: 'SPEAKER 2: Oui, allons-y. Une heure plus tard…', startMs: 6_000, endMs: 3_725_000 },
  ]);
  // Code points: the emoji counts once, so the first paragraph is 60 code points (61 UTF-16 units).
  assert.deepEqual(r.turns!.map((t) => [t.start, t.end]), [
    [0, 60],
    [62, 108],
  ]);
  assert.deepEqual(r.warnings, []);
});

test('mixed-case labels count when they recur; dialogue dashes are unknown speakers', async () => {
  const r = await extract(
    srtFile([
      { startMs: 0, endMs: 1_000, text: 'Marie: Tu viens ?' },
      { startMs: 1_000, endMs: 2_000, text: 'Paul: Non.' },
      { startMs: 2_000, endMs: 3_000, text: 'Marie: Pourquoi ?' },
      { startMs: 3_000, endMs: 4_000, text: 'Paul: Parce que.' },
      { startMs: 10_000, endMs: 12_000, text: '- Are you coming?\n- Yes.' },
      { startMs: 12_000, endMs: 13_000, text: 'Right now.' },
      { startMs: 13_000, endMs: 14_000, text: 'Note: a single label is text.' },
    ]),
  );
  assert.deepEqual(sliced(r), [
    { speaker: 'Marie', text: 'Marie: Tu viens ?', startMs: 0, endMs: 1_000 },
    { speaker: 'Paul', text: 'Paul: Non.', startMs: 1_000, endMs: 2_000 },
    { speaker: 'Marie', text: 'Marie: Pourquoi ?', startMs: 2_000, endMs: 3_000 },
    { speaker: 'Paul', text: 'Paul: Parce que.', startMs: 3_000, endMs: 4_000 },
    { speaker: '', text: 'Are you coming?', startMs: 10_000, endMs: 12_000 },
    { speaker: '', text: 'Yes. Right now. Note: a single label is text.', startMs: 10_000, endMs: 14_000 },
  ]);
});

test('missing numbers, extra blank lines, a blank line inside a cue, "." for ",", no blank line between cues', async () => {
  const r = await extract(
    file(
      '\n\n1\n00:00:01,000 --> 00:00:02,000\nANNA: First.\n\n\n\n' +
        '00:00:02.000 --> 00:00:03.000 X1:40 X2:600\nANNA: Second,\n\nafter a stray blank line.\n' +
        '3\n00:00:03,000 --> 00:00:04,000\nBEN: Third.\n' +
        '00:00:04,000-->00:00:05,000\nBEN: Fourth.',
    ),
  );
  assert.equal(r.text, 'ANNA: First. Second, after a stray blank line.\n\nBEN: Third. Fourth.');
  assert.deepEqual(r.turns!.map((t) => [t.speaker, t.startMs, t.endMs]), [
    ['ANNA', 1_000, 3_000],
    ['BEN', 3_000, 5_000],
  ]);
});

test('markup stripping keeps other angle brackets', () => {
  assert.equal(stripSrtMarkup('<I>a</I> <font face="x" color=red>b</font> {\\pos(10,20)}c <3 <Music>'), 'a b c <3 <Music>');
});

test('malformed files are refused with the line number', async () => {
  await assert.rejects(extract(file('Hello, this is not a subtitle.\n')), /line 1: expected a subtitle number or a timing such as "00:01:02,500 --> 00:01:05,000": it is not a SubRip file/);
  await assert.rejects(extract(file('1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:02,000 --> 00:00:61,000\nsecret\n')), (e: Error) => {
    assert.equal(e.message, 'line 6: the cue timing is not valid (expected "00:01:02,500 --> 00:01:05,000")');
    return true;
  });
  await assert.rejects(extract(file('1\n00:00:01 -> 00:00:02\ntext\n')), /line 1: expected a subtitle number or a timing/);
  await assert.rejects(extract(file('\n\n')), /no subtitles with text/);
  await assert.rejects(extract(file('1\n00:00:01,000 --> 00:00:02,000\n<i></i>\n')), /no subtitles with text/);
  await assert.rejects(extract(Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nd\xe9j\xe0\n', 'latin1')), /SubRip file is not valid UTF-8/);
});

test('a cue that ends before it starts is kept, with a warning', async () => {
  const r = await extract(file('1\n00:00:05,000 --> 00:00:04,000\nOops.\n'));
  assert.deepEqual(r.turns, [{ speaker: '', start: 0, end: 5, startMs: 5_000, endMs: 5_000 }]);
  assert.deepEqual(r.warnings, ['1 cue(s) end before they start; they were kept with their start time as end']);
});

test('a large file (50 000 cues) keeps every turn exact', async () => {
  const r = await extract(largeSrt(50_000));
  assert.equal(r.turns!.length, 50_000);
  const last = r.turns!.at(-1)!;
  assert.equal(last.speaker, 'SPEAKER 2');
  assert.equal(sliceCodePoints(r.text, last.start, last.end), 'SPEAKER 2: Yes & no: the café was the hub. second line');
  assert.equal(last.end, [...r.text].length);
});
