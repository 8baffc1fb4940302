import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sliceCodePoints } from '../core/text/offsets.ts';
import { largeVtt, vttFile } from '../../test/support/timed-transcript-files.ts';
import { parseClock } from './timed.ts';
import { DEFAULT_LIMITS, type Extracted } from './types.ts';
import { parseCueText, vttExtractor } from './vtt.ts';

const extract = (bytes: Uint8Array, limits = DEFAULT_LIMITS) => vttExtractor.extract(bytes, limits);
const file = (text: string) => new TextEncoder().encode(text);

/** Every turn's slice of the text, with its speaker and times. */
const sliced = (r: Extracted) =>
  (r.turns ?? []).map((t) => ({ speaker: t.speaker, text: sliceCodePoints(r.text, t.start, t.end), startMs: t.startMs, endMs: t.endMs }));

test('the extractor declares its format', () => {
  assert.equal(vttExtractor.format, 'vtt');
  assert.deepEqual(vttExtractor.extensions, ['vtt']);
  assert.equal(vttExtractor.mediaType, 'text/vtt');
});

test('clock times: hh:mm:ss.ttt and mm:ss.ttt to milliseconds', () => {
  assert.equal(parseClock('01:02:03.004'), 3_723_004);
  assert.equal(parseClock('02:03.450'), 123_450);
  assert.equal(parseClock('123:00:00.000'), 442_800_000);
  assert.equal(parseClock('00:00:01,5'), 1500);
  assert.equal(parseClock('00:61:00.000'), undefined);
  assert.equal(parseClock('00:00:60.000'), undefined);
  assert.equal(parseClock('1.5'), undefined);
  assert.equal(parseClock('time 1'), undefined);
});

test('voice spans give speakers; tags are stripped and entities decoded; same-speaker cues merge', async () => {
  const bytes = vttFile(
    [
      { startMs: 1000, endMs: 4500, text: '<v Interviewer>Bonjour Amélie, ça va ?</v>' },
      { startMs: 5000, endMs: 7000, text: '<v.loud Amélie Durand>Très bien 😀 &amp; vous ?\n<i>Merci</i> <c.yellow>beaucoup</c>&nbsp;!</v>' },
      { startMs: 7200, endMs: 9000, text: '<v Amélie Durand>Je <b>continue</b> <00:00:07.500><u>ici</u> &lt;3 &gt; &lrm;x&rlm;' },
    ],
    { blocks: ['NOTE a comment\nover two lines', 'STYLE\n::cue { color: red }', 'REGION\nid:fred\nwidth:40%'] },
  );
  const r = await extract(bytes);
  assert.equal(
    r.text,
    'Interviewer: Bonjour Amélie, ça va ?\n\nAmélie Durand: Très bien 😀 & vous ? Merci beaucoup\u00a0! Je continue ici <3 > \u200ex\u200f',
  );
  assert.deepEqual(sliced(r), [
    { speaker: 'Interviewer', text: 'Interviewer: Bonjour Amélie, ça va ?', startMs: 1000, endMs: 4500 },
    { speaker: 'Amélie Durand', text: 'Amélie Durand: Très bien 😀 & vous ? Merci beaucoup\u00a0! Je continue ici <3 > \u200ex\u200f', startMs: 5000, endMs: 9000 },
  ]);
  // Code points, not UTF-16: the emoji before the end counts once.
  assert.equal(r.turns![1]!.end, [...r.text].length);
  assert.deepEqual(r.warnings, []);
  assert.equal(r.encoding, 'utf-8');
  assert.equal(r.bom, false);
});

test('BOM and CRLF are tolerated; offsets stay exact', async () => {
  const cues = [
    { startMs: 0, endMs: 2000, text: '<v Zoé>Première ligne\nseconde ligne 🎉</v>' },
    { startMs: 2000, endMs: 3000, text: '<v Noël>Oui.</v>' },
  ];
  const r = await extract(vttFile(cues, { bom: true, crlf: true }));
  assert.equal(r.bom, true);
  assert.equal(r.text, 'Zoé: Première ligne seconde ligne 🎉\n\nNoël: Oui.');
  assert.deepEqual(r.turns, [
    { speaker: 'Zoé', start: 0, end: 35, startMs: 0, endMs: 2000 },
    { speaker: 'Noël', start: 37, end: 47, startMs: 2000, endMs: 3000 },
  ]);
  assert.equal(sliceCodePoints(r.text, 37, 47), 'Noël: Oui.');
});

