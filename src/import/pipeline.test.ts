import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/open.ts';
import type { ProjectStore, Store } from '../store/store.ts';
import { sliceCodePoints } from '../core/text/offsets.ts';
import { importFiles, type FileOutcome } from './pipeline.ts';
import { makeDocx, makeOdt, truncated, zipBomb } from '../../test/support/office-files.ts';
import { sharedPath } from '../../test/support/shared.ts';
import { makePdf } from '../../test/support/pdf-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'crosswise-import-'));
let store: Store;
let n = 0;
before(async () => {
  store = await openStore(join(dir, 'import.db'));
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function freshProject(): Promise<ProjectStore> {
  return store.createProject({ title: `Import ${++n}`, languages: ['en', 'fr'] }, { system: 'test' });
}

function folder(files: Record<string, string | Uint8Array>): string {
  const root = join(dir, `files-${++n}`);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

const byName = (outcomes: FileOutcome[], file: string) => outcomes.find((o) => o.file.endsWith(file))!;

const FRENCH = 'Enquêteur : Comment définissez-vous la traite ?\r\nRépondante : Pour moi, c’est quand une personne est recrutée et exploitée, et elle ne peut pas partir.\r\nEnquêteur : Et les besoins ?\r\nRépondante : Le logement, d’abord. Elles ont peur de la police et de l’expulsion.\r\n';

describe('importing plain text', () => {
  test('a folder of transcripts: text, turns, language, encoding and line endings are recorded', async () => {
    const project = await freshProject();
    const root = folder({
      'mtl/entrevue 02 (Montréal).txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FRENCH)]),
      'van/VAN-01.txt': 'Interviewer: What do you see?\nRespondent: Young women from the north, and the people who move them between the cities.\nInterviewer: And their needs?\nRespondent: A safe place to stay, and someone they can trust.\n',
      'notes/readme.xyz': 'not a transcript',
    });
    const outcomes = await importFiles(project, [root]);
    assert.deepEqual(outcomes.map((o) => o.status), ['imported', 'skipped', 'imported']);
    const fr = byName(outcomes, 'entrevue 02 (Montréal).txt');
    assert.equal(fr.status, 'imported');
    if (fr.status !== 'imported') return;
    assert.equal(fr.name, 'entrevue 02 (Montréal)');
    assert.equal(fr.language, 'fr');
    assert.deepEqual(fr.speakers, ['Enquêteur', 'Répondante']);
    const doc = await project.getDocument(fr.documentId);
    assert.equal(doc.text, FRENCH.replace(/\r\n/g, '\n'));
    assert.deepEqual(doc.importInfo, { format: 'text', encoding: 'utf-8', lineEndings: 'crlf', bom: true, warnings: [] });
    assert.equal(sliceCodePoints(doc.text, doc.turns[3]!.start, doc.turns[3]!.end), 'Répondante : Le logement, d’abord. Elles ont peur de la police et de l’expulsion.');
    assert.deepEqual(await project.originalBytes(doc.id), new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FRENCH)])));
    const en = byName(outcomes, 'VAN-01.txt');
    assert.equal(en.status === 'imported' && en.language, 'en');
    assert.deepEqual((await project.searchText('expulsion')).map((h) => h.name), ['entrevue 02 (Montréal)']);
  });

  test('duplicates by content are skipped, also within one batch; same names get a number', async () => {
    const project = await freshProject();
    const root = folder({ 'a/t.txt': 'Interviewer: one\nRespondent: two', 'b/t.txt': 'Interviewer: other\nRespondent: text', 'c/copy.txt': 'Interviewer: one\nRespondent: two' });
    const outcomes = await importFiles(project, [root]);
    assert.deepEqual(outcomes.map((o) => o.status), ['imported', 'imported', 'duplicate']);
    assert.deepEqual((await project.listDocuments()).map((d) => d.name).sort(), ['t', 't (2)']);
    const again = await importFiles(project, [join(root, 'a', 't.txt')]);
    assert.deepEqual(again.map((o) => o.status), ['duplicate']);
  });

  test('hostile and broken files fail with a clear reason, leave no trace, and do not stop the batch', async () => {
    const project = await freshProject();
    const utf16NoBom = Buffer.from('Interviewer: hello there, how are you today?', 'utf16le');
    const root = folder({
      '1 empty.txt': '',
      '2 utf16.txt': utf16NoBom,
      '3 binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]),
      '4 blank.txt': '   \n\n  ',
      '5 good.txt': 'Interviewer: still imported\nRespondent: yes',
      "6 odd name 'q' \"d\" é 😀.txt": 'Q: a\nA: b\nQ: c\nA: d',
      '7 latin1.txt': Buffer.from('Répondante : déjà vu', 'latin1'),
    });
    const before = (await project.changes()).length;
    const outcomes = await importFiles(project, [root, join(dir, 'missing.txt')]);
    const reasons = outcomes.map((o) => [o.file.split('/').pop(), o.status, o.status === 'failed' ? o.reason : '']);
    assert.deepEqual(reasons, [
      ['1 empty.txt', 'failed', 'the file is empty'],
      ['2 utf16.txt', 'failed', 'the file looks like UTF-16 text without a byte-order mark: save it as UTF-8 (or UTF-16 with a BOM) and import it again'],
      ['3 binary.txt', 'failed', 'the file contains binary data (zero bytes): it is not a text file'],
      ['4 blank.txt', 'failed', 'the file has no text'],
      ['5 good.txt', 'imported', ''],
      ["6 odd name 'q' \"d\" é 😀.txt", 'imported', ''],
      ['7 latin1.txt', 'imported', ''],
      ['missing.txt', 'failed', 'no such file'],
    ]);
    assert.equal((await project.listDocuments()).length, 3);
    const docs = await project.listDocuments();
    assert.equal(docs.find((d) => d.name === '7 latin1')?.importInfo.encoding, 'iso-8859-1');
    // Only the three documents were written: one change each.
    assert.equal((await project.changes()).filter((c) => c.seq > before).length, 3);
  });

  test('a 50 MB text file is refused before it is read', async () => {
    const project = await freshProject();
    const big = join(dir, 'big.txt');
    writeFileSync(big, Buffer.alloc(50 * 2 ** 20, 'a'));
    const started = Date.now();
    const [outcome] = await importFiles(project, [big]);
    assert.deepEqual(outcome, { file: big, status: 'failed', reason: 'the file is 50.0 MB, above the limit of 40.0 MB' });
    assert.ok(Date.now() - started < 2000);
    const [raised] = await importFiles(project, [big], { limits: { maxFileBytes: 60 * 2 ** 20, maxTextLength: 10 * 2 ** 20 } });
    assert.equal(raised?.status === 'failed' && raised.reason, 'the extracted text is 100.0 MB, above the limit of 20.0 MB');
    rmSync(big);
  });

  test('an unsupported file named explicitly fails and says what is supported', async () => {
    const project = await freshProject();
    const root = folder({ 'slides.pptx': 'x' });
    const [outcome] = await importFiles(project, [join(root, 'slides.pptx')]);
    assert.equal(outcome?.status, 'failed');
    assert.match(outcome?.status === 'failed' ? outcome.reason : '', /^unsupported file type "\.pptx" \(Crosswise reads .*\.txt/);
  });
});

