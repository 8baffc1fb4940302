import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedPath } from '../../test/support/shared.ts';
import { codePointLength } from '../core/text/offsets.ts';
import { declaredCharset, htmlExtractor, htmlToText } from './html.ts';
import { DEFAULT_LIMITS } from './types.ts';

const extract = (bytes: Uint8Array, limits = DEFAULT_LIMITS) => htmlExtractor.extract(bytes, limits);
const utf8 = (s: string) => new TextEncoder().encode(s);
/** Bytes from ASCII markup with raw bytes spliced in as \xNN escapes of a JS string. */
const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (html: string) => htmlToText(html).text;

test('the extractor declares its format', () => {
  assert.equal(htmlExtractor.format, 'html');
  assert.deepEqual(htmlExtractor.extensions, ['html', 'htm']);
  assert.equal(htmlExtractor.mediaType, 'text/html');
});

test('a transcript page: blocks become paragraphs and lines, inline markup joins, the head is left out', async () => {
  const page = `<!DOCTYPE html>
<html lang="fr-CA">
<head>
  <meta charset="utf-8">
  <title>SECRET title</title>
  <style>p { color: red } /* SECRET */</style>
  <script>document.write("SECRET")</script>
  <link rel="stylesheet" href="https://example.invalid/style.css">
</head>
<body>
  <h1>Entretien   n°3</h1>
  <p>Interviewer:   Bonjour
     <b>Amélie</b>, <i>ça</i> va&nbsp;?</p>
  <p>Amélie: Très bien 😀.<br>Deuxième ligne, <a href="https://example.invalid/">un lien</a>.</p>
  <img src="https://example.invalid/photo.jpg" alt="SECRET alt">
  <iframe src="https://example.invalid/frame">SECRET iframe</iframe>
</body>
</html>`;
  const r = await extract(utf8(page));
  assert.equal(r.text, 'Entretien n°3\n\nInterviewer: Bonjour Amélie, ça va\u00a0?\n\nAmélie: Très bien 😀.\nDeuxième ligne, un lien.');
  assert.equal(r.language, 'fr');
  assert.equal(r.encoding, 'utf-8');
  assert.equal(r.bom, false);
  assert.deepEqual(r.warnings, []);
  assert.doesNotMatch(r.text, /SECRET/);
});

test('nothing a page names is fetched', async () => {
  const original = globalThis.fetch;
  globalThis.fetch = () => {
    throw new Error('fetch called');
  };
  try {
    const r = await extract(utf8('<img src="http://example.invalid/a.png"><iframe src="http://example.invalid/"></iframe><link rel=stylesheet href="http://example.invalid/x.css"><p>only text</p>'));
    assert.equal(r.text, 'only text');
  } finally {
    globalThis.fetch = original;
  }
});

test('whitespace collapses as in a browser; inline elements join without adding spaces', () => {
  assert.equal(text('plain <b>bold</b>text'), 'plain boldtext');
  assert.equal(text('a <b> b </b>   c\n\n\td'), 'a b c d');
  assert.equal(text('<p>  leading and trailing  </p>'), 'leading and trailing');
  assert.equal(text('<span>one</span><span> two</span> <em>three</em>'), 'one two three');
});

test('block elements: paragraphs get a blank line, divs and list items a new line, empty blocks nothing', () => {
  assert.equal(text('<p>one</p><p>two</p><div>three</div><div>four</div><p></p><div> </div><h2>five</h2>six'), 'one\n\ntwo\n\nthree\nfour\n\nfive\n\nsix');
  assert.equal(text('<section><article><p>a</p></article></section><blockquote>quoted</blockquote><hr>after'), 'a\n\nquoted\n\nafter');
  // Word's empty paragraphs hold a non-breaking space.
  assert.equal(text('<p class=MsoNormal>A<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>B</p>'), 'A\n\nB');
});

test('<br>: a line break; several make at most one blank line; leading ones vanish', () => {
  assert.equal(text('<p>a<br>b<br/>c</p>'), 'a\nb\nc');
  assert.equal(text('<p>a<br><br><br><br>b</p>'), 'a\n\nb');
  assert.equal(text('<br><br>start'), 'start');
  assert.equal(text('<div>line</div><div><br></div><div>next</div>'), 'line\n\nnext');
});

test('<pre> keeps its whitespace and line breaks; its first newline is not content', () => {
  assert.equal(text('<p>before</p><pre>\n  two  spaces\n\tand a tab\n\n  blank above</pre><p>after</p>'), 'before\n\n  two  spaces\n\tand a tab\n\n  blank above\n\nafter');
  assert.equal(text('<pre><b>bold</b>   inside</pre>'), 'bold   inside');
});

