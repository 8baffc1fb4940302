import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { sliceCodePoints } from '../core/text/offsets.ts';
import { largePdf, makePdf, winAnsiLiteral } from '../../test/support/pdf-files.ts';
import {
  assemblePages,
  joinParagraphLines,
  layoutPage,
  pageLines,
  pdfExtractor,
  replaceLigatures,
  usualSpacing,
  type LayoutItem,
  type Line,
} from './pdf.ts';
import { DEFAULT_LIMITS, type Extracted } from './types.ts';

const extract = (bytes: Uint8Array, limits = DEFAULT_LIMITS) => pdfExtractor.extract(bytes, limits);

/** Each page's slice of the text. */
const pageTexts = (r: Extracted) => (r.pages ?? []).map((p) => sliceCodePoints(r.text, p.start, p.end));

test('the extractor declares its format', () => {
  assert.equal(pdfExtractor.format, 'pdf');
  assert.deepEqual(pdfExtractor.extensions, ['pdf']);
  assert.equal(pdfExtractor.mediaType, 'application/pdf');
});

// ------------------------------------------------------------ whole files

test('multi-page text with accents: lines, paragraphs, pages and exact page ranges', async () => {
  const bytes = makePdf([
    ['Interviewer: Bonjour Amélie, ça va ?', 'Amélie: Très bien, merci — et vous ?', '', 'Interviewer: « Déjà » vu (1) \\ 2 € 50'],
    ['Amélie: Œuvre, naïve, Zoë, Ærøskøbing.'],
    ['Interviewer: Thank you.', '', '', 'End of interview'],
  ]);
  const r = await extract(bytes);
  const expectedPages = [
    'Interviewer: Bonjour Amélie, ça va ?\nAmélie: Très bien, merci — et vous ?\n\nInterviewer: « Déjà » vu (1) \\ 2 € 50',
    'Amélie: Œuvre, naïve, Zoë, Ærøskøbing.',
    'Interviewer: Thank you.\n\nEnd of interview',
  ];
  assert.equal(r.text, expectedPages.join('\n\n'));
  assert.deepEqual(pageTexts(r), expectedPages);
  assert.deepEqual(r.pages, [
    { page: 1, start: 0, end: 112 },
    { page: 2, start: 114, end: 152 },
    { page: 3, start: 154, end: 195 },
  ]);
  assert.deepEqual(r.warnings, []);
});

test('a hyphenated line break is joined when a lowercase letter follows; other hyphens stay', async () => {
  const r = await extract(
    makePdf([
      [
        'Amélie: the inter-',
        'national office said the short-',
        'term plan was fine -',
        'more or less. The Franco-',
        'German team agreed.',
        'A final line-',
        '',
        'after a paragraph break stays apart.',
      ],
      ['Page two starts lowercase: hyphen-'],
      ['ated words do not join across pages.'],
    ]),
  );
  assert.deepEqual(pageTexts(r), [
    'Amélie: the international office said the shortterm plan was fine -\nmore or less. The Franco-\nGerman team agreed.\nA final line-\n\nafter a paragraph break stays apart.',
    'Page two starts lowercase: hyphen-',
    'ated words do not join across pages.',
  ]);
});

test('page ranges count code points of the final text, after joins', async () => {
  const r = await extract(makePdf([['co-', 'operation', 'x'], ['é']]));
  assert.equal(r.text, 'cooperation\nx\n\né');
  assert.deepEqual(r.pages, [
    { page: 1, start: 0, end: 13 },
    { page: 2, start: 15, end: 16 },
  ]);
});

test('Japanese text through a predefined CMap is read (pdf.js loads its bundled CMaps)', async () => {
  const r = await extract(makePdf([['日本語のインタビュー', '質問：はい。']], { cjk: true }));
  assert.equal(r.text, '日本語のインタビュー\n質問：はい。');
});

test('a larger generated document: every page, paragraph breaks every sixth line', async () => {
  const r = await extract(largePdf(10, 12));
  assert.equal(r.pages!.length, 10);
  const pages = pageTexts(r);
  assert.equal(
    pages[3],
    [
      'Interviewer: Page 4, line 1: the café opened at nine, déjà vu.',
      'Page 4, line 2: the café opened at nine, déjà vu.',
      'Page 4, line 3: the café opened at nine, déjà vu.',
      'Page 4, line 4: the café opened at nine, déjà vu.',
      'Page 4, line 5: the café opened at nine, déjà vu.',
      '',
      'Page 4, line 7: the café opened at nine, déjà vu.',
      'Page 4, line 8: the café opened at nine, déjà vu.',
      'Page 4, line 9: the café opened at nine, déjà vu.',
      'Page 4, line 10: the café opened at nine, déjà vu.',
      'Page 4, line 11: the café opened at nine, déjà vu.',
    ].join('\n'),
  );
  assert.equal(r.text.split('\n\n').length, 20);
});

