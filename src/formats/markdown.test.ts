import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedPath } from '../../test/support/shared.ts';
import { inlineText, markdownExtractor, markdownToText } from './markdown.ts';
import { DEFAULT_LIMITS } from './types.ts';

const extract = (bytes: Uint8Array, limits = DEFAULT_LIMITS) => markdownExtractor.extract(bytes, limits);
const utf8 = (s: string) => new TextEncoder().encode(s);
const md = (...lines: string[]) => markdownToText(lines.join('\n'));

test('the extractor declares its format', () => {
  assert.equal(markdownExtractor.format, 'markdown');
  assert.deepEqual(markdownExtractor.extensions, ['md', 'markdown']);
  assert.equal(markdownExtractor.mediaType, 'text/markdown');
});

test('a transcript in Markdown: markup goes, words, lines and paragraphs stay', async () => {
  const source = [
    '# Entretien n°3 — *pilote* #',
    '',
    '**Interviewer:** Bonjour _Amélie_, ça va ?',
    '**Amélie:** Très bien 😀, merci.  ',
    'Une deuxième ligne.',
    '',
    '',
    '**Interviewer:** Et [le projet](https://example.invalid/p "Projet")?',
  ].join('\n');
  const r = await extract(utf8(source));
  assert.equal(
    r.text,
    'Entretien n°3 — pilote\n\nInterviewer: Bonjour Amélie, ça va ?\nAmélie: Très bien 😀, merci.\nUne deuxième ligne.\n\nInterviewer: Et le projet?',
  );
  assert.equal(r.encoding, 'utf-8');
  assert.equal(r.bom, false);
  assert.deepEqual(r.warnings, []);
});

test('headings: ATX with or without closing hashes, setext underlines; #hashtags are text', () => {
  assert.equal(md('# One', '## Two ##', '###### Six', '#hashtag stays'), 'One\n\nTwo\n\nSix\n\n#hashtag stays');
  assert.equal(md('Title', '=====', 'Subtitle', '---', 'body'), 'Title\n\nSubtitle\n\nbody');
  assert.equal(md('# Learning C#', '## Closed ##   ', '#', '# ###'), 'Learning C#\n\nClosed');
});

test('emphasis and strikethrough lose their markers; intraword underscores and lone stars stay', () => {
  assert.equal(inlineText('**bold** *it* ***both*** __under__ _u_ ~~struck~~'), 'bold it both under u struck');
  assert.equal(inlineText('**bold with *nested* italics**'), 'bold with nested italics');
  assert.equal(inlineText('snake_case_name and 2 * 3 * 4 and a*b'), 'snake_case_name and 2 * 3 * 4 and a*b');
  assert.equal(inlineText('_début_ et _fin_'), 'début et fin');
  // Unbalanced runs keep what is left over; flanking rules decide who opens and closes.
  assert.equal(inlineText('**bold* and *it** ~one~ ~~~three~~~'), 'bold and it one ~~~three~~~');
  assert.equal(inlineText('**bold* alone'), '*bold alone');
  assert.equal(inlineText('*outer _inner* still_'), 'outer _inner still_');
  assert.equal(inlineText('file_name_v2.txt and __init__ and 5*3*2'), 'file_name_v2.txt and init and 532');
});

test('code spans keep their content verbatim; escapes give the literal character', () => {
  assert.equal(inlineText('run `npm *test*` now'), 'run npm *test* now');
  assert.equal(inlineText('``a ` b`` and ` `` `'), 'a ` b and ``');
  assert.equal(inlineText(String.raw`\*not emphasis\* \[not a link\](x) \_x\_ a\\b`), '*not emphasis* [not a link](x) _x_ a\\b');
  assert.equal(inlineText('unclosed `tick'), 'unclosed `tick');
});

