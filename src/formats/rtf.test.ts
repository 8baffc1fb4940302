import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CodePointIndex } from '../core/text/offsets.ts';
import { sharedPath } from '../../test/support/shared.ts';
import { largeRtf, rtfBytes, rtfDocument, rtfText } from '../../test/support/rtf-files.ts';
import { rtfExtractor, rtfToText } from './rtf.ts';
import { DEFAULT_LIMITS } from './types.ts';

const extract = (bytes: Uint8Array, limits = DEFAULT_LIMITS) => rtfExtractor.extract(bytes, limits);
/** The text of a minimal document around an RTF body. */
const text = (body: string, header = '{\\rtf1\\ansi\\deff0 ') => rtfToText(rtfBytes(`${header}${body}}`)).text;

const rejects = async (source: string | Uint8Array, pattern: RegExp) =>
  assert.rejects(extract(typeof source === 'string' ? rtfBytes(source) : source), (e: Error) => {
    assert.match(e.message, pattern);
    return true;
  });

test('the extractor declares its format', () => {
  assert.equal(rtfExtractor.format, 'rtf');
  assert.deepEqual(rtfExtractor.extensions, ['rtf']);
  assert.equal(rtfExtractor.mediaType, 'application/rtf');
});

test('a Word-style document: only the body reaches the text', async () => {
  const body = `${rtfText('Interviewer: Bonjour Amélie, ça va ?\n\nAmélie: Très bien 😀, merci.\nDeuxième ligne.')}\\par`;
  const r = await extract(rtfDocument(body));
  assert.equal(r.text, 'Interviewer: Bonjour Amélie, ça va ?\n\nAmélie: Très bien 😀, merci.\nDeuxième ligne.');
  assert.doesNotMatch(r.text, /SECRET|Times New Roman|Normal|Microsoft|504b03|schemas/);
  assert.equal(r.encoding, 'windows-1252');
  assert.deepEqual(r.warnings, []);
});

test('control words: the delimiting space is consumed, a second space is text, parameters are optional', () => {
  assert.equal(text('\\b Hello\\b0  world\\i1 !'), 'Hello world!');
  assert.equal(text('a\\fs24b\\fs-2 c'), 'abc');
  // A control word ends at the first non-letter; a hyphen without digits is text.
  assert.equal(text('x\\b-y'), 'x-y');
  assert.equal(text('{\\b bold}{\\i italic} plain'), 'bolditalic plain');
});

test('control symbols: escapes, non-breaking space and hyphen, optional hyphen dropped', () => {
  assert.equal(text('a\\\\b \\{c\\} d\\~e f\\_g hy\\-phen'), 'a\\b {c} d\u00a0e f\u2011g hyphen');
  // The space after a control word delimits it; a second one is text.
  assert.equal(text('\\emdash  \\endash  \\lquote x\\rquote  \\ldblquote y\\rdblquote  \\bullet '), '— – ‘x’ “y” •');
  assert.equal(text('a\\emdash b\\bullet\\tab c'), 'a—b•\tc');
});

test('paragraphs, lines and tabs: \\par gives a blank line, \\line a newline, \\tab a tab; empty paragraphs vanish', () => {
  assert.equal(text('One\\par Two\\line two b\\tab tabbed\\par\\par\\par Three\\par'), 'One\n\nTwo\ntwo b\ttabbed\n\nThree');
  // \pard only resets paragraph formatting; it does not split a paragraph.
  assert.equal(text('\\pard One {\\listtext\\pard\\plain \\bullet\\tab}item\\par\\pard Two'), 'One •\titem\n\nTwo');
  // TextEdit ends paragraphs with a backslash before the line feed.
  assert.equal(text('First\\\nSecond\\\r\nThird'), 'First\n\nSecond\n\nThird');
  // Line endings in the source are not text.
  assert.equal(text('wrapped\r\nword\nhere'), 'wrappedwordhere');
});