test('the caller’s bytes are neither detached nor changed, Buffers included', async () => {
  const bytes = makePdf([['Kept intact']]);
  const copy = bytes.slice();
  assert.equal((await extract(bytes)).text, 'Kept intact');
  assert.equal(bytes.byteLength, copy.byteLength);
  assert.deepEqual(bytes, copy);
  const buffer = Buffer.from(bytes);
  assert.equal((await extract(buffer)).text, 'Kept intact');
  assert.equal(buffer.byteLength, copy.byteLength);
});

test('files read at the same time do not mix', async () => {
  const files = ['Alpha', 'Bravo', 'Charlie', 'Delta'].map((name) => makePdf([[`${name} one`], [`${name} two`]]));
  const results = await Promise.all(files.map((f) => extract(f)));
  assert.deepEqual(
    results.map((r) => r.text),
    ['Alpha', 'Bravo', 'Charlie', 'Delta'].map((name) => `${name} one\n\n${name} two`),
  );
});

test('a long run of files is read to the end across parsing threads, which are replaced as they go', async () => {
  // More files than one thread parses (FILES_PER_THREAD), in turn as an import reads them.
  for (let i = 0; i < 30; i++) assert.equal((await extract(makePdf([[`File ${i}`]]))).text, `File ${i}`);
});

// ------------------------------------------------------------ files that cannot be read

test('a PDF that needs a password is refused with a clear message', async () => {
  const bytes = makePdf([['Confidential transcript']], { encryptWithUserPassword: 'secret' });
  await assert.rejects(extract(bytes), { name: 'CrosswiseError', kind: 'invalid', message: /^the PDF is protected by a password: / });
});

test('a PDF encrypted with an empty user password (restrictions only) opens normally', async () => {
  const r = await extract(makePdf([['Ouvert à tous'], ['Page deux']], { encryptWithUserPassword: '' }));
  assert.equal(r.text, 'Ouvert à tous\n\nPage deux');
  const cjk = await extract(makePdf([['暗号化された日本語']], { cjk: true, encryptWithUserPassword: '' }));
  assert.equal(cjk.text, '暗号化された日本語');
});

test('a PDF whose pages have no text (scanned images) asks for OCR', async () => {
  const bytes = makePdf([['ignored'], ['ignored']], { imageOnly: true });
  await assert.rejects(extract(bytes), { kind: 'invalid', message: /^the PDF has no text layer \(it is probably scanned images\): run OCR first/ });
  // Pages with nothing but spaces count as empty too.
  await assert.rejects(extract(makePdf([['   '], []])), /no text layer/);
});

test('pages without text get an empty range and a warning naming them', async () => {
  const r = await extract(makePdf([[], ['First words'], [], [], ['Last words'], []]));
  assert.equal(r.text, 'First words\n\nLast words');
  assert.deepEqual(r.pages, [
    { page: 1, start: 0, end: 0 },
    { page: 2, start: 0, end: 11 },
    { page: 3, start: 11, end: 11 },
    { page: 4, start: 11, end: 11 },
    { page: 5, start: 13, end: 23 },
    { page: 6, start: 23, end: 23 },
  ]);
  assert.deepEqual(r.warnings, ['4 of 6 pages have no text (blank, or scanned without OCR): pages 1, 3, 4, 6']);
});

test('garbage, truncated and empty files are refused as damaged', async () => {
  const damaged = /^the file is not a readable PDF \(it is damaged, truncated or not a PDF at all\)/;
  await assert.rejects(extract(new TextEncoder().encode('Interviewer: this is a text file, not a PDF')), { kind: 'invalid', message: damaged });
  await assert.rejects(extract(makePdf([['Cut short']]).subarray(0, 200)), { message: damaged });
  await assert.rejects(extract(new Uint8Array(0)), { kind: 'invalid' });
  // Random bytes after a PDF header.
  const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) & 0xff);
  noise.set(new TextEncoder().encode('%PDF-1.4\n'));
  await assert.rejects(extract(noise), { kind: 'invalid' });
});

test('a PDF whose structure is broken inside is refused with what pdf.js found', async () => {
  const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
  const good = makePdf([['Page one'], ['Page two']]);
  // The page tree points at a content stream instead of a page (same length, so offsets stay valid).
  const broken = new Uint8Array(Buffer.from(latin1(good).replace('/Kids [4 0 R 6 0 R]', '/Kids [4 0 R 5 0 R]'), 'latin1'));
  await assert.rejects(extract(broken), {
    kind: 'invalid',
    message: /^the PDF is damaged and could not be read \(.*kid reference points to wrong type of object.*\): export it again/,
  });
  // A page whose content cannot be decoded is read as empty, with a warning, rather than failing the file.
  const undecodable = latin1(good).replace(/<< \/Length (\d+) >>/, '<< /Length $1 /Filter /FlateDecode >>');
  const r = await extract(new Uint8Array(Buffer.from(undecodable, 'latin1')));
  assert.equal(r.text, 'Page two');
  assert.deepEqual(r.warnings, ['1 of 2 pages has no text (blank, or scanned without OCR): page 1']);
});