test('several voices in one cue, a voice without </v>, and text before a voice', () => {
  assert.deepEqual(parseCueText('<v Anna>Hi!</v> <v Ben>Hello.</v>'), [
    { voice: 'Anna', text: 'Hi!' },
    { text: ' ' },
    { voice: 'Ben', text: 'Hello.' },
  ]);
  assert.deepEqual(parseCueText('intro <v.a.b  Dr  Smith >no end tag'), [{ text: 'intro ' }, { voice: 'Dr Smith', text: 'no end tag' }]);
  assert.deepEqual(parseCueText('<ruby>漢<rt>かん</rt>字<rt>じ</rt></ruby> &#233;&#x1F600; &bogus;'), [{ text: '漢字 é😀 &bogus;' }]);
  assert.deepEqual(parseCueText('<lang fr>oui</lang> <v>anonymous voice'), [{ text: 'oui ' }, { text: 'anonymous voice' }]);
});

test('two speakers inside one cue become two turns', async () => {
  const r = await extract(vttFile([{ startMs: 0, endMs: 3000, text: '<v Anna>Ready?</v>\n<v Ben>Yes.</v>' }]));
  assert.deepEqual(sliced(r), [
    { speaker: 'Anna', text: 'Anna: Ready?', startMs: 0, endMs: 3000 },
    { speaker: 'Ben', text: 'Ben: Yes.', startMs: 0, endMs: 3000 },
  ]);
});

test('"Speaker: text" labels without <v>; unlabelled cues continue the previous turn only when contiguous', async () => {
  const r = await extract(
    vttFile([
      { startMs: 0, endMs: 2000, text: 'Anna: Hello there.' },
      { startMs: 2500, endMs: 4000, text: 'how are you?' }, // 500 ms later: still Anna
      { startMs: 10_000, endMs: 12_000, text: '[music]' }, // after a pause: nobody known
      { startMs: 12_000, endMs: 13_000, text: 'Ben: Fine.' },
      { startMs: 13_000, endMs: 14_000, text: 'NARRATOR: Later.' }, // capitals: a speaker even once
      { startMs: 14_000, endMs: 15_000, text: 'Anna: Good.' },
      { startMs: 15_000, endMs: 16_000, text: 'Remember: one "Word:" is not a speaker.' },
      { startMs: 16_000, endMs: 17_000, text: 'Ben: Bye.\n- Bye!' }, // a dash: someone else
    ]),
  );
  assert.deepEqual(sliced(r), [
    { speaker: 'Anna', text: 'Anna: Hello there. how are you?', startMs: 0, endMs: 4000 },
    { speaker: '', text: '[music]', startMs: 10_000, endMs: 12_000 },
    { speaker: 'Ben', text: 'Ben: Fine.', startMs: 12_000, endMs: 13_000 },
    { speaker: 'NARRATOR', text: 'NARRATOR: Later.', startMs: 13_000, endMs: 14_000 },
    { speaker: 'Anna', text: 'Anna: Good. Remember: one "Word:" is not a speaker.', startMs: 14_000, endMs: 16_000 },
    { speaker: 'Ben', text: 'Ben: Bye.', startMs: 16_000, endMs: 17_000 },
    { speaker: '', text: 'Bye!', startMs: 16_000, endMs: 17_000 },
  ]);
  assert.equal(r.text.split('\n\n').length, 7);
});