describe('importing many files', () => {
  const transcript = (i: number) =>
    `Interviewer: What do you see at site ${i}?\nRespondent: Women recruited with promises of work, marker${i} in every story, and a need for shelter.\n`;

  test('a large folder is written in batches: every file in order, indexed for search', async () => {
    const project = await freshProject();
    const files = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`t${String(i).padStart(2, '0')}.txt`, transcript(i)]));
    files['t07.txt'] = '';
    files['t08.txt'] = transcript(3); // the same text as t03
    const outcomes = await importFiles(project, [folder(files)]);
    assert.deepEqual(outcomes.map((o) => o.file.split('/').pop()), Object.keys(files).sort());
    assert.deepEqual(outcomes.map((o) => o.status).filter((s) => s !== 'imported'), ['failed', 'duplicate']);
    const twelve = byName(outcomes, 't12.txt');
    assert.equal(twelve.status === 'imported' && (await project.getDocument(twelve.documentId)).text, transcript(12));
    // Every imported document is in the full-text index (one still waiting would be a candidate for any word).
    assert.deepEqual(await project.matchDocuments([{ text: 'marker12', prefix: false }]), [twelve.status === 'imported' ? twelve.documentId : '']);
    assert.deepEqual((await project.searchText('marker12')).map((h) => h.name), ['t12']);
    assert.equal((await project.searchText('shelter')).length, 38);
  });

  test('the full-text index trails the import by two batches at most: a slow index holds the import back, not memory', async () => {
    const project = await freshProject();
    let running = 0;
    let most = 0;
    let calls = 0;
    // The real store, with an index that takes its time: the import must wait for it rather than pile batches up.
    const slowIndex = new Proxy(project, {
      get: (target, key, receiver) =>
        key === 'indexText'
          ? async () => {
              calls++;
              most = Math.max(most, ++running);
              await new Promise((resolve) => setTimeout(resolve, 100));
              await target.indexText();
              running--;
            }
          : Reflect.get(target, key, receiver),
    });
    const files = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`s${String(i).padStart(3, '0')}.txt`, `Interviewer: question ${i}?\nRespondent: answer marker${i}.\n`]));
    const outcomes = await importFiles(slowIndex, [folder(files)]);
    assert.equal(outcomes.filter((o) => o.status === 'imported').length, 600);
    assert.equal(calls >= 3, true, `batches indexed: ${calls}`);
    assert.equal(most <= 2, true, `index runs outstanding at once: ${most}`);
    assert.equal((await project.searchText('marker599')).length, 1);
  });

  test('a document that cannot be written is undone alone: the rest of its batch lands', async () => {
    const project = await freshProject();
    const refusing = (p: ProjectStore): ProjectStore =>
      new Proxy(p, {
        get(target, key, receiver) {
          if (key === 'transaction') return (fn: (tx: ProjectStore) => Promise<unknown>) => target.transaction((tx) => fn(refusing(tx)));
          if (key === 'addDocument') {
            return async (input: Parameters<ProjectStore['addDocument']>[0]) => {
              const added = await target.addDocument(input);
              if (input.name === 't05') throw new Error('disk trouble');
              return added;
            };
          }
          return Reflect.get(target, key, receiver);
        },
      });
    const files = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`t${String(i).padStart(2, '0')}.txt`, transcript(i)]));
    const outcomes = await importFiles(refusing(project), [folder(files)]);
    assert.deepEqual(outcomes.map((o) => o.status), ['imported', 'imported', 'imported', 'imported', 'imported', 'failed', 'imported', 'imported', 'imported', 'imported']);
    assert.match(byName(outcomes, 't05.txt').status === 'failed' ? (byName(outcomes, 't05.txt') as { reason: string }).reason : '', /disk trouble/);
    assert.deepEqual((await project.listDocuments()).map((d) => d.name).sort(), ['t00', 't01', 't02', 't03', 't04', 't06', 't07', 't08', 't09']);
    assert.deepEqual(await project.searchText('marker5'), []);
  });
});