test('a PDF with more pages than allowed is refused, naming both counts', async () => {
  const bytes = makePdf([['1'], ['2'], ['3'], ['4'], ['5']]);
  await assert.rejects(extract(bytes, { ...DEFAULT_LIMITS, maxPdfPages: 4 }), {
    kind: 'invalid',
    message: /^the PDF has 5 pages, more than the 4 allowed: split it/,
  });
  assert.equal((await extract(bytes, { ...DEFAULT_LIMITS, maxPdfPages: 5 })).pages!.length, 5);
});

test('text longer than allowed is refused', async () => {
  const bytes = makePdf([['x'.repeat(60), 'y'.repeat(60)]]);
  await assert.rejects(extract(bytes, { ...DEFAULT_LIMITS, maxTextLength: 100 }), /longer than the 100 characters allowed/);
});

test('the time limit stops a slow read promptly, and the next file reads normally', async () => {
  await assert.rejects(extract(makePdf([['Too slow']]), { ...DEFAULT_LIMITS, pdfTimeoutMs: 1 }), {
    kind: 'invalid',
    message: /^reading the PDF took longer than the 1 ms allowed/,
  });
  const big = largePdf(400);
  await extract(makePdf([['warm up']]));
  // Rejected rather than finished: the read was abandoned at the limit.
  await assert.rejects(extract(big, { ...DEFAULT_LIMITS, pdfTimeoutMs: 100 }), /took longer than the 100 ms allowed/);
  assert.equal((await extract(makePdf([['Back to normal']]))).text, 'Back to normal');
});

test('importing and using the extractor prints nothing, and idle readers do not keep the process alive', async () => {
  const root = join(import.meta.dirname, '..', '..');
  const url = (path: string) => JSON.stringify(pathToFileURL(join(root, path)).href);
  const script = `
    const { pdfExtractor } = await import(${url('src/formats/pdf.ts')});
    const { makePdf } = await import(${url('test/support/pdf-files.ts')});
    const { DEFAULT_LIMITS } = await import(${url('src/formats/types.ts')});
    const attempt = (bytes, limits = DEFAULT_LIMITS) => pdfExtractor.extract(bytes, limits).then((r) => r.text.length, (e) => e.message.length);
    await attempt(makePdf([['Quiet please']]));
    await attempt(makePdf([['x']], { encryptWithUserPassword: 'pw' }));
    await attempt(makePdf([['x']], { imageOnly: true }));
    await attempt(new TextEncoder().encode('%PDF-1.7 garbage'));
    await attempt(makePdf([['日本語']], { cjk: true }));
    await attempt(makePdf([['x']]), { ...DEFAULT_LIMITS, pdfTimeoutMs: 1 });
  `;
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
    cwd: root,
    timeout: 60_000,
  });
  assert.equal(stdout, '');
  assert.equal(stderr, '');
});

// ------------------------------------------------------------ text fixes

test('ligatures are spelled out, and nothing else changes', () => {
  assert.equal(replaceLigatures('\ufb00 \ufb01 \ufb02 \ufb03 \ufb04 \ufb05 \ufb06'), 'ff fi fl ffi ffl st st');
  assert.equal(replaceLigatures('e\ufb03cient o\ufb03ce \ufb01nal'), 'efficient office final');
  // Characters NFKC would fold stay as they are.
  assert.equal(replaceLigatures('½ ² ℃ Ⅳ ｶ \u00a0 µ ﬀ'), '½ ² ℃ Ⅳ ｶ \u00a0 µ ff');
});

test('hyphenated breaks: the joining rule', () => {
  assert.equal(joinParagraphLines(['inter-', 'national']), 'international');
  assert.equal(joinParagraphLines(['short-', 'term']), 'shortterm'); // documented trade-off
  assert.equal(joinParagraphLines(['Franco-', 'German']), 'Franco-\nGerman');
  assert.equal(joinParagraphLines(['well -', 'known']), 'well -\nknown');
  assert.equal(joinParagraphLines(['2019-', 'nineteen']), '2019-\nnineteen');
  assert.equal(joinParagraphLines(['un\u2010', 'usual']), 'unusual');
  assert.equal(joinParagraphLines(['élé-', 'phant']), 'éléphant');
  assert.equal(joinParagraphLines(['Hyphen-', '"quoted"']), 'Hyphen-\n"quoted"');
  // A soft hyphen marks a break point: it always joins before a letter.
  assert.equal(joinParagraphLines(['Ver\u00ad', 'Einigung']), 'VerEinigung');
  assert.equal(joinParagraphLines(['a', 'b-', 'cd-', 'ef']), 'a\nbcdef');
  assert.equal(joinParagraphLines([]), '');
});