test('links become their text, images their alt text; undefined references stay as written', () => {
  const defs = new Set(['r1', 'logo']);
  assert.equal(inlineText('[un lien](https://example.invalid/a_(b)_c "titre") fin', defs), 'un lien fin');
  assert.equal(inlineText('![photo du site](img.png) et ![](empty.png)'), 'photo du site et ');
  assert.equal(inlineText('[![logo](l.png)](https://example.invalid/)'), 'logo');
  assert.equal(inlineText('[ref][r1], [R1][], [r1] et ![logo]', defs), 'ref, R1, r1 et logo');
  assert.equal(inlineText('[inaudible] [crosstalk][laughs] [pause] (silence)', defs), '[inaudible] [crosstalk][laughs] [pause] (silence)');
  assert.equal(inlineText('<https://example.invalid/x_y_z> <mailto:ana@example.invalid> <bo@example.invalid>'), 'https://example.invalid/x_y_z ana@example.invalid bo@example.invalid');
  assert.equal(inlineText('[spaces](<a b.html>)'), 'spaces');
});

test('inline HTML: tags dropped, <br> breaks the line, comments and entities handled', () => {
  assert.equal(md('a <span class="x">b</span> <!-- note --> c<br>d &amp; &eacute; &#x1F600; 3 < 4'), 'a b c\nd & é 😀 3 < 4');
});

test('link reference definitions and front matter are not text', () => {
  assert.equal(md('---', 'title: SECRET', 'author: SECRET', 'tags:', '  - SECRET', '---', 'See [the site][s].', '', '[s]: https://example.invalid/ "SECRET"'), 'See the site.');
  assert.equal(md('+++', 'title = "SECRET"', '+++', 'toml'), 'toml');
  // A document that starts with a rule keeps its text: only metadata-like lines are front matter.
  assert.equal(md('---', 'Interviewer: hello.', 'Participant: hi!', '---', 'Body'), 'Interviewer: hello.\nParticipant: hi!\n\nBody');
  // A rule later in the document is not front matter.
  assert.equal(md('text', '', '---', '', 'more'), 'text\n\nmore');
});

test('blockquotes lose their markers, nested ones too', () => {
  assert.equal(md('> Citation **importante**', '> > imbriquée', '>', '> second paragraphe', '> - item'), 'Citation importante\nimbriquée\n\nsecond paragraphe\n- item');
});

test('lists: bullets become "- ", numbers stay, nesting kept; thematic breaks separate', () => {
  const source = md('Intro:', '* un', '+ deux', '  - imbriqué **gras**', '1. premier', '2) second', '- [ ] tâche', '', '***', '', '10. dix');
  assert.equal(source, 'Intro:\n- un\n- deux\n  - imbriqué gras\n1. premier\n2. second\n- [ ] tâche\n\n10. dix');
  // List continuation lines are text, not code.
  assert.equal(md('- item', '', '    continued paragraph'), '- item\n\ncontinued paragraph');
});

test('tables: rows of tab-separated cells, the delimiter row dropped', () => {
  const t = md('| Locuteur | Texte |', '|:--|--:|', '| Ana | Oui \\| *non* |', '| Bo | `a|b` |', '', 'after');
  assert.equal(t, 'Locuteur\tTexte\nAna\tOui | non\nBo\ta|b\n\nafter');
  assert.equal(md('a | b', '--- | ---', '1 | 2'), 'a\tb\n1\t2');
});

test('code: fenced and indented blocks are kept as written, blank lines included', () => {
  const t = md('```js', 'const x = 1;', '', '  indented(*not emph*)', '```', '', '~~~', '# not a heading', '~~~', '', '    indented *raw*', '    second', 'after');
  assert.equal(t, 'const x = 1;\n\n  indented(*not emph*)\n\n# not a heading\n\nindented *raw*\nsecond\n\nafter');
  // An unclosed fence runs to the end.
  assert.equal(md('```', 'code *x*'), 'code *x*');
});

test('HTML comments over several lines are dropped', () => {
  assert.equal(md('before <!-- one', 'SECRET', 'end --> after', '', '<!--', 'SECRET', '-->', 'last'), 'before\nafter\n\nlast');
});