describe('attaching imported documents to cases', () => {
  test('--case, --site and typed --attr create or reuse cases in the document’s transaction', async () => {
    const project = await freshProject();
    await project.defineAttribute({ name: 'years of experience', type: 'integer' });
    const root = folder({ 'a.txt': 'Q: a\nA: b\nQ: c\nA: d', 'b.txt': 'Q: e\nA: f\nQ: g\nA: h' });
    const outcomes = await importFiles(project, [root], { caseName: 'MTL-02', siteName: 'Montreal', attributes: { 'years of experience': '10', sector: 'community' } });
    assert.deepEqual(outcomes.map((o) => o.status), ['imported', 'imported']);
    const participant = await project.findCase('Montreal/MTL-02');
    assert.deepEqual(participant.attributes, { 'years of experience': 10, sector: 'community' });
    assert.deepEqual((await project.listDocuments()).map((d) => d.caseId), [participant.id, participant.id]);
  });

  test('a bad attribute value fails the file and creates no case', async () => {
    const project = await freshProject();
    await project.defineAttribute({ name: 'years of experience', type: 'integer' });
    const root = folder({ 'a.txt': 'Q: a\nA: b\nQ: c\nA: d' });
    const [outcome] = await importFiles(project, [root], { caseName: 'P9', attributes: { 'years of experience': 'ten' } });
    assert.match(outcome?.status === 'failed' ? outcome.reason : '', /years of experience is of type integer/);
    assert.deepEqual(await project.listCases(), []);
    assert.deepEqual(await project.listDocuments(), []);
  });
});

