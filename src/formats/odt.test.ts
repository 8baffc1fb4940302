import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { strToU8 } from 'fflate';
import { sharedPath } from '../../test/support/shared.ts';
import { makeDocx, makeOdt, odtParagraph, odtWithBody, oleFile, truncated, zipBomb } from '../../test/support/office-files.ts';
import { decodeXmlText, odtExtractor } from './odt.ts';
import { DAMAGED } from './zip.ts';
import { DEFAULT_LIMITS } from './types.ts';

const extract = (bytes: Uint8Array, limits = DEFAULT_LIMITS) => odtExtractor.extract(bytes, limits);
const textOf = async (bytes: Uint8Array) => (await extract(bytes)).text;
const bodyText = (xml: string) => textOf(odtWithBody(xml));

test('the extractor declares its format', () => {
  assert.equal(odtExtractor.format, 'odt');
  assert.deepEqual(odtExtractor.extensions, ['odt']);
  assert.equal(odtExtractor.mediaType, 'application/vnd.oasis.opendocument.text');
});

test('generated paragraphs come back exactly: accents, curly quotes, dashes, emoji, tabs, line breaks, spaces', async () => {
  const paragraphs = [
    'Intervieweuse : Bonjour, merci d’être là. « Ça va ? »',
    'Participant\u00a0: “Oui” – très bien… l’été dernier — déjà 🙂👩🏽‍🔬',
    'Speaker 1:\tline one\nline two\n\tindented after a break',
    '  leading and trailing spaces, and   three inside  ',
    'XML specials: <tag> & "quotes" \'apostrophes\' ]]>',
    'a \tb \nc',
  ];
  const r = await extract(makeOdt(paragraphs));
  assert.equal(r.text, paragraphs.join('\n\n'));
  assert.deepEqual(r.warnings, []);
});

test('white space in the XML collapses as ODF says; <text:s>, tabs and breaks are kept', async () => {
  const xml = `
    <text:h text:outline-level="1">
      Titre   de la
      section
    </text:h>
    <text:p>un<text:s text:c="3"/>deux <text:s/>trois<text:tab/>quatre<text:line-break/> cinq </text:p>
    <text:p><text:s/>indenté</text:p>
    <text:p>   </text:p>
    <text:p><text:span>span </text:span> <text:span> après</text:span><text:span><text:span>imbriqué</text:span></text:span></text:p>`;
  assert.equal(await bodyText(xml), 'Titre de la section\n\nun   deux  trois\tquatre\n cinq\n\n indenté\n\nspan aprèsimbriqué');
});

test('spans, links, fields and soft page breaks are inline; headings and list items are paragraphs in order', async () => {
  const xml =
    '<text:h text:outline-level="1">Entretien 3</text:h>' +
    '<text:p>Voir <text:a xlink:href="https://example.org" xmlns:xlink="http://www.w3.org/1999/xlink">le site</text:a>, ' +
    'page <text:page-number>2</text:page-number><text:soft-page-break/>.</text:p>' +
    '<text:list><text:list-item><text:p>premier</text:p></text:list-item>' +
    '<text:list-item><text:p>second</text:p><text:list><text:list-item><text:p>imbriqué</text:p></text:list-item></text:list></text:list-item>' +
    '<text:list-header><text:p>en-tête</text:p></text:list-header></text:list>' +
    '<text:section text:name="S"><text:p>dans une section</text:p></text:section>';
  assert.equal(
    await bodyText(xml),
    'Entretien 3\n\nVoir le site, page 2.\n\npremier\n\nsecond\n\nimbriqué\n\nen-tête\n\ndans une section',
  );
});

test('tables: cells apart by tabs, rows by line breaks, header rows first, merged-away cells empty', async () => {
  const cell = (...ps: string[]) => `<table:table-cell>${ps.map(odtParagraph).join('')}</table:table-cell>`;
  const xml =
    odtParagraph('Avant') +
    '<table:table table:name="T"><table:table-column table:number-columns-repeated="2"/>' +
    `<table:table-header-rows><table:table-row>${cell('Locuteur')}${cell('Texte')}</table:table-row></table:table-header-rows>` +
    `<table:table-row>${cell('A')}${cell('Un.', 'Deux.')}</table:table-row>` +
    `<table:table-row>${cell('')}<table:covered-table-cell/></table:table-row>` +
    `<table:table-row>${cell('B')}${cell('oui\tnon')}</table:table-row></table:table>` +
    odtParagraph('Après');
  assert.equal(await bodyText(xml), 'Avant\n\nLocuteur\tTexte\nA\tUn. Deux.\nB\toui non\n\nAprès');
});

test('annotations, notes, tracked deletions, drawings and a table of contents are not text', async () => {
  const xml =
    '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><office:change-info><dc:creator>A</dc:creator></office:change-info>' +
    '<text:p>texte supprimé</text:p></text:deletion></text:changed-region></text:tracked-changes>' +
    '<text:table-of-content><text:index-body><text:p>Entretien ...... 1</text:p></text:index-body></text:table-of-content>' +
    '<text:p>Avant<text:change text:change-id="c1"/> <text:change-start text:change-id="c2"/>ajouté<text:change-end text:change-id="c2"/>' +
    '<office:annotation><dc:creator>Codeur</dc:creator><text:p>commentaire du codeur</text:p></office:annotation> fin' +
    '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>note</text:p></text:note-body></text:note>' +
    '<draw:frame><draw:text-box><text:p>boîte</text:p></draw:text-box></draw:frame>.</text:p>';
  assert.equal(await bodyText(xml), 'Avant ajouté fin.');
});