// ------------------------------------------------------------ layout

/** A text item on an unrotated line at baseline y. */
const item = (str: string, y: number, options: { x?: number; size?: number; eol?: boolean } = {}): LayoutItem => ({
  str,
  hasEOL: options.eol ?? false,
  transform: [options.size ?? 12, 0, 0, options.size ?? 12, options.x ?? 72, y],
});

test('lines break at hasEOL and where an item moves off the line, but not for a superscript', () => {
  const lines = pageLines([
    item('First ', 700),
    item('line', 700, { x: 110, eol: true }),
    item('', 700, { eol: true }),
    item('Second line', 686),
    item('1', 690, { x: 150, size: 8 }), // footnote mark, raised: same line
    item('Third line without EOL', 672),
    item('   ', 658, { eol: true }), // only spaces: dropped
    item('ﬁnal', 644),
  ]);
  assert.deepEqual(
    lines.map((l) => [l.text, l.y]),
    [
      ['First line', 700],
      ['Second line1', 686],
      ['Third line without EOL', 672],
      ['final', 644],
    ],
  );
});

test('rotated text: lines are measured across the text direction', () => {
  // Text running upwards (rotated 90°): successive lines move right.
  const up = (str: string, x: number, y: number): LayoutItem => ({ str, hasEOL: false, transform: [0, 12, -12, 0, x, y] });
  const lines = pageLines([up('One ', 100, 100), up('line', 100, 130), up('Next', 114, 100), up('After gap', 142, 100)]);
  assert.deepEqual(
    lines.map((l) => l.text),
    ['One line', 'Next', 'After gap'],
  );
  assert.equal(layoutPage(lines, usualSpacing([lines])), 'One line\nNext\n\nAfter gap');
});

const line = (text: string, y: number, size = 12): Line => ({ text, x: 72, y, nx: 0, ny: 1, size });

test('paragraphs: a gap well above the usual spacing; mostly one-line paragraphs still split', () => {
  // Word-style: 14 pt spacing, 8 pt after each paragraph; most paragraphs are one line.
  const lines = [
    line('Interviewer: Hello.', 700),
    line('Amélie: Hi.', 678),
    line('Interviewer: Tell me about', 656),
    line('your work.', 642),
    line('Amélie: Gladly.', 620),
    line('Interviewer: Thanks.', 598),
  ];
  const spacing = usualSpacing([lines]);
  assert.ok(spacing !== undefined && Math.abs(spacing - 14 / 12) < 1e-9);
  assert.equal(
    layoutPage(lines, spacing),
    'Interviewer: Hello.\n\nAmélie: Hi.\n\nInterviewer: Tell me about\nyour work.\n\nAmélie: Gladly.\n\nInterviewer: Thanks.',
  );
  // Double-spaced text has no paragraph breaks of its own.
  const double = [line('a', 700), line('b', 672), line('c', 644)];
  assert.equal(layoutPage(double, usualSpacing([double])), 'a\nb\nc');
  // A heading in a larger font, then body text.
  const heading = [line('Big title', 700, 24), line('Body one', 670), line('Body two', 656)];
  assert.equal(layoutPage(heading, usualSpacing([heading])), 'Big title\n\nBody one\nBody two');
  // A line further up (a new column) is a plain line break; so is anything without a spacing.
  assert.equal(layoutPage([line('left', 100), line('right', 700)], undefined), 'left\nright');
});

test('page assembly counts code points, not UTF-16 units', () => {
  const { text, pages } = assemblePages(['Zoé 😀 fin', '', 'Deux 🎉']);
  assert.equal(text, 'Zoé 😀 fin\n\nDeux 🎉');
  assert.deepEqual(pages, [
    { page: 1, start: 0, end: 9 },
    { page: 2, start: 9, end: 9 },
    { page: 3, start: 11, end: 17 },
  ]);
  assert.equal(sliceCodePoints(text, 11, 17), 'Deux 🎉');
});

test('the test PDF writer refuses characters Helvetica/WinAnsi cannot show', () => {
  assert.equal(winAnsiLiteral('é (x) \\ €'), '(\\351 \\(x\\) \\\\ \\200)');
  assert.throws(() => winAnsiLiteral('smile 😀'), /has no glyph in Helvetica\/WinAnsiEncoding/);
  assert.throws(() => makePdf([['Ελληνικά']]), RangeError);
});
