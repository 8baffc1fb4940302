// The editing behaviour the workspace relies on, for every adapter: optimistic
// concurrency, merging codes, moving a coding's boundaries, memo edits, counts.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CrosswiseError } from '../../core/errors.ts';
import { rangeOf, seed, TEXT, withStore } from './fixtures.ts';

const isConflict = (err: unknown) => err instanceof CrosswiseError && err.kind === 'conflict';

export function editingContract(adapter: string, freshLocation: () => Promise<string>): void {
  describe(`editing contract: ${adapter}`, () => {
    test('a code edit based on an older version is refused, never silently overwritten', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, fear } = await seed(store);
        assert.equal(fear.version, 1);
        const renamed = await p.updateCode(fear.id, { name: 'Fear of removal' }, 1);
        assert.equal(renamed.version, 2);
        await assert.rejects(p.updateCode(fear.id, { color: '#000000' }, 1), isConflict);
        const stored = await p.findCode(fear.id);
        assert.equal(stored.name, 'Fear of removal');
        assert.notEqual(stored.color, '#000000');
        assert.equal(stored.version, 2);
      });
    });

    test('merging two codes moves codings, collapses duplicates, children and memos, and deletes the source', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, luc, fear, obstacles, doc } = await seed(store);
        const silence = await p.createCode({ name: 'Silence', parentId: obstacles.id });
        const child = await p.createCode({ name: 'Shame', parentId: silence.id });
        const r = rangeOf(TEXT, 'fear of deportation');
        const other = rangeOf(TEXT, 'keeps them silent');
        await p.applyCode({ documentId: doc.id, ...r, codeId: fear.id, coderId: amira.id });
        await p.applyCode({ documentId: doc.id, ...r, codeId: silence.id, coderId: amira.id }); // duplicate after merge
        await p.applyCode({ documentId: doc.id, ...r, codeId: silence.id, coderId: luc.id });
        await p.applyCode({ documentId: doc.id, ...other, codeId: silence.id, coderId: amira.id });
        await p.addMemo({ target: { kind: 'code', id: silence.id }, authorId: amira.id, text: 'Why they stay quiet.' });

        const merged = await p.mergeCodes(silence.id, fear.id);
        assert.equal(merged.id, fear.id);
        const codings = await p.listCodings({ codeId: fear.id });
        assert.deepEqual(
          codings.map((c) => [c.start, c.coderId]).sort(),
          [[r.start, amira.id], [r.start, luc.id], [other.start, amira.id]].sort(),
        );
        await assert.rejects(p.findCode(silence.id), /no code/);
        assert.equal((await p.findCode(child.id)).parentId, fear.id);
        assert.deepEqual((await p.listMemos({ kind: 'code', id: fear.id })).map((m) => m.text), ['Why they stay quiet.']);
        await assert.rejects(p.mergeCodes(fear.id, fear.id), /into itself/);
        await assert.rejects(p.mergeCodes(obstacles.id, child.id), /inside/);
      });
    });

    test('merging keeps what analysts attached to the source: needs, barriers, gap statuses, quotes, framework themes and cells', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, luc, fear, obstacles, shelter, participant, doc } = await seed(store);
        const silence = await p.createCode({ name: 'Silence', parentId: obstacles.id });
        const r = rangeOf(TEXT, 'fear of deportation');
        const other = rangeOf(TEXT, 'keeps them silent');
        const both = await p.applyCode({ documentId: doc.id, ...r, codeId: fear.id, coderId: amira.id });
        await p.applyCode({ documentId: doc.id, ...r, codeId: silence.id, coderId: amira.id });
        const quiet = await p.applyCode({ documentId: doc.id, ...other, codeId: silence.id, coderId: luc.id });
        const need = await p.createNeed({ name: 'Legal status', horizon: 'long_term', purpose: 'protection', codeIds: [silence.id] });
        const barrier = await p.createBarrier({ name: 'Fear', codeIds: [fear.id, silence.id] });
        await p.setGapStatusCodes({ met: [], ad_hoc: [silence.id], unmet: [] });
        await p.chooseReportQuote({ segmentId: both.segmentId, codeId: fear.id, chosenBy: amira.id });
        await p.chooseReportQuote({ segmentId: both.segmentId, codeId: silence.id, chosenBy: amira.id }); // the same passage: kept once
        await p.chooseReportQuote({ segmentId: quiet.segmentId, codeId: silence.id, chosenBy: luc.id });
        const matrix = await p.createFrameworkMatrix({ name: 'Charting', rowKind: 'participant', themeIds: [silence.id, shelter.id, fear.id] });
        await p.writeFrameworkCell({ matrixId: matrix.id, caseId: participant.id, codeId: fear.id, summary: 'Afraid of removal.', segmentIds: [both.segmentId], authorId: amira.id });
        await p.writeFrameworkCell({ matrixId: matrix.id, caseId: participant.id, codeId: silence.id, summary: 'Stays quiet.', segmentIds: [quiet.segmentId, both.segmentId], authorId: luc.id });

        await p.mergeCodes(silence.id, fear.id);
        assert.deepEqual((await p.findNeed(need.id)).codeIds, [fear.id]);
        assert.deepEqual((await p.findBarrier(barrier.id)).codeIds, [fear.id]);
        assert.deepEqual(await p.gapStatusCodes(), { met: [], ad_hoc: [fear.id], unmet: [] });
        assert.deepEqual((await p.reportDraft()).quotes.map((q) => [q.segmentId, q.codeId, q.position, q.chosenBy]), [
          [both.segmentId, fear.id, 1, amira.id],
          [quiet.segmentId, fear.id, 2, luc.id],
        ]);
        assert.deepEqual((await p.findFrameworkMatrix(matrix.id)).themeIds, [fear.id, shelter.id]);
        const cells = await p.listFrameworkCells(matrix.id);
        assert.deepEqual(cells.map((c) => [c.codeId, c.summary, [...c.segmentIds].sort()]), [
          [fear.id, 'Afraid of removal.\n\nStays quiet.', [both.segmentId, quiet.segmentId].sort()],
        ]);
      });
    });

    test('moving a coding alone on its passage moves the passage and its memo', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, fear, doc } = await seed(store);
        const r = rangeOf(TEXT, 'fear of deportation');
        const coding = await p.applyCode({ documentId: doc.id, ...r, codeId: fear.id, coderId: amira.id });
        await p.addMemo({ target: { kind: 'segment', id: coding.segmentId }, authorId: amira.id, text: 'Said twice.' });
        const wider = rangeOf(TEXT, 'the fear of deportation keeps them silent');
        const moved = await p.resizeCoding(coding.id, wider.start, wider.end, coding.segmentVersion);
        assert.equal(moved.segmentId, coding.segmentId);
        assert.equal(moved.quote.exact, 'the fear of deportation keeps them silent');
        assert.equal(moved.segmentVersion, coding.segmentVersion + 1);
        assert.equal((await p.listMemos({ kind: 'segment', id: moved.segmentId })).length, 1);
        await assert.rejects(p.resizeCoding(coding.id, r.start, r.end, coding.segmentVersion), isConflict);
        await assert.rejects(p.resizeCoding(coding.id, 5, 5), /range|empty|start/);
        assert.equal((await p.listCodings())[0]!.start, wider.start);
      });
    });

    test('moving one coder’s coding leaves the other coder’s coding of the passage in place', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, luc, fear, doc } = await seed(store);
        const r = rangeOf(TEXT, 'fear of deportation');
        const mine = await p.applyCode({ documentId: doc.id, ...r, codeId: fear.id, coderId: amira.id });
        const theirs = await p.applyCode({ documentId: doc.id, ...r, codeId: fear.id, coderId: luc.id });
        assert.equal(mine.segmentId, theirs.segmentId);
        const narrower = rangeOf(TEXT, 'deportation');
        const moved = await p.resizeCoding(mine.id, narrower.start, narrower.end);
        assert.notEqual(moved.segmentId, theirs.segmentId);
        const byCoder = new Map((await p.listCodings()).map((c) => [c.coderId, c.quote.exact]));
        assert.equal(byCoder.get(amira.id), 'deportation');
        assert.equal(byCoder.get(luc.id), 'fear of deportation');
        // Moved onto a passage where the same code and coder already coded: the two collapse.
        const back = await p.resizeCoding(mine.id, r.start, r.end);
        const again = await p.applyCode({ documentId: doc.id, ...narrower, codeId: fear.id, coderId: amira.id });
        const collapsed = await p.resizeCoding(again.id, r.start, r.end);
        assert.equal(collapsed.id, back.id);
        assert.equal((await p.listCodings({ coderId: amira.id })).length, 1);
        assert.equal((await p.stats()).segments, 1);
      });
    });

    test('memos are edited with optimistic concurrency and deleted', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, doc } = await seed(store);
        const memo = await p.addMemo({ target: { kind: 'document', id: doc.id }, authorId: amira.id, title: 'First read', text: 'Long pauses.' });
        assert.equal(memo.version, 1);
        const edited = await p.updateMemo(memo.id, { text: 'Long pauses before naming the employer.' }, 1);
        assert.equal(edited.version, 2);
        assert.equal(edited.title, 'First read');
        await assert.rejects(p.updateMemo(memo.id, { text: 'Stale.' }, 1), isConflict);
        await assert.rejects(p.updateMemo(memo.id, { text: '  ' }), /needs some text/);
        assert.equal((await p.listMemos())[0]!.text, 'Long pauses before naming the employer.');
        await p.deleteMemo(memo.id);
        assert.deepEqual(await p.listMemos(), []);
        await assert.rejects(p.deleteMemo(memo.id), /no memo/);
      });
    });

    test('a user’s interface language is kept', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, luc } = await seed(store);
        assert.equal(luc.language, null);
        assert.equal((await p.setUserLanguage(luc.id, 'fr')).language, 'fr');
        assert.equal((await p.findUser('Luc')).language, 'fr');
        await assert.rejects(p.setUserLanguage(luc.id, 'de' as 'fr'), /language must be/);
      });
    });

    test('code counts are distinct segments, documents and cases, and categories count their subtree', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, luc, fear, shelter, obstacles, needs, doc, participant } = await seed(store);
        const r = rangeOf(TEXT, 'fear of deportation');
        const s = rangeOf(TEXT, 'at a shelter');
        await p.applyCode({ documentId: doc.id, ...r, codeId: fear.id, coderId: amira.id });
        await p.applyCode({ documentId: doc.id, ...r, codeId: fear.id, coderId: luc.id });
        await p.applyCode({ documentId: doc.id, ...s, codeId: shelter.id, coderId: amira.id });
        const second = await p.addDocument({ name: 'Second', text: 'Nothing but fear of deportation here.', caseId: participant.id });
        await p.applyCode({ documentId: second.id, start: 12, end: 31, codeId: fear.id, coderId: amira.id });
        const counts = await p.codeCounts();
        const fearCounts = { codings: 3, segments: 2, documents: 2, cases: 1 };
        assert.deepEqual(counts.get(fear.id), { counts: fearCounts, totalCounts: fearCounts });
        assert.deepEqual(counts.get(obstacles.id)?.counts, { codings: 0, segments: 0, documents: 0, cases: 0 });
        assert.deepEqual(counts.get(obstacles.id)?.totalCounts, fearCounts);
        assert.deepEqual(counts.get(needs.id)?.totalCounts, { codings: 1, segments: 1, documents: 1, cases: 1 });
        const perDoc = (await p.documentCodingCounts()).map((c) => [c.documentId === doc.id ? 'first' : 'second', c.coderId === amira.id ? 'amira' : 'luc', c.codings]);
        assert.deepEqual(perDoc.sort(), [['first', 'amira', 2], ['first', 'luc', 1], ['second', 'amira', 1]]);
        assert.equal((await p.listCodings({ codeIds: [fear.id, shelter.id] })).length, 4);
        assert.equal((await p.listCodings({ codeIds: [] })).length, 0);
      });
    });
  });
}