test('lists: bullets as "- ", numbers kept (start and value honoured), nesting indented', () => {
  const html = '<p>Intro</p><ul><li>one<li>two<ul><li>nested</li></ul><li><p>in a paragraph</p></li><li></li></ul><ol start="3"><li>three<li value="7">seven<li>eight</ol>';
  // A paragraph inside an item keeps its margin, as in a browser.
  assert.equal(text(html), 'Intro\n\n- one\n- two\n  - nested\n- in a paragraph\n\n-\n\n3. three\n7. seven\n8. eight');
});

test('tables: one paragraph per row, cells separated by tabs', () => {
  const html = '<table><thead><tr><th>Speaker</th><th>Text</th></tr></thead><tbody><tr><td>Ana</td><td>Oui, <b>bien</b></td></tr><tr><td>Bo</td><td><p>Non.</p></td></tr></tbody></table><p>after</p>';
  assert.equal(text(html), 'Speaker\tText\n\nAna\tOui, bien\n\nBo\n\nNon.\n\nafter');
  assert.equal(text('<table><tr><td>1</td><td>2</td><td>3</td></tr></table>'), '1\t2\t3');
});

test('scripts, styles, templates, noscript, hidden elements and embedded media leave no text', () => {
  const html = [
    '<p>kept 1</p>',
    '<script type="module">let a = "<p>SECRET</p>";</script>',
    '<style>body::after { content: "SECRET" }</style>',
    '<template><p>SECRET template</p></template>',
    '<noscript><p>SECRET noscript</p></noscript>',
    '<p hidden>SECRET hidden</p><span style="color: red; display:none">SECRET none</span>',
    '<div style="visibility: hidden">SECRET invisible</div>',
    '<svg><text>SECRET svg</text></svg><video>SECRET video</video><select><option>SECRET</option></select>',
    '<!-- SECRET comment -->',
    '<p>kept 2</p>',
  ].join('\n');
  assert.equal(text(html), 'kept 1\n\nkept 2');
});

test('a head left open, or no head or body at all, still gives the body text', () => {
  assert.equal(text('<html><head><meta charset=utf-8><title>SECRET</title><p>body without body tag'), 'body without body tag');
  assert.equal(text('<head><title>SECRET</title></head>just text'), 'just text');
  assert.equal(text('only a fragment <i>here</i>'), 'only a fragment here');
});

test('entities are decoded; astral characters count as one code point', () => {
  const t = text('&amp; &lt;tag&gt; &eacute;t&#233; &#x1F600; &quot;q&quot; &hellip; AT&T &unknown;');
  assert.equal(t, '& <tag> été 😀 "q" … AT&T &unknown;');
  assert.equal(codePointLength(t), t.length - 1);
});

test('the language of <html lang> is kept when it is English or French', () => {
  assert.equal(htmlToText('<html lang="en-GB"><p>x').language, 'en');
  assert.equal(htmlToText('<html lang="FR"><p>x').language, 'fr');
  assert.equal(htmlToText('<html xml:lang="fr_BE"><p>x').language, 'fr');
  assert.equal(htmlToText('<html lang="de"><p>x').language, undefined);
  assert.equal(htmlToText('<p lang="fr">x').language, undefined);
});

test('charset: a byte-order mark wins', async () => {
  const r = await extract(utf8('\ufeff<meta charset="windows-1252"><p>Zoé</p>'));
  assert.equal(r.text, 'Zoé');
  assert.equal(r.encoding, 'utf-8');
  assert.equal(r.bom, true);
  const le = new Uint8Array(Buffer.from('\ufeff<p>Zoé 😀</p>', 'utf16le'));
  const r16 = await extract(le);
  assert.equal(r16.text, 'Zoé 😀');
  assert.equal(r16.encoding, 'utf-16le');
});

test('charset: <meta charset> and http-equiv declarations in the first 1024 bytes', async () => {
  const cyrillic = await extract(bytes('<html><head><meta charset="windows-1251"></head><body><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>'));
  assert.equal(cyrillic.text, 'Привет');
  assert.equal(cyrillic.encoding, 'windows-1251');
  const polish = await extract(bytes('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=ISO-8859-2"><p>\xa3\xf3d\xbc</p>'));
  assert.equal(polish.text, 'Łódź');
  assert.equal(polish.encoding, 'iso-8859-2');
  const japanese = await extract(bytes("<meta http-equiv='content-type' content='text/html;charset=Shift_JIS'><p>\x93\xfa\x96\x7b</p>"));
  assert.equal(japanese.text, '日本');
  const xml = await extract(bytes('<?xml version="1.0" encoding="windows-1250"?><html xmlns="http://www.w3.org/1999/xhtml"><p>\x9cwi\xea</p></html>'));
  assert.equal(xml.text, 'świę');
  // Windows-1252 declared: curly quotes and the euro sign from 0x80–0x9F.
  const western = await extract(bytes('<meta charset=windows-1252><p>\x93caf\xe9\x94 \x80</p>'));
  assert.equal(western.text, '“café” €');
  assert.equal(western.encoding, 'windows-1252');
});

