// The behaviour every Store adapter must have. Each adapter's test file calls
// storeContract() with a way to get a fresh, empty database location.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sliceCodePoints } from '../../core/text/offsets.ts';
import { connectRaw } from '../open.ts';
import { migrate } from '../sql/migrate.ts';
import { MIGRATIONS } from '../migrations/index.ts';
import type { ProjectStore } from '../store.ts';
import { editingContract } from './editing-contract.ts';
import { frameworkContract } from './framework-contract.ts';
import { needsContract } from './needs-contract.ts';
import { searchContract } from './search-contract.ts';
import { rangeOf, seed, system, TEXT, withStore } from './fixtures.ts';

export function storeContract(adapter: string, freshLocation: () => Promise<string>): void {
  editingContract(adapter, freshLocation);
  describe(`store contract: ${adapter}`, () => {
    test('a new database is at the latest schema and has no projects', async () => {
      await withStore(await freshLocation(), async (store) => {
        assert.equal(await store.schemaVersion(), MIGRATIONS.at(-1)!.version);
        assert.deepEqual(await store.listProjects(), []);
        await assert.rejects(store.openProject('anything', system), /has no project yet/);
      });
    });

    test('projects are found by id or title and titles are unique', async () => {
      await withStore(await freshLocation(), async (store) => {
        const p = await store.createProject(
          { title: 'Trafficking study', objectives: ['Understand needs'], definitions: [{ term: 'trafficking', definition: 'recruitment … for exploitation' }], languages: ['en', 'fr'] },
          system,
        );
        const project = await (await store.openProject('TRAFFICKING STUDY', system)).get();
        assert.equal(project.id, p.id);
        assert.deepEqual(project.objectives, ['Understand needs']);
        assert.deepEqual(project.languages, ['en', 'fr']);
        assert.equal((await store.openProject(p.id, system)).id, p.id);
        await assert.rejects(store.createProject({ title: 'trafficking study' }, system), /already exists/);
        await assert.rejects(store.openProject('Other', system), /no project "Other"/);
      });
    });

    test('a project whose initial content fails is not created at all', async () => {
      await withStore(await freshLocation(), async (store) => {
        await assert.rejects(
          store.createProject({ title: 'Half' }, system, async (p) => {
            await p.createCode({ name: 'Kept?' });
            throw new Error('import failed');
          }),
          /import failed/,
        );
        assert.deepEqual(await store.listProjects(), []);
      });
    });

    test('documents keep their exact text, original bytes and SHA-256', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, doc, bytes } = await seed(store);
        const full = await p.getDocument(doc.id);
        assert.equal(full.text, TEXT);
        assert.equal(full.length, [...TEXT].length);
        assert.equal(full.original?.sha256, createHash('sha256').update(bytes).digest('hex'));
        assert.equal(full.original?.size, bytes.byteLength);
        assert.deepEqual(await p.originalBytes(doc.id), bytes);
        assert.equal((await p.findDocumentBySha256(full.original!.sha256))?.id, doc.id);
        // Bytes equal to the text in UTF-8 are rebuilt from it; others (here a BOM) are stored.
        const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('With a BOM')]);
        const withBom = await p.addDocument({ name: 'bom', text: 'With a BOM', original: { filename: 'b.txt', mediaType: 'text/plain', bytes: bom } });
        assert.deepEqual(await p.originalBytes(withBom.id), bom);
        const raw = await connectRaw(store.location);
        try {
          const stored = await raw.db.selectFrom('document_originals').select('document_id').execute();
          assert.deepEqual(stored.map((r) => r.document_id), [withBom.id]);
        } finally {
          await raw.db.destroy();
        }
        await assert.rejects(
          p.addDocument({ name: 'again', text: TEXT, original: { filename: 'x.txt', mediaType: 'text/plain', bytes } }),
          /already in the project as "MTL-02 interview"/,
        );
        // A name taken is refused, or numbered when asked; a hash the caller computed is kept as given.
        await assert.rejects(p.addDocument({ name: 'bom', text: 'x' }), /a document named "bom" already exists/);
        const given = createHash('sha256').update('numbered').digest('hex');
        const numbered = await p.addDocument({ name: 'bom', text: 'numbered', numberTakenName: true, original: { filename: 'n.txt', mediaType: 'text/plain', bytes: new TextEncoder().encode('numbered'), sha256: given.toUpperCase() } });
        assert.equal(numbered.name, 'bom (2)');
        assert.equal(numbered.original?.sha256, given);
        assert.equal((await p.addDocument({ name: ' bom ', text: 'three', numberTakenName: true })).name, 'bom (3)');
        await assert.rejects(p.addDocument({ name: 'bad turns', text: 'abc', turns: [{ speaker: 'A', start: 0, end: 9 }] }), /outside the text/);
        await assert.rejects(p.addDocument({ name: 'bad pages', text: 'abc', pages: [{ page: 1, start: 2, end: 1 }] }), /page 1 \(2\.\.1\) is outside/);
        const paged = await p.addDocument({
          name: 'paged',
          text: 'page one\n\npage two',
          pages: [{ page: 1, start: 0, end: 8 }, { page: 2, start: 10, end: 18 }],
          turns: [{ speaker: 'Q', start: 0, end: 8, startMs: 1500 }],
          importInfo: { format: 'pdf', warnings: ['page 3 was empty'] },
        });
        const pagedFull = await p.getDocument(paged.id);
        assert.deepEqual(pagedFull.pages, [{ page: 1, start: 0, end: 8 }, { page: 2, start: 10, end: 18 }]);
        assert.deepEqual(pagedFull.turns, [{ speaker: 'Q', start: 0, end: 8, startMs: 1500 }]);
        assert.deepEqual(paged.importInfo, { format: 'pdf', warnings: ['page 3 was empty'] });
        assert.deepEqual(full.importInfo, {});
        assert.equal((await p.findDocument('paged')).id, paged.id);
        await p.transaction(async () => undefined);
        assert.deepEqual((await p.listDocuments()).map((d) => d.name), ['MTL-02 interview', 'bom', 'bom (2)', 'bom (3)', 'paged']);
      });
    });

    test('codings store code-point ranges with their quote, overlapping and nested', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, luc, fear, shelter, doc } = await seed(store);
        const outer = rangeOf(TEXT, 'Women arrive with nothing; the fear of deportation keeps them silent.');
        const inner = rangeOf(TEXT, 'fear of deportation');
        const a = await p.applyCode({ documentId: doc.id, ...outer, codeId: shelter.id, coderId: amira.id });
        const b = await p.applyCode({ documentId: doc.id, ...inner, codeId: fear.id, coderId: amira.id });
        const c = await p.applyCode({ documentId: doc.id, ...inner, codeId: fear.id, coderId: luc.id });
        assert.equal(b.quote.exact, 'fear of deportation');
        assert.equal(sliceCodePoints(TEXT, b.start, b.end), 'fear of deportation');
        assert.equal(b.quote.prefix.endsWith('nothing; the '), true);
        assert.equal(c.segmentId, b.segmentId, 'the same range is one segment');
        const again = await p.applyCode({ documentId: doc.id, ...inner, codeId: fear.id, coderId: luc.id });
        assert.equal(again.id, c.id, 'coding the same thing twice is a no-op');
        assert.equal((await p.listCodings()).length, 3);
        assert.deepEqual((await p.listCodings({ coderId: luc.id })).map((k) => k.id), [c.id]);
        assert.deepEqual((await p.listCodings({ codeId: shelter.id })).map((k) => k.id), [a.id]);
        // The emoji before the text must not shift positions.
        const emojiRange = rangeOf(TEXT, '👩‍👩‍👧');
        const e = await p.applyCode({ documentId: doc.id, ...emojiRange, codeId: fear.id, coderId: luc.id });
        assert.equal(e.end - e.start, 5);
        assert.equal(e.quote.exact, '👩‍👩‍👧');
      });
    });

    test('bad codings are refused and leave nothing behind', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, fear, obstacles, doc } = await seed(store);
        const before = await p.stats();
        const changes = (await p.changes()).length;
        await assert.rejects(p.applyCode({ documentId: doc.id, start: 10, end: doc.length + 1, codeId: fear.id, coderId: amira.id }), /outside/);
        await assert.rejects(p.applyCode({ documentId: doc.id, start: 5, end: 5, codeId: fear.id, coderId: amira.id }), /empty/);
        await assert.rejects(p.applyCode({ documentId: doc.id, start: 0, end: 5, codeId: obstacles.id, coderId: amira.id }), /is a category/);
        await assert.rejects(p.applyCode({ documentId: doc.id, start: 0, end: 5, codeId: 'Nope', coderId: amira.id }), /no code "Nope"/);
        await assert.rejects(p.applyCode({ documentId: 'missing', start: 0, end: 5, codeId: fear.id, coderId: amira.id }), /no document/);
        await assert.rejects(p.applyCode({ documentId: doc.id, start: 0, end: 5, codeId: fear.id, coderId: 'ghost' }), /no user or coder "ghost"/);
        assert.deepEqual(await p.stats(), before);
        assert.equal((await p.changes()).length, changes);
      });
    });

    test('removing the last coding of a segment removes the segment', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, fear, doc } = await seed(store);
        const k = await p.applyCode({ documentId: doc.id, start: 0, end: 11, codeId: fear.id, coderId: amira.id });
        assert.equal((await p.stats()).segments, 1);
        await p.removeCoding(k.id);
        assert.equal((await p.stats()).segments, 0);
        await assert.rejects(p.removeCoding(k.id), /no coding/);
      });
    });

    test('the code tree refuses cycles and sibling name clashes, and finds codes by path', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, obstacles, fear, needs, shelter } = await seed(store);
        await assert.rejects(p.updateCode(obstacles.id, { parentId: fear.id }), /would create a cycle/);
        await assert.rejects(p.updateCode(obstacles.id, { parentId: obstacles.id }), /would create a cycle/);
        await assert.rejects(p.createCode({ name: 'fear of DEPORTATION', parentId: obstacles.id }), /already exists/);
        await p.createCode({ name: 'Safe housing', parentId: obstacles.id }); // same name, other parent
        await assert.rejects(p.findCode('Safe housing'), /ambiguous/);
        assert.equal((await p.findCode('Needs/Safe housing')).id, shelter.id);
        const moved = await p.updateCode(fear.id, { parentId: needs.id, color: '#112233', definition: 'Fear of being sent back' });
        assert.equal(moved.parentId, needs.id);
        assert.equal((await p.findCode('Needs/Fear of deportation')).definition, 'Fear of being sent back');
        const order = (await p.listCodes()).map((c) => c.name);
        assert.ok(order.indexOf('Needs') < order.indexOf('Fear of deportation'), 'parents come before children');
        await assert.rejects(p.updateCode(fear.id, { color: 'blue' }), /#rrggbb/);
      });
    });

    test('deleting a code removes its codings and memos but not a code with children', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, obstacles, fear, doc } = await seed(store);
        await p.applyCode({ documentId: doc.id, start: 0, end: 11, codeId: fear.id, coderId: amira.id });
        await p.addMemo({ target: { kind: 'code', id: fear.id }, authorId: amira.id, text: 'Often with retaliation' });
        await assert.rejects(p.deleteCode(obstacles.id), /has child codes/);
        await p.deleteCode(fear.id);
        const stats = await p.stats();
        assert.equal(stats.codings, 0);
        assert.equal(stats.segments, 0);
        assert.equal(stats.memos, 0);
      });
    });

    test('cases nest, refuse cycles, and hold attributes of their declared type only', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, site, org, participant } = await seed(store);
        assert.deepEqual(participant.attributes, { 'years of experience': 7 });
        await assert.rejects(p.updateCase(site.id, { parentId: participant.id }), /would create a cycle/);
        await assert.rejects(p.setAttribute(participant.id, 'years of experience', 'seven'), /of type integer/);
        await assert.rejects(p.setAttribute(site.id, 'years of experience', 3), /describes participant cases/);
        await assert.rejects(p.setAttribute(site.id, 'unknown', 3), /no attribute "unknown"/);
        // A case whose attributes are invalid is not created at all.
        await assert.rejects(
          p.createCase({ kind: 'participant', name: 'MTL-03', parentId: org.id, attributes: { 'years of experience': 2.5 } }),
          /of type integer/,
        );
        await assert.rejects(p.findCase('MTL-03'), /no case/);
        await p.defineAttribute({ name: 'interviewed on', type: 'date' });
        await p.setAttribute(participant.id, 'interviewed on', '2005-01-27');
        await p.setAttribute(participant.id, 'years of experience', null);
        assert.deepEqual((await p.findCase('Montreal/Maison L’Escale/MTL-02')).attributes, { 'interviewed on': '2005-01-27' });
        assert.deepEqual((await p.listCases({ kind: 'site' })).map((c) => c.name), ['Montreal']);
      });
    });

    test('the interview guide and interviews keep their order and status', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, participant, luc } = await seed(store);
        await p.addIssueArea({ title: 'Characteristics', questions: ['How do you define trafficking?', 'Who are the victims?'] });
        await p.addIssueArea({ title: 'Needs' });
        const guide = await p.guide();
        assert.deepEqual(guide.map((a) => [a.position, a.title, a.questions.length]), [[1, 'Characteristics', 2], [2, 'Needs', 0]]);
        assert.equal(guide[0]!.questions[1]!.text, 'Who are the victims?');
        const interview = await p.createInterview({ participantId: participant.id, interviewerId: luc.id, date: '2005-01-27', mode: 'telephone', status: 'done', consentRecorded: true });
        assert.equal((await p.setInterviewStatus(interview.id, 'transcribed')).status, 'transcribed');
        assert.deepEqual((await p.listInterviews()).map((i) => [i.date, i.status, i.consentRecorded]), [['2005-01-27', 'transcribed', true]]);
        await assert.rejects(p.createInterview({ participantId: participant.id, date: '2005-02-30', mode: 'telephone', status: 'done', consentRecorded: true }), /YYYY-MM-DD/);
        await assert.rejects(p.createInterview({ participantId: luc.id, mode: 'telephone', status: 'done', consentRecorded: true }), /not a participant/);
      });
    });

    test('memos attach to each kind of target, which must exist', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, participant, fear, doc } = await seed(store);
        const k = await p.applyCode({ documentId: doc.id, start: 0, end: 11, codeId: fear.id, coderId: amira.id });
        const targets = [
          { kind: 'project' as const },
          { kind: 'document' as const, id: doc.id },
          { kind: 'case' as const, id: participant.id },
          { kind: 'code' as const, id: fear.id },
          { kind: 'segment' as const, id: k.segmentId },
        ];
        for (const target of targets) await p.addMemo({ target, authorId: 'amira', title: target.kind, text: `About the ${target.kind}` });
        assert.equal((await p.listMemos()).length, 5);
        assert.deepEqual((await p.listMemos({ kind: 'segment', id: k.segmentId })).map((m) => m.title), ['segment']);
        await assert.rejects(p.addMemo({ target: { kind: 'case', id: 'missing' }, authorId: amira.id, text: 'x' }), /no case missing/);
        await assert.rejects(p.addMemo({ target: { kind: 'project' }, authorId: amira.id, text: '  ' }), /needs some text/);
        // A segment with a memo survives the removal of its last coding.
        await p.removeCoding(k.id);
        assert.equal((await p.stats()).segments, 1);
      });
    });

    test('every change is logged with its actor; a failed transaction logs nothing', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, fear, doc } = await seed(store);
        const asAmira = await store.openProject(p.id, { userId: amira.id });
        await asAmira.applyCode({ documentId: doc.id, start: 0, end: 11, codeId: fear.id, coderId: amira.id });
        const log = await p.changes();
        assert.deepEqual(log.map((c) => c.seq), log.map((_, i) => i + 1), 'sequence numbers have no gaps');
        assert.equal(log[0]!.entity, 'project');
        assert.deepEqual(log.at(-1)!.actor, { userId: amira.id });
        assert.equal(log.at(-1)!.entity, 'coding');
        assert.deepEqual(log[0]!.actor, system);
        const docEntry = log.find((c) => c.entity === 'document')!;
        assert.equal(JSON.stringify(docEntry.data).includes('fear of deportation'), false, 'document text stays out of the log');
        const count = log.length;
        await assert.rejects(
          p.transaction(async (tx) => {
            await tx.createCode({ name: 'Temporary' });
            throw new Error('abandon');
          }),
          /abandon/,
        );
        await assert.rejects(p.findCode('Temporary'), /no code/);
        assert.equal((await p.changes()).length, count);
        assert.deepEqual((await p.changes({ afterSeq: count - 1 })).map((c) => c.seq), [count]);
      });
    });

    test('a transaction inside another undoes only its own changes when it fails', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p } = await seed(store);
        const before = (await p.changes()).length;
        await p.transaction(async (tx) => {
          await tx.createCode({ name: 'Kept' });
          await assert.rejects(
            tx.transaction(async (inner) => {
              await inner.createCode({ name: 'Undone' });
              throw new Error('inner failure');
            }),
            /inner failure/,
          );
          // The outer transaction goes on, on PostgreSQL too (no aborted transaction).
          await tx.createCode({ name: 'Also kept' });
        });
        assert.equal((await p.findCode('Kept')).name, 'Kept');
        assert.equal((await p.findCode('Also kept')).name, 'Also kept');
        await assert.rejects(p.findCode('Undone'), /no code/);
        const log = await p.changes();
        assert.deepEqual(log.slice(before).map((c) => c.data['name']), ['Kept', 'Also kept']);
        assert.deepEqual(log.map((c) => c.seq), log.map((_, i) => i + 1), 'sequence numbers have no gaps');
      });
    });

    test('stats count the study', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, luc, fear, shelter, doc } = await seed(store);
        await p.applyCode({ documentId: doc.id, start: 0, end: 11, codeId: fear.id, coderId: amira.id });
        await p.applyCode({ documentId: doc.id, start: 0, end: 11, codeId: shelter.id, coderId: luc.id });
        await p.applyCode({ documentId: doc.id, start: 2, end: 11, codeId: shelter.id, coderId: luc.id });
        assert.deepEqual(await p.stats(), {
          sites: 1, organisations: 1, participants: 1, interviews: 0, documents: 1,
          codes: 4, codableCodes: 2, segments: 2, codings: 3, coders: 2, memos: 0,
        });
      });
    });

    test('projects are isolated from each other', async () => {
      await withStore(await freshLocation(), async (store) => {
        const one = await seed(store, 'One');
        const two = await seed(store, 'Two');
        assert.equal((await one.p.listCases()).length, 3);
        assert.equal((await two.p.listDocuments()).length, 1, 'the same file may be in two projects');
        await assert.rejects(one.p.getDocument(two.doc.id), /no document/);
        await assert.rejects(one.p.applyCode({ documentId: one.doc.id, start: 0, end: 3, codeId: two.fear.id, coderId: one.amira.id }), /no code/);
        assert.deepEqual((await one.p.searchText('shelter')).map((h) => h.documentId), [one.doc.id]);
      });
    });

    test('full-text search ignores case and accents and is kept in step with documents', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p } = await seed(store);
        assert.deepEqual((await p.searchText('MONTREAL')).map((h) => h.name), ['MTL-02 interview']);
        assert.deepEqual((await p.searchText('deportation silent')).map((h) => h.name), ['MTL-02 interview']);
        assert.deepEqual(await p.searchText('deportation zebra'), []);
        assert.deepEqual(await p.searchText('"unbalanced AND OR ('), [], 'query syntax is taken literally');
        await p.addDocument({ name: 'Second', text: 'Une maison d’hébergement à Montréal.', language: 'fr' });
        assert.deepEqual((await p.searchText('hebergement')).map((h) => h.name), ['Second']);
        assert.deepEqual((await p.searchText('montréal')).map((h) => h.name).sort(), ['MTL-02 interview', 'Second']);
      });
    });

    test('a database made by the first migration is upgraded on open, keeping and indexing its data', async () => {
      const location = await freshLocation();
      // Build a version-1 database with rows written as version 1 wrote them.
      const raw = await connectRaw(location);
      await migrate(raw.db, raw.dialect, raw.location, 1);
      await raw.db
        .insertInto('projects')
        .values({ id: 'p1', title: 'Old', description: '', objectives: '[]', definitions: '[]', languages: '["en"]', created_at: '2005-01-01T00:00:00.000Z' })
        .execute();
      const v1Document = {
        project_id: 'p1', id: 'd1', name: 'Old transcript', language: 'en', text: 'Written before the search index existed.',
        length: 40, turns: '[]', interview_id: null, case_id: null, original_filename: null, original_media_type: null,
        original_sha256: null, original_size: null, created_at: '2005-01-01T00:00:00.000Z',
      };
      await raw.db.insertInto('documents').values(v1Document).execute();
      // Version 1 recorded a file's hash but kept no bytes.
      const original = { original_filename: 'old.docx', original_media_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', original_size: 9 };
      await raw.db.insertInto('documents').values({ ...v1Document, id: 'd2', name: 'Old docx', ...original, original_sha256: createHash('sha256').update('not text').digest('hex') }).execute();
      await raw.db.destroy();

      await withStore(location, async (store) => {
        assert.equal(await store.schemaVersion(), MIGRATIONS.at(-1)!.version);
        const project: ProjectStore = await store.openProject('Old', system);
        assert.deepEqual((await project.searchText('index')).map((h) => h.name), ['Old docx', 'Old transcript']);
        assert.equal(await project.originalBytes('d2'), null, 'bytes are rebuilt from the text only when its hash matches');
        const doc = await project.getDocument('d1');
        assert.equal(doc.text, 'Written before the search index existed.');
        assert.deepEqual(doc.pages, []);
        assert.deepEqual(doc.importInfo, {});
      });
      // Opening again changes nothing.
      await withStore(location, async (store) => assert.equal(await store.schemaVersion(), MIGRATIONS.at(-1)!.version));
    });
  });
  searchContract(adapter, freshLocation);
  frameworkContract(adapter, freshLocation);
  needsContract(adapter, freshLocation);
}