test('BOM, CRLF and a legacy encoding are tolerated', async () => {
  const r = await extract(utf8('\ufeff---\r\ndate: 2024-03-04\r\n---\r\n# Titre\r\n\r\n*Zoé*\r\nligne'));
  assert.equal(r.text, 'Titre\n\nZoé\nligne');
  assert.equal(r.bom, true);
  assert.deepEqual(r.warnings, ['the front matter (metadata at the top of the file) was left out']);
  const legacy = await extract(Uint8Array.from('Zo\xe9 \x93ok\x94', (c) => c.charCodeAt(0)));
  assert.equal(legacy.text, 'Zoé “ok”');
  assert.equal(legacy.encoding, 'windows-1252');
  assert.match(legacy.warnings[0]!, /not UTF-8/);
});

test('limits and binary data', async () => {
  await assert.rejects(extract(utf8('# x'), { ...DEFAULT_LIMITS, maxFileBytes: 2 }), /more than the 0\.0 MB allowed/);
  await assert.rejects(extract(utf8('a longer text'), { ...DEFAULT_LIMITS, maxTextLength: 5 }), /longer than the 5 characters/);
  await assert.rejects(extract(new Uint8Array([0x23, 0, 0, 1, 2, 0x89, 0x50, 0x4e])), /binary data/);
});

test('a 1 MB document is read quickly', async () => {
  const lines: string[] = [];
  let size = 0;
  let n = 0;
  while (size < 2 ** 20) {
    const p = `**Speaker ${n % 2 ? 'A' : 'B'}:** réponse _numéro_ ${n}, avec [un lien](https://example.invalid/${n}) et \`du code\` 😀.\n`;
    lines.push(p);
    size += p.length;
    n++;
  }
  const r = await extract(utf8(lines.join('\n')));
  const paragraphs = r.text.split('\n\n');
  assert.equal(paragraphs.length, n);
  assert.equal(paragraphs[1], 'Speaker A: réponse numéro 1, avec un lien et du code 😀.');
});

test("QualCoder's example transcript read as Markdown: plain paragraphs and [id] tags are kept", async () => {
  const bytes = readFileSync(sharedPath('fixtures', 'transcripts', 'qualcoder-examples', 'transcript.txt'));
  const r = await extract(new Uint8Array(bytes));
  assert.equal(r.text, bytes.toString('utf8').trim());
  const paragraphs = r.text.split('\n\n');
  assert.equal(paragraphs.length, 7);
  assert.equal(paragraphs.filter((p) => p.startsWith('[id1] ')).length, 3);
  assert.equal(paragraphs[4], "[id3] yes, I am learning a lot as well. It's a good course overall");
});

test('pathological lines finish quickly (no backtracking)', () => {
  const lines = [
    '*a '.repeat(40_000),
    '_x '.repeat(40_000),
    '<!--'.repeat(40_000),
    `# ${' '.repeat(100_000)}x`,
    `#${'#'.repeat(5)} ${'#'.repeat(100_000)}x`,
    '['.repeat(50_000) + '](' .repeat(50_000),
    `<a ${'"'.repeat(50_000)}`,
    '`'.repeat(30_000) + 'x' + '``'.repeat(10_000),
    `a${' '.repeat(100_000)}b`,
    `-${' '.repeat(100_000)}x`,
    `---${' '.repeat(100_000)}x`,
    `[a]: ${'x'.repeat(100_000)} y`,
    `|${'---|'.repeat(30_000)}x`,
  ];
  for (const line of lines) {
    const started = performance.now();
    markdownToText(line);
    const elapsed = performance.now() - started;
    // Backtracking on 100 000 characters would take minutes; linear parsing takes milliseconds.
    assert.ok(elapsed < 5000, `${line.slice(0, 10)}… took ${elapsed.toFixed(0)} ms`);
  }
});