test('\\sect, \\page and table rows end paragraphs; cells are tab-separated', () => {
  assert.equal(text('A\\sect B\\page C'), 'A\n\nB\n\nC');
  const table = '\\trowd\\cellx2000\\cellx4000 \\pard\\intbl Speaker\\cell Text\\cell\\row \\pard\\intbl Ana\\cell Oui\\cell\\row';
  assert.equal(text(table), 'Speaker\tText\n\nAna\tOui');
  const nested = '\\pard\\intbl\\itap2 a\\nestcell b\\nestcell{\\*\\nesttableprops\\trowd\\nestrow}{\\nonesttables\\par}c\\nestcell{\\*\\nesttableprops\\nestrow}{\\nonesttables\\par}';
  assert.equal(text(nested), 'a\tb\n\nc');
});

test('\\uN: é, negative values, a surrogate pair, and the fallback character skipped', () => {
  assert.equal(text('\\u233?'), 'é');
  assert.equal(text('caf\\u233?s'), 'cafés');
  // N above 32767 is written negative: 語 is U+8A9E = 35486 = 65536 - 30050.
  assert.equal(text('\\u-30050?'), '語');
  // U+F0B7 is Word's Symbol-font bullet (written \u-3913); outside that font it would be meaningless.
  assert.equal(text('{\\f2\\u-3913?\\tab}item'), '•\titem');
  assert.equal(text('\\u-10179?\\u-8704?'), '😀');
  assert.equal(text('\\u-10179 ?\\u-8704 ? ok'), '😀 ok');
  // A lone surrogate becomes U+FFFD instead of corrupting the text.
  assert.equal(text('a\\u-10179?b'), 'a\ufffdb');
  assert.equal(text('a\\u-8704?b'), 'a\ufffdb');
});

test('\\ucN: zero, two, hex fallbacks, group scope', () => {
  assert.equal(text('\\uc0\\u233 x'), 'éx');
  assert.equal(text('\\uc2\\u8364 EUR rest'), '€R rest');
  assert.equal(text("\\uc2\\u8364\\'80\\'80 rest"), '€ rest');
  // A \'hh escape counts as one fallback character.
  assert.equal(text("caf\\u233\\'e9 "), 'café');
  assert.equal(text("{\\uc2 \\u26085\\'93\\'fa}\\u26412\\'96{}x"), '日本x');
  // The fallback ends at a group boundary or a control word.
  assert.equal(text('{\\u233}x'), 'éx');
  assert.equal(text('\\uc3\\u233\\par x'), 'é\n\nx');
  // \uc is scoped to its group: after the group the default of 1 is back.
  assert.equal(text('{\\uc0\\u233 }\\u232 xy'), 'éèy');
});

test("\\'hh bytes decode in the document code page", () => {
  assert.equal(text("caf\\'e9 \\'93quoted\\'94 \\'80"), 'café “quoted” €');
  assert.equal(text("\\'cf\\'f0\\'e8\\'e2\\'e5\\'f2, \\'ec\\'e8\\'f0", '{\\rtf1\\ansi\\ansicpg1251 '), 'Привет, мир');
  assert.equal(text("Bia\\'b3ystok \\'9cwi\\'eatokrzyskie", '{\\rtf1\\ansi\\ansicpg1250 '), 'Białystok świętokrzyskie');
  assert.equal(text("\\'82t\\'82 \\'85 \\'db \\'e9", '{\\rtf1\\pc '), 'été à █ Θ');
  assert.equal(text("\\'82t\\'82 \\'d5 \\'9d", '{\\rtf1\\pca '), 'été ı Ø');
  assert.equal(text("\\'82t\\'82", '{\\rtf1\\ansi\\ansicpg850 '), 'été');
  assert.equal(text("Caf\\'8e \\'d2x\\'d3", '{\\rtf1\\mac '), 'Café “x”');
  assert.equal(text("Caf\\'8e", '{\\rtf1\\ansi\\ansicpg10000 '), 'Café');
});