describe('importing office documents', () => {
  test('docx and odt (generated and real) import with their speakers; bombs and broken zips leave no trace', async () => {
    const project = await freshProject();
    const good = makeDocx(['Interviewer: Où travaillez-vous ?', 'Répondante : À Montréal, dans une maison d’hébergement 😀.', 'Interviewer: Merci.', 'Répondante : De rien.']);
    const root = folder({
      'a.docx': good,
      'b.odt': makeOdt(['Q: first', 'A: second', 'Q: third', 'A: fourth']),
      'c-bomb.docx': zipBomb(),
      'd-truncated.docx': truncated(good),
      'e-text.docx': 'Interviewer: this is not a zip',
    });
    const before = await project.stats();
    const outcomes = await importFiles(project, [root, sharedPath('fixtures', 'transcripts', 'qdap', 'trans1.docx')]);
    assert.deepEqual(outcomes.map((o) => [o.file.split('/').pop(), o.status]), [
      ['a.docx', 'imported'], ['b.odt', 'imported'], ['c-bomb.docx', 'failed'], ['d-truncated.docx', 'failed'], ['e-text.docx', 'failed'], ['trans1.docx', 'imported'],
    ]);
    const reasons = outcomes.flatMap((o) => (o.status === 'failed' ? [o.reason] : []));
    assert.match(reasons[0]!, /possible zip bomb/);
    assert.match(reasons[1]!, /not a valid zip container/);
    assert.match(reasons[2]!, /not a Word \.docx file/);
    const a = outcomes[0]!;
    assert.equal(a.status === 'imported' && a.speakers.join(','), 'Interviewer,Répondante');
    const trans1 = outcomes[5]!;
    assert.equal(trans1.status === 'imported' && trans1.speakers.join(','), 'Researcher 2,Teacher 4,Multiple Students');
    assert.equal((await project.stats()).documents, before.documents + 3);
  });
});

describe('importing PDFs', () => {
  test('page boundaries are kept; encrypted and image-only PDFs fail clearly and leave no trace', async () => {
    const project = await freshProject();
    const root = folder({
      'a.pdf': makePdf([['Interviewer: Where do you work?', 'Respondent: In Montréal, at a shelter.'], ['Interviewer: Thank you.', 'Respondent: You are welcome.']]),
      'b-locked.pdf': makePdf([['Secret']], { encryptWithUserPassword: 'pw' }),
      'c-scan.pdf': makePdf([['ignored']], { imageOnly: true }),
    });
    const before = (await project.changes()).length;
    const outcomes = await importFiles(project, [root]);
    assert.deepEqual(outcomes.map((o) => o.status), ['imported', 'failed', 'failed']);
    assert.match(outcomes[1]!.status === 'failed' ? outcomes[1]!.reason : '', /password/);
    assert.match(outcomes[2]!.status === 'failed' ? outcomes[2]!.reason : '', /no text layer/);
    const a = outcomes[0]!;
    if (a.status !== 'imported') throw new Error('a.pdf was not imported');
    assert.deepEqual(a.speakers, ['Interviewer', 'Respondent']);
    const doc = await project.getDocument(a.documentId);
    assert.equal(doc.pages.length, 2);
    assert.match(sliceCodePoints(doc.text, doc.pages[1]!.start, doc.pages[1]!.end), /^Interviewer: Thank you\.\s+Respondent: You are welcome\.$/);
    assert.equal((await project.changes()).length, before + 1);
  });
});
