import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { sharedPath } from '../../test/support/shared.ts';
import { docxParagraph, docxWithBody, makeDocx, makeOdt, oleFile, truncated, zipBomb } from '../../test/support/office-files.ts';
import { codePointLength } from '../core/text/offsets.ts';
import { docxExtractor } from './docx.ts';
import { DAMAGED } from './zip.ts';
import { DEFAULT_LIMITS } from './types.ts';

const extract = (bytes: Uint8Array, limits = DEFAULT_LIMITS) => docxExtractor.extract(bytes, limits);
const textOf = async (bytes: Uint8Array) => (await extract(bytes)).text;
const fixture = (...parts: string[]) => new Uint8Array(readFileSync(sharedPath('fixtures', 'transcripts', ...parts)));

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const rels = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

test('the extractor declares its format', () => {
  assert.equal(docxExtractor.format, 'docx');
  assert.deepEqual(docxExtractor.extensions, ['docx']);
  assert.equal(docxExtractor.mediaType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
});

test('generated paragraphs come back exactly: accents, curly quotes, dashes, emoji, tabs, line breaks, spaces', async () => {
  const paragraphs = [
    'Intervieweuse : Bonjour, merci d’être là. « Ça va ? »',
    'Participant\u00a0: “Oui” – très bien… l’été dernier — déjà 🙂👩🏽‍🔬',
    'Speaker 1:\tline one\nline two\n\tindented after a break',
    '  leading and trailing spaces, and   three inside  ',
    'XML specials: <tag> & "quotes" \'apostrophes\' ]]>',
    'Ελληνικά, русский, 中文, עברית',
  ];
  const r = await extract(makeDocx(paragraphs));
  assert.equal(r.text, paragraphs.join('\n\n'));
  assert.deepEqual(r.warnings, []);
  assert.equal(r.turns, undefined);
  // Positions downstream are code points: the emoji sequence counts per code point, not per UTF-16 unit.
  assert.equal(codePointLength(r.text), [...r.text].length);
});

test('empty and blank paragraphs (spacing) do not add blank lines', async () => {
  assert.equal(await textOf(makeDocx(['', 'one', '', '', ' ', 'two', ''])), 'one\n\ntwo');
});

test('runs split mid-word, hyperlinks and insertions join; deletions, comments and footnotes are left out', async () => {
  const body =
    `<w:p><w:r><w:t>Bon</w:t></w:r><w:r><w:t>jour</w:t></w:r>${run(' ')}` +
    `<w:hyperlink r:id="rId9">${run('le lien')}</w:hyperlink>` +
    `<w:del w:id="1" w:author="A"><w:r><w:delText> supprimé</w:delText></w:r></w:del>` +
    `<w:ins w:id="2" w:author="A">${run(' ajouté')}</w:ins>` +
    `<w:commentRangeStart w:id="0"/>${run(' commenté')}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>` +
    `<w:r><w:footnoteReference w:id="1"/></w:r>${run('.')}</w:p>`;
  const docx = docxWithBody(body, {
    'word/_rels/document.xml.rels': rels(
      `<Relationship Id="rId9" Type="${REL}/hyperlink" Target="https://example.org/" TargetMode="External"/>` +
        `<Relationship Id="rId10" Type="${REL}/comments" Target="comments.xml"/>` +
        `<Relationship Id="rId11" Type="${REL}/footnotes" Target="footnotes.xml"/>`,
    ),
    'word/comments.xml': `<w:comments xmlns:w="${W_NS}"><w:comment w:id="0" w:author="Codeur"><w:p>${run('Note du codeur')}</w:p></w:comment></w:comments>`,
    'word/footnotes.xml': `<w:footnotes xmlns:w="${W_NS}"><w:footnote w:id="1"><w:p>${run('Texte de la note')}</w:p></w:footnote></w:footnotes>`,
  });
  assert.equal(await textOf(docx), 'Bonjour le lien ajouté commenté.');
});

test('a linked external image is neither fetched nor read, and the text still comes out', async () => {
  const body =
    docxParagraph('Avant l’image') +
    `<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:imagedata r:id="rId5"/></v:shape></w:pict></w:r></w:p>` +
    docxParagraph('Après l’image');
  const docx = docxWithBody(body, {
    'word/_rels/document.xml.rels': rels(`<Relationship Id="rId5" Type="${REL}/image" Target="file:///etc/passwd" TargetMode="External"/>`),
  });
  assert.equal(await textOf(docx), 'Avant l’image\n\nAprès l’image');
});

test('a table is one block: cells apart by tabs, rows by line breaks', async () => {
  const cell = (...paragraphs: string[]) => `<w:tc>${paragraphs.map(docxParagraph).join('')}</w:tc>`;
  const body =
    docxParagraph('Avant le tableau') +
    `<w:tbl><w:tr>${cell('Locuteur')}${cell('Texte')}</w:tr>` +
    `<w:tr>${cell('Intervieweur')}${cell('Première phrase.', 'Deuxième phrase.')}</w:tr>` +
    `<w:tr>${cell('')}${cell('')}</w:tr>` +
    `<w:tr>${cell('Participante')}${cell('Oui\tnon')}</w:tr></w:tbl>` +
    docxParagraph('Après');
  assert.equal(
    await textOf(docxWithBody(body)),
    'Avant le tableau\n\nLocuteur\tTexte\nIntervieweur\tPremière phrase. Deuxième phrase.\nParticipante\tOui non\n\nAprès',
  );
});

test('qdap trans1–3: speaker labels, tabs, curly quotes, en and em dashes, ellipsis, in order', async () => {
  const t1 = await textOf(fixture('qdap', 'trans1.docx'));
  const paragraphs = t1.split('\n\n');
  assert.equal(paragraphs.length, 7);
  assert.equal(paragraphs[0], 'Researcher 2:\tOctober 7, 1892.  ');
  assert.equal(paragraphs[1], 'Teacher 4:\tStudents it’s time to learn.  ');
  assert.equal(paragraphs[2], '[Student discussion; unintelligible]');
  assert.equal(paragraphs[3], 'Multiple Students:\tYes teacher we‘re ready to learn.  ');
  assert.equal(paragraphs[4], '[Cross Talk 3:00]');
  assert.ok(paragraphs[5]!.startsWith('Teacher 4:\tLet\'s read this terrific book together.  It\'s called Moo Baa La La La and – what was I going to …  Oh yes — The story'));
  assert.ok(paragraphs[6]!.startsWith('“A cow says Moo.'));
  assert.ok(paragraphs[6]!.endsWith('What do you say? ”'));

  // trans2 has the company line in the body; trans3 uses "Speaker -" separators.
  const t2 = await textOf(fixture('qdap', 'trans2.docx'));
  assert.ok(t2.startsWith('Joe Transcribing Company,  Only the best since 2011\n\nResearcher 2:\tOctober 7, 1892.'));
  assert.equal(t2.split('\n\n').length, 8);
  assert.equal(t2.split('\n\n').slice(1).join('\n\n'), t1);
  const t3 = await textOf(fixture('qdap', 'trans3.docx'));
  assert.equal(t3, t1.replace(/^(Researcher 2|Teacher 4|Multiple Students):/gm, '$1-'));
});

test('QualCoder ID1.docx: three paragraphs of a course statement, with the euro sign', async () => {
  const text = await textOf(fixture('qualcoder-examples', 'ID1.docx'));
  const paragraphs = text.split('\n\n');
  assert.equal(paragraphs.length, 3);
  assert.ok(paragraphs[0]!.startsWith('I really like learning new things. I think this course is good for me'));
  assert.ok(paragraphs[1]!.includes('its like a duck to water for me - no problem at all.'));
  assert.ok(paragraphs[2]!.endsWith('I\'m happy to pay €200.'));
});

test('a zip bomb named .docx is refused before mammoth sees it', async () => {
  await assert.rejects(extract(zipBomb()), { message: 'the file expands to more than 200.0 MB (possible zip bomb)' });
  await assert.rejects(extract(zipBomb({ lie: true }), { ...DEFAULT_LIMITS, maxUnzippedBytes: 20 * 2 ** 20, maxZipRatio: 1e6 }), {
    message: 'the file expands to more than 20.0 MB (possible zip bomb)',
  });
});

test('a truncated .docx is reported as damaged', async () => {
  const docx = makeDocx(['Une réponse assez longue. '.repeat(50)]);
  await assert.rejects(extract(truncated(docx)), { message: DAMAGED });
  await assert.rejects(extract(truncated(docx, docx.length - 10)), { message: DAMAGED });
});

test('a .docx that is really plain text says so', async () => {
  await assert.rejects(extract(strToU8('Interviewer: Hello.\n\nParticipant: Hi.\n')), {
    message: 'not a Word .docx file (it is not a zip container): if it is plain text, rename it to .txt; otherwise open it in Word and save it as .docx',
  });
  await assert.rejects(extract(new Uint8Array(0)), { message: 'the file is empty (0 bytes)' });
});

test('an OLE compound file (old .doc, or a password-protected document) is refused with what to do', async () => {
  await assert.rejects(extract(oleFile()), { message: 'encrypted or old-format .doc file: save it as .docx without a password' });
});

test('an empty document has no text', async () => {
  await assert.rejects(extract(makeDocx([])), { message: 'the document has no text (it is empty or holds only images)' });
  await assert.rejects(extract(makeDocx(['', ' \t '])), /no text/);
});

test('zips that are not Word documents: an .odt, a random zip, broken XML, a DTD', async () => {
  await assert.rejects(extract(makeOdt(['Bonjour'])), { message: 'this is an OpenDocument file, not a Word .docx: if it is a text document, rename it to .odt' });
  await assert.rejects(extract(zipSync({ 'notes.txt': strToU8('hello') })), /not a Word \.docx file: the zip container has no word\/document\.xml/);
  const broken = docxWithBody('', { 'word/document.xml': '<w:document xmlns:w="x"><w:body><w:p>' });
  await assert.rejects(extract(broken), /the Word document is damaged and could not be read/);
  const laughs =
    '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
    `<w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
  await assert.rejects(extract(docxWithBody('', { 'word/document.xml': laughs })), /contains a DTD/);
});

test('text longer than the limit is refused', async () => {
  await assert.rejects(extract(makeDocx(['x'.repeat(200)]), { ...DEFAULT_LIMITS, maxTextLength: 100 }), /longer than the 100 characters allowed/);
});

test('many small documents extract exactly, one after another', async () => {
  for (let i = 0; i < 50; i++) {
    const paragraphs = Array.from({ length: 40 }, (_, n) => `Speaker ${n % 2 ? 'B' : 'A'}: réponse ${i}.${n} avec “guillemets” – et un tiret.`);
    assert.equal(await textOf(makeDocx(paragraphs)), paragraphs.join('\n\n'));
  }
});