test('double-byte code pages: consecutive bytes decode together, even with a literal trail byte', () => {
  assert.equal(text("\\'93\\'fa\\'96\\'7b\\'8c\\'ea", '{\\rtf1\\ansi\\ansicpg932 '), '日本語');
  // Word writes a trail byte that is ASCII as the character itself: 0x83 0x65 = テ.
  assert.equal(text("\\'83e\\'83X\\'83g", '{\\rtf1\\ansi\\ansicpg932 '), 'テスト');
  assert.equal(text("\\'d6\\'d0\\'ce\\'c4", '{\\rtf1\\ansi\\ansicpg936 '), '中文');
});

test("a font's charset picks the code page of its \\'hh bytes", () => {
  const header = '{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fnil\\fcharset0 Arial;}{\\f1\\fnil\\fcharset204 Arial Cyr;}{\\f2\\fnil\\fcharset2 Symbol;}{\\f3\\fnil\\fcharset238 Arial CE;}}';
  assert.equal(text("caf\\'e9 {\\f1 \\'c4\\'e0} {\\f3 \\'b3\\'f3d\\'9f} {\\f2\\'b7} \\'e9", header), 'café Да łódź • é');
  // Word's list bullets in Symbol/Wingdings fonts, as bytes or private-use \\u.
  assert.equal(text("{\\f2\\'d8\\tab}a {\\f2\\'a7}b {\\f2\\u-3880 ?}c", header), '➢\ta ▪b ➢c');
  // \plain returns to the default font.
  assert.equal(text("{\\f1 \\'c4\\plain\\'c4}", header), 'ДÄ');
});

test('ignorable and skipped destinations, nested, leave no text', () => {
  const body = [
    'Before ',
    '{\\*\\unknowndest some {nested {deeper \\par text}} data}',
    '{\\*\\bkmkstart b1}{\\*\\bkmkend b1}',
    '{\\pict\\wmetafile8\\picw100 0102030405ff}',
    '{\\*\\shppict{\\pict\\pngblip 89504e47}}{\\nonshppict{\\pict\\wmetafile8 0100}}',
    '{\\footnote\\pard\\plain SECRETFOOTNOTE\\par}',
    '{\\*\\atnid R}{\\*\\atnauthor Reviewer}\\chatn{\\*\\annotation{\\*\\atnref 1}\\pard SECRETCOMMENT}',
    '{\\object\\objemb{\\*\\objclass Excel}{\\*\\objdata 0105}{\\result SECRETRESULT}}',
    '{\\*\\htmltag84 <b>}',
    '{\\*\r\n\\ts11\\tsrowd\\trftsWidthB3 Normal Table;}',
    'after.',
  ].join('');
  assert.equal(text(body), 'Before after.');
});

test('fields keep their result, not their instruction', () => {
  const body = '{\\field{\\*\\fldinst {HYPERLINK "https://example.invalid/x"}}{\\fldrslt {\\ul visible link}}} and {\\field{\\fldinst PAGE}{\\fldrslt 3}}';
  assert.equal(text(body), 'visible link and 3');
});

test('\\upr keeps the Unicode \\ud part only', () => {
  assert.equal(text("{\\upr{Zoe ANSI}{\\*\\ud{Zo\\u235?}}} ok"), 'Zoë ok');
});

test('hidden text and tracked deletions are left out, with warnings', async () => {
  const r = await extract(rtfBytes('{\\rtf1\\ansi Visible {\\v hidden words}{\\deleted removed }kept\\v  also hidden\\v0  end}'));
  assert.equal(r.text, 'Visible kept end');
  assert.equal(r.warnings.length, 2);
  assert.match(r.warnings.join(' '), /hidden text/);
  assert.match(r.warnings.join(' '), /deleted/);
});

test('\\binN skips N raw bytes, braces and backslashes included', () => {
  const source = '{\\rtf1\\ansi A{\\pict\\bin6 {}\\\\{x}B}';
  assert.equal(rtfToText(rtfBytes(source)).text, 'AB');
  // \bin in the text itself skips bytes too.
  assert.equal(text('x\\bin3 }}}y'), 'xy');
});