test('the five XML entities and character references decode once; nothing else does', async () => {
  assert.equal(await bodyText('<text:p>&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#8364; &#x1F642; &amp;#38; &nbsp;</text:p>'), '<a> & "b" \'c\' € 🙂 &#38; &nbsp;');
  assert.equal(await bodyText('<text:p>cdata: <![CDATA[<b> &amp;]]></text:p>'), 'cdata: <b> &amp;');
  assert.equal(decodeXmlText('&#x110000; &#65;'), '&#x110000; A');
});

test('QualCoder ID2.odt: three paragraphs, the euro sign across spans, the placeholder name', async () => {
  const text = await textOf(new Uint8Array(readFileSync(sharedPath('fixtures', 'transcripts', 'qualcoder-examples', 'ID2.odt'))));
  const paragraphs = text.split('\n\n');
  assert.equal(paragraphs.length, 3);
  assert.ok(paragraphs[0]!.startsWith('I have not studied much before, but my father Joe Bloggs really encouraged me to study again.'));
  assert.ok(paragraphs[0]!.endsWith('searching the web did not help.'));
  assert.equal(paragraphs[1], 'I really want someone to sit down with me and explain the course material.');
  // The file has "€" and "200.00" in adjacent spans, with no space between them.
  assert.equal(paragraphs[2], 'The course cost €200.00 and I do not want to waste my money.');
});

test('a zip bomb named .odt is refused', async () => {
  await assert.rejects(extract(zipBomb({ name: 'content.xml' })), { message: 'the file expands to more than 200.0 MB (possible zip bomb)' });
  await assert.rejects(extract(zipBomb({ name: 'content.xml', lie: true }), { ...DEFAULT_LIMITS, maxZipRatio: 5 }), {
    message: 'the file has a compression ratio above 5:1 (possible zip bomb)',
  });
});

test('truncated, plain-text, OLE and empty files', async () => {
  const odt = makeOdt(['Une réponse assez longue. '.repeat(50)]);
  await assert.rejects(extract(truncated(odt)), { message: DAMAGED });
  await assert.rejects(extract(strToU8('Interviewer: Hello.')), /not an OpenDocument \.odt file \(it is not a zip container\): if it is plain text, rename it to \.txt/);
  await assert.rejects(extract(oleFile()), /Microsoft Office binary file/);
  await assert.rejects(extract(new Uint8Array(0)), { message: 'the file is empty (0 bytes)' });
  await assert.rejects(extract(makeOdt([])), { message: 'the document has no text (it is empty or holds only images)' });
  await assert.rejects(extract(makeOdt(['  ', '\t'])), /no text/);
});

test('other packages: a spreadsheet, a .docx, a password-protected document, no mimetype, a DTD, broken XML', async () => {
  await assert.rejects(
    extract(makeOdt(['x'], { mimetype: 'application/vnd.oasis.opendocument.spreadsheet' })),
    /not an OpenDocument text: the file says it is "application\/vnd\.oasis\.opendocument\.spreadsheet"/,
  );
  await assert.rejects(extract(makeDocx(['x'])), { message: 'this is a Word .docx file, not an .odt: rename it to .docx' });
  const encrypted = makeOdt(['secret'], {
    manifestExtra: '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>',
  });
  await assert.rejects(extract(encrypted), /the document is password-protected: open it in LibreOffice, save a copy without a password/);
  // The mimetype entry is recommended, not required.
  assert.equal(await textOf(makeOdt(['sans mimetype'], { mimetype: null })), 'sans mimetype');
  assert.equal(await textOf(makeOdt(['modèle'], { mimetype: 'application/vnd.oasis.opendocument.text-template' })), 'modèle');
  const laughs =
    '<?xml version="1.0"?><!DOCTYPE office:document-content [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>' +
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">' +
    '<office:body><office:text><text:p>&b;</text:p></office:text></office:body></office:document-content>';
  await assert.rejects(extract(makeOdt([], { extraParts: { 'content.xml': laughs } })), /contains a DTD/);
  const spreadsheet = '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body><office:spreadsheet/></office:body></office:document-content>';
  await assert.rejects(extract(makeOdt([], { extraParts: { 'content.xml': spreadsheet } })), /not an OpenDocument text: content\.xml has no text body/);
  for (const broken of ['<a></b>', '<office:document-content><office:body>', '']) {
    await assert.rejects(extract(makeOdt([], { extraParts: { 'content.xml': broken } })), /content\.xml is not valid XML/);
  }
});

test('huge <text:s> counts cannot build more text than the limit', async () => {
  const limits = { ...DEFAULT_LIMITS, maxTextLength: 1000 };
  const many = '<text:p>' + '<text:s text:c="999999999"/>'.repeat(1000) + 'x</text:p>';
  await assert.rejects(extract(odtWithBody(many), limits), /longer than the 1000 characters allowed/);
  assert.equal(await textOf(odtWithBody('<text:p>a<text:s text:c="-4"/>b<text:s text:c="abc"/>c</text:p>')), 'a b c');
});