test('charset: declarations after 1024 bytes or inside comments do not count', () => {
  assert.equal(declaredCharset(bytes(`<!-- ${'x'.repeat(1100)} --><meta charset="koi8-r">`)), undefined);
  assert.equal(declaredCharset(bytes('<!-- <meta charset="koi8-r"> --><meta charset="utf-8">')), 'utf-8');
  assert.equal(declaredCharset(bytes('<p>nothing declared</p>')), undefined);
});

test('charset: without a declaration, UTF-8 if valid, else Windows-1252', async () => {
  const valid = await extract(utf8('<p>Zoé “quoted”</p>'));
  assert.equal(valid.text, 'Zoé “quoted”');
  assert.equal(valid.encoding, 'utf-8');
  const legacy = await extract(bytes('<p>Zo\xe9 \x93quoted\x94</p>'));
  assert.equal(legacy.text, 'Zoé “quoted”');
  assert.equal(legacy.encoding, 'windows-1252');
  assert.deepEqual(legacy.warnings, []);
});

test('charset: a wrong or unknown declaration is overruled by the bytes, with a warning', async () => {
  const wrong = await extract(bytes('<meta charset="utf-8"><p>Zo\xe9</p>'));
  assert.equal(wrong.text, 'Zoé');
  assert.equal(wrong.encoding, 'windows-1252');
  assert.match(wrong.warnings[0]!, /declares UTF-8 but its bytes are WINDOWS-1252/);
  const unknown = await extract(utf8('<meta charset="klingon-8"><p>Zoé</p>'));
  assert.equal(unknown.text, 'Zoé');
  assert.equal(unknown.encoding, 'utf-8');
  assert.match(unknown.warnings[0]!, /unknown character set "klingon-8"/);
  // A page cannot declare UTF-16 from inside: it is read as UTF-8.
  const utf16 = await extract(utf8('<meta charset="utf-16"><p>Zoé</p>'));
  assert.equal(utf16.text, 'Zoé');
});

test('binary data and oversized files are refused', async () => {
  await assert.rejects(extract(new Uint8Array([0x3c, 0x70, 0x3e, 0, 1, 2, 0, 0, 0x89, 0x50])), /binary data/);
  await assert.rejects(extract(utf8('<p>x</p>'), { ...DEFAULT_LIMITS, maxFileBytes: 4 }), /more than the 0\.0 MB allowed/);
  await assert.rejects(extract(utf8('<p>a longer text</p>'), { ...DEFAULT_LIMITS, maxTextLength: 5 }), /longer than the 5 characters/);
});

test('a 2 MB page is read quickly', async () => {
  const paragraph = (i: number) => `<p class="turn"><b>Speaker ${i % 2 ? 'A' : 'B'}:</b> r&eacute;ponse num&eacute;ro ${i}, <i>assez</i> longue pour ressembler à une vraie réponse 😀.</p>\n`;
  const parts: string[] = ['<html lang="fr"><body>'];
  let n = 0;
  for (let size = 0; size < 2 * 2 ** 20; n++) {
    parts.push(paragraph(n));
    size += parts.at(-1)!.length;
  }
  const r = await extract(utf8(parts.join('')));
  const paragraphs = r.text.split('\n\n');
  assert.equal(paragraphs.length, n);
  assert.equal(paragraphs[1], 'Speaker A: réponse numéro 1, assez longue pour ressembler à une vraie réponse 😀.');
});

test("QualCoder's example transcript, as an HTML page of paragraphs, reads back exactly", async () => {
  const original = readFileSync(sharedPath('fixtures', 'transcripts', 'qualcoder-examples', 'transcript.txt'), 'utf8').trim();
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&#39;');
  const body = original.split('\n\n').map((p) => `  <p>\n    ${escape(p)}\n  </p>`).join('\n');
  const r = await extract(utf8(`<!doctype html>\n<html lang="en">\n<head><title>Course feedback</title></head>\n<body>\n${body}\n</body>\n</html>\n`));
  assert.equal(r.text, original);
  assert.equal(r.text.split('\n\n').length, 7);
  assert.equal(r.language, 'en');
});

test('long runs of whitespace and newlines are handled in linear time', () => {
  const started = performance.now();
  assert.equal(text(`<pre>${'\n'.repeat(100_000)}x${' '.repeat(100_000)}\ny</pre>`), 'x\ny');
  assert.equal(text(`<p>a${' '.repeat(100_000)}b</p>${'<br>'.repeat(50_000)}c`), 'a b\n\nc');
  // Quadratic work on these inputs would take tens of seconds; linear takes milliseconds.
  assert.ok(performance.now() - started < 5000);
});