test('structure errors are refused with clear messages', async () => {
  await rejects('Hello, not RTF', /not an RTF file.*\{\\rtf/);
  await rejects('', /not an RTF file/);
  await rejects('{\\rtf1\\ansi unclosed {\\b group}', /truncated or its braces are unbalanced: 1 group/);
  await rejects('{\\rtf1\\ansi closes early} then more}', /braces are unbalanced/);
  await rejects(`{\\rtf1 ${'{'.repeat(1001)}x${'}'.repeat(1001)}}`, /nested more than 1000 deep/);
  await assert.rejects(extract(rtfDocument('x'), { ...DEFAULT_LIMITS, maxFileBytes: 10 }), /the file is .* MB, more than the 0\.0 MB allowed/);
  await assert.rejects(extract(rtfDocument(rtfText('a long text')), { ...DEFAULT_LIMITS, maxTextLength: 5 }), /longer than the 5 characters/);
});

test('whitespace around the document is fine; trailing text or extra closing braces at the end are warnings', async () => {
  assert.equal((await extract(rtfBytes('\r\n {\\rtf1 ok}\r\n\0\0'))).text, 'ok');
  assert.equal((await extract(rtfBytes('\xef\xbb\xbf{\\rtf1 bom}'))).text, 'bom');
  const r = await extract(rtfBytes('{\\rtf1 ok}garbage'));
  assert.equal(r.text, 'ok');
  assert.match(r.warnings[0]!, /after the end/);
  const extra = await extract(rtfBytes('{\\rtf1 ok}}\r\n'));
  assert.equal(extra.text, 'ok');
  assert.match(extra.warnings[0]!, /extra closing braces/);
});

test('nesting up to the limit is read without recursion', () => {
  const depth = 999;
  assert.equal(text(`${'{'.repeat(depth - 1)}deep${'}'.repeat(depth - 1)}`), 'deep');
});

test('an unsupported code page falls back to Windows-1252 with a warning', async () => {
  const r = await extract(rtfBytes("{\\rtf1\\ansi\\ansicpg1361 caf\\'e9}"));
  assert.equal(r.text, 'café');
  assert.match(r.warnings[0]!, /code page 1361 is not supported/);
});

test('a 1 MB Word-style document is read exactly', async () => {
  const { bytes, paragraphs } = largeRtf(2 ** 20);
  const r = await extract(bytes);
  const parts = r.text.split('\n\n');
  assert.equal(parts.length, paragraphs);
  assert.equal(
    parts[1],
    'Amélie: Paragraphe 1, café crème “citation” 😀 lien et la suite du texte, assez longue pour ressembler à une vraie réponse.',
  );
  assert.ok(parts[0]!.startsWith('Interviewer: Paragraphe 0, café'));
  assert.doesNotMatch(r.text, /SECRET|HYPERLINK|example\.invalid/);
  // Offsets are code points: each paragraph's emoji is one code point, two UTF-16 units.
  assert.equal(new CodePointIndex(r.text).length, r.text.length - paragraphs);
});

test("QualCoder's example transcript, written as a Word RTF, reads back exactly", async () => {
  const original = readFileSync(sharedPath('fixtures', 'transcripts', 'qualcoder-examples', 'transcript.txt'), 'utf8').trim();
  const r = await extract(rtfDocument(rtfText(original)));
  assert.equal(r.text, original);
  const paragraphs = r.text.split('\n\n');
  assert.equal(paragraphs.length, 7);
  assert.equal(paragraphs[6], '[id2] Hmm, I will ask the tutor for more help as I am really struggling.');
});

test('long runs of blanks are trimmed in linear time', () => {
  const started = performance.now();
  assert.equal(text(`a${' '.repeat(200_000)}b${'\\tab '.repeat(50_000)}\\par c`), `a${' '.repeat(200_000)}b\n\nc`);
  // Quadratic work on these inputs would take tens of seconds; linear takes milliseconds.
  assert.ok(performance.now() - started < 5000);
});