test('identifiers are optional, settings ignored, a missing blank line between cues tolerated, header metadata read', async () => {
  const r = await extract(
    file(
      'WEBVTT\nKind: captions\nLanguage: fr-FR\n\n' +
        '00:01.000 --> 00:02.000 align:start\n<v Léa>Un.\n' +
        '00:02.000 --> 00:03.000\n<v Léa>Deux.\n\n\n\n' +
        'a cue with an identifier\n00:03.000 --> 00:04.000\n<v Marc>Trois.\n\n' +
        'stray words with no timing\n\n' +
        '00:05.000 --> 00:04.000\n<v Marc>Backwards.\n',
    ),
  );
  assert.equal(r.text, 'Léa: Un. Deux.\n\nMarc: Trois. Backwards.');
  assert.equal(r.language, 'fr');
  assert.deepEqual(r.turns?.map((t) => [t.startMs, t.endMs]), [
    [1000, 3000],
    [3000, 5000],
  ]);
  assert.deepEqual(r.warnings, [
    '1 cue(s) end before they start; they were kept with their start time as end',
    '1 block(s) without a cue timing were skipped',
  ]);
});

test('a file without the WEBVTT header is refused, with advice when it is SubRip', async () => {
  await assert.rejects(extract(file('00:01.000 --> 00:02.000\nHello\n')), /does not start with "WEBVTT": it is not a WebVTT caption file/);
  await assert.rejects(extract(file('WEBVTTX\n\n00:01.000 --> 00:02.000\nHello\n')), /does not start with "WEBVTT"/);
  await assert.rejects(extract(file('1\n00:00:01,000 --> 00:00:02,000\nHello\n')), /looks like a SubRip subtitle file: rename it to \.srt/);
  await assert.rejects(extract(file('')), /does not start with "WEBVTT"/);
});

test('a bad timestamp is reported with its line number, without echoing the line', async () => {
  const bad = file('WEBVTT\n\n00:01.000 --> 00:02.000\nfine\n\n00:02.000 --> 00:0x.000\nsecret words\n');
  await assert.rejects(extract(bad), (e: Error) => {
    assert.match(e.message, /^line 6: the cue timing is not valid \(expected "00:01:02\.500 --> 00:01:05\.000"\)$/);
    return true;
  });
  await assert.rejects(extract(file('WEBVTT\n\nid\n00:00:01.000 --> 00:75:00.000\nx\n')), /line 4: the cue timing is not valid/);
  await assert.rejects(extract(file('WEBVTT\n\n00:00:01.000 -->\nx\n')), /line 3: the cue timing is not valid/);
});

test('encodings other than UTF-8 are refused clearly', async () => {
  await assert.rejects(extract(Buffer.from('WEBVTT\n\n00:01.000 --> 00:02.000\ncaf\xe9\n', 'latin1')), /the WebVTT file is not valid UTF-8.*save it as UTF-8/);
  await assert.rejects(extract(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('WEBVTT', 'utf16le')])), /UTF-16 encoded: save it as UTF-8/);
});

test('a file with no cue text is refused; limits are respected', async () => {
  await assert.rejects(extract(file('WEBVTT\n\nNOTE only a note\n')), /no cues with text/);
  await assert.rejects(extract(file('WEBVTT\n\n00:01.000 --> 00:02.000\n<c></c>\n')), /no cues with text/);
  const bytes = largeVtt(100);
  await assert.rejects(extract(bytes, { ...DEFAULT_LIMITS, maxFileBytes: 1000 }), /MB, more than the 0\.0 MB allowed/);
  await assert.rejects(extract(bytes, { ...DEFAULT_LIMITS, maxTextLength: 500 }), /longer than the 500 characters allowed/);
});

test('a large file (10 000 cues) keeps every turn exact', async () => {
  const r = await extract(largeVtt(10_000));
  assert.equal(r.turns!.length, 10_000);
  const last = r.turns!.at(-1)!;
  assert.equal(last.speaker, 'Interviewer');
  assert.equal(last.end, [...r.text].length);
  assert.equal(sliceCodePoints(r.text, last.start, last.end), 'Interviewer: Yes & no: the café was the hub. On a commencé à la coopérative en 2019, déjà 😀');
  assert.deepEqual([last.startMs, last.endMs], [39_996_000, 39_999_900]);
});
