import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sliceCodePoints } from '../core/text/offsets.ts';
import { csvFile, largeCsv } from '../../test/support/timed-transcript-files.ts';
import { sharedPath } from '../../test/support/shared.ts';
import { csvTranscriptExtractor, parseTimeCell } from './csv-transcript.ts';
import { DEFAULT_LIMITS, type Extracted } from './types.ts';

const extract = (bytes: Uint8Array, limits = DEFAULT_LIMITS) => csvTranscriptExtractor.extract(bytes, limits);
const qdap = (name: string) => readFileSync(sharedPath('fixtures', 'transcripts', 'qdap', name));
const qualcoder = (name: string) => readFileSync(sharedPath('fixtures', 'transcripts', 'qualcoder-examples', name));

const sliced = (r: Extracted) =>
  (r.turns ?? []).map((t) => ({ speaker: t.speaker, text: sliceCodePoints(r.text, t.start, t.end), startMs: t.startMs, endMs: t.endMs }));

const countBy = (values: readonly string[]) => Object.fromEntries([...new Set(values)].map((v) => [v, values.filter((x) => x === v).length]));

test('the extractor declares its format', () => {
  assert.equal(csvTranscriptExtractor.format, 'csv');
  assert.deepEqual(csvTranscriptExtractor.extensions, ['csv', 'tsv']);
  assert.equal(csvTranscriptExtractor.mediaType, 'text/csv');
});

test('time cells: clock times, seconds, or nothing', () => {
  assert.equal(parseTimeCell('01:02:03.5'), 3_723_500);
  assert.equal(parseTimeCell('02:03'), 123_000);
  assert.equal(parseTimeCell(' [00:00:07] '), 7_000);
  assert.equal(parseTimeCell('83.5'), 83_500);
  assert.equal(parseTimeCell('12,25'), 12_250);
  assert.equal(parseTimeCell('time 1'), undefined);
  assert.equal(parseTimeCell('1.2.3'), undefined);
});

test('one row per turn, "Speaker: text" paragraphs, times in ms; no merging of same-speaker rows', async () => {
  const bytes = csvFile(
    [
      ['Speaker', 'Start', 'End', 'Text'],
      ['Interviewer', '00:00:01.250', '00:00:04', 'Bonjour, vous êtes « prête » ?'],
      ['Amélie Durand', '00:04', '12.5', 'Oui 😀, allons-y.\nDeuxième ligne, "citée".\n\n\nAprès des lignes vides.'],
      ['Amélie Durand', '', '', 'Encore moi.'],
      ['', '13', '14', 'Sans locuteur.'],
    ],
    { bom: true, crlf: true },
  );
  const r = await extract(bytes);
  assert.equal(r.bom, true);
  assert.equal(r.encoding, 'utf-8');
  assert.equal(
    r.text,
    'Interviewer: Bonjour, vous êtes « prête » ?\n\n' +
      'Amélie Durand: Oui 😀, allons-y.\nDeuxième ligne, "citée".\nAprès des lignes vides.\n\n' +
      'Amélie Durand: Encore moi.\n\n' +
      'Sans locuteur.',
  );
  assert.deepEqual(sliced(r), [
    { speaker: 'Interviewer', text: 'Interviewer: Bonjour, vous êtes « prête » ?', startMs: 1_250, endMs: 4_000 },
    { speaker: 'Amélie Durand', text: 'Amélie Durand: Oui 😀, allons-y.\nDeuxième ligne, "citée".\nAprès des lignes vides.', startMs: 4_000, endMs: 12_500 },
    { speaker: 'Amélie Durand', text: 'Amélie Durand: Encore moi.', startMs: undefined, endMs: undefined },
    { speaker: '', text: 'Sans locuteur.', startMs: 13_000, endMs: 14_000 },
  ]);
  assert.equal(r.turns!.at(-1)!.end, [...r.text].length);
  assert.deepEqual(r.warnings, []);
});

test('French headers with a semicolon delimiter; tab-separated files', async () => {
  const fr = await extract(csvFile([['Intervenant', 'Début', 'Fin', 'Texte'], ['Enquêtrice', '0:00:05', '0:00:09', 'Première question ; merci.'], ['Élodie', '0:00:09', '0:00:15', 'Réponse, avec virgule.']], { delimiter: ';' }));
  assert.deepEqual(sliced(fr), [
    { speaker: 'Enquêtrice', text: 'Enquêtrice: Première question ; merci.', startMs: 5_000, endMs: 9_000 },
    { speaker: 'Élodie', text: 'Élodie: Réponse, avec virgule.', startMs: 9_000, endMs: 15_000 },
  ]);
  const tsv = await extract(csvFile([['participant', 'timestamp', 'utterance'], ['P1', '[00:01:00]', 'a, b; c']], { delimiter: '\t' }));
  assert.deepEqual(sliced(tsv), [{ speaker: 'P1', text: 'P1: a, b; c', startMs: 60_000, endMs: undefined }]);
});

test('a time column whose values are not times is ignored with a warning; empty-text rows are skipped', async () => {
  const r = await extract(csvFile([['name', 'time', 'content'], ['A', 'morning', 'one'], ['B', '', '  '], ['B', '00:10', 'two']]));
  assert.deepEqual(sliced(r), [
    { speaker: 'A', text: 'A: one', startMs: undefined, endMs: undefined },
    { speaker: 'B', text: 'B: two', startMs: undefined, endMs: undefined },
  ]);
  assert.deepEqual(r.warnings, [
    'the "time" column was not used for times: line 2 holds a value that is not a time (expected hh:mm:ss, mm:ss or seconds)',
    '1 row(s) with an empty text cell were skipped',
  ]);
});

test('qdap DATA.csv: 11 turns of the classroom dialogue', async () => {
  const r = await extract(qdap('DATA.csv'));
  assert.equal(r.turns!.length, 11);
  assert.deepEqual(r.turns!.map((t) => t.speaker), ['sam', 'greg', 'teacher', 'sam', 'greg', 'sally', 'greg', 'sam', 'sally', 'researcher', 'greg']);
  assert.ok(r.text.startsWith("sam: Computer is fun. Not too fun.\n\ngreg: No it's not, it's dumb.\n\nteacher: What should we do?"));
  assert.deepEqual(sliced(r)[9], { speaker: 'researcher', text: 'researcher: Shall we move on?  Good then.', startMs: undefined, endMs: undefined });
  assert.equal(sliceCodePoints(r.text, r.turns![10]!.start, r.turns![10]!.end), "greg: I'm hungry.  Let's eat.  You already?");
  assert.deepEqual(r.warnings, []);
});

test('qdap DATA2.csv: 74 turns, grouping columns ignored', async () => {
  const r = await extract(qdap('DATA2.csv'));
  assert.equal(r.turns!.length, 74);
  assert.deepEqual(countBy(r.turns!.map((t) => t.speaker)), { sam: 21, greg: 28, teacher: 7, sally: 11, researcher: 7 });
  assert.equal(sliceCodePoints(r.text, r.turns![1]!.start, r.turns![1]!.end), 'greg: No its not, its dumb.');
  assert.ok(!r.text.includes('day 1') && !r.text.includes('ELA'));
});

test('qdap pres_debates2012.csv: 2912 turns, fast, and "time 1" is not taken for a timestamp', async () => {
  const bytes = qdap('pres_debates2012.csv');
  const r = await extract(bytes);
  assert.equal(r.turns!.length, 2912);
  assert.deepEqual(countBy(r.turns!.map((t) => t.speaker)), { LEHRER: 88, ROMNEY: 1408, OBAMA: 1078, CROWLEY: 165, QUESTION: 40, SCHIEFFER: 133 });
  assert.equal(
    sliceCodePoints(r.text, r.turns![0]!.start, r.turns![0]!.end),
    "LEHRER: We'll talk about specifically about health care in a moment.",
  );
  assert.equal(
    sliceCodePoints(r.text, r.turns![2]!.start, r.turns![2]!.end),
    'ROMNEY: What I support is no change for current retirees and near retirees to Medicare.',
  );
  assert.ok(r.turns!.every((t) => t.startMs === undefined));
  assert.equal(r.turns!.at(-1)!.end, [...r.text].length);
  assert.deepEqual(r.warnings, ['the "time" column was not used for times: line 2 holds a value that is not a time (expected hh:mm:ss, mm:ss or seconds)']);
});

test('tables that are not transcripts are refused, listing the columns found and the names expected', async () => {
  await assert.rejects(extract(qualcoder('cases123.csv')), (e: Error) => {
    assert.equal(
      e.message,
      'the table has no speaker column (speaker, locuteur, intervenant, participant, person, name) and no text column ' +
        '(text, texte, dialogue, utterance, transcript, transcription, content, statement, state); columns found: "case", "Age", "gender", "interest"',
    );
    return true;
  });
  await assert.rejects(extract(csvFile([['Speaker', 'Notes'], ['A', 'b']])), /^.*the table has no text column \(text, .*\); columns found: "Speaker", "Notes"$/);
  await assert.rejects(extract(new Uint8Array()), /no speaker column .*columns found: none/);
});

test('a file without a header row is refused without echoing its text', async () => {
  const secret = 'I never told anyone about what happened at the plant that winter';
  await assert.rejects(extract(csvFile([['Anna', secret], ['Ben', 'ok']])), (e: Error) => {
    assert.match(e.message, /^the first row is not a header \(its cells are long texts\): add a header row naming the speaker column/);
    assert.ok(!e.message.includes('plant'));
    return true;
  });
});

test('other malformed input: header only, unclosed quote, not UTF-8, limits', async () => {
  await assert.rejects(extract(csvFile([['speaker', 'text']])), /a header but no rows/);
  await assert.rejects(extract(csvFile([['speaker', 'text'], ['A', '']])), /every row has an empty text cell/);
  await assert.rejects(extract(new TextEncoder().encode('speaker,text\nA,ok\nB,"oops\n')), /line 3: a quoted field is never closed/);
  await assert.rejects(extract(Buffer.from('speaker,text\nA,caf\xe9\n', 'latin1')), /the CSV file is not valid UTF-8.*save it as UTF-8/);
  await assert.rejects(extract(largeCsv(1000), { ...DEFAULT_LIMITS, maxTextLength: 1000 }), /longer than the 1000 characters allowed/);
  await assert.rejects(extract(largeCsv(1000), { ...DEFAULT_LIMITS, maxFileBytes: 100 }), /more than the 0\.0 MB allowed/);
});

test('a large generated table (100 000 rows) keeps every turn exact', async () => {
  const r = await extract(largeCsv(100_000));
  assert.equal(r.turns!.length, 100_000);
  const last = r.turns!.at(-1)!;
  assert.equal(last.startMs, 99_999 * 2500);
  assert.equal(sliceCodePoints(r.text, last.start, last.end), 'Interviewer: Yes & no: the café was the hub.');
});
