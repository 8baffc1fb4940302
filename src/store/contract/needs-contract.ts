// Needs, barriers, gap status codes and decisions, and the report draft for every adapter:
// catalogues keep their order and unique names, link only existing codes (deleting a code
// unlinks it), edits are versioned and logged with their actor, and refused changes leave nothing.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CrosswiseError, type ErrorKind } from '../../core/errors.ts';
import { rangeOf, seed, TEXT, withStore } from './fixtures.ts';

const isKind = (kind: ErrorKind, pattern: RegExp) => (err: unknown) => {
  assert.equal(err instanceof CrosswiseError && err.kind, kind);
  assert.match((err as Error).message, pattern);
  return true;
};

export function needsContract(adapter: string, freshLocation: () => Promise<string>): void {
  describe(`needs contract: ${adapter}`, () => {
    test('needs keep catalogue order, unique names ignoring case, existing codes; edits are versioned and logged', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, fear, shelter } = await seed(store);
        const analyst = await store.openProject(p.id, { userId: amira.id });
        const housing = await analyst.createNeed({ name: 'Safe housing', horizon: 'short_term', purpose: 'protection', codeIds: [shelter.id] });
        const legal = await analyst.createNeed({ name: 'Legal help', description: 'Status and advice', horizon: 'long_term', purpose: 'protection' });
        const school = await analyst.createNeed({ name: 'Education', horizon: 'long_term', purpose: 'prevention' });
        assert.deepEqual((await p.listNeeds()).map((n) => [n.name, n.position]), [['Safe housing', 1], ['Legal help', 2], ['Education', 3]]);
        assert.deepEqual((await p.findNeed('SAFE HOUSING')).codeIds, [shelter.id]);
        assert.equal((await p.findNeed(legal.id)).description, 'Status and advice');

        await assert.rejects(p.createNeed({ name: ' safe Housing ', horizon: 'short_term', purpose: 'protection' }), isKind('invalid', /a need named "Safe housing" already exists/));
        await assert.rejects(p.createNeed({ name: 'X', horizon: 'short_term', purpose: 'protection', codeIds: ['nope'] }), isKind('invalid', /need "X": no code nope/));
        await assert.rejects(p.createNeed({ name: 'X', horizon: 'short_term', purpose: 'protection', codeIds: [fear.id, fear.id] }), isKind('invalid', /linked twice/));
        await assert.rejects(p.createNeed({ name: 'X', horizon: 'soon' as 'short_term', purpose: 'protection' }), isKind('invalid', /horizon must be one of short_term, long_term/));
        await assert.rejects(p.createNeed({ name: ' ', horizon: 'short_term', purpose: 'protection' }), isKind('invalid', /needs a name/));
        await assert.rejects(p.findNeed('Nothing'), isKind('not_found', /no need "Nothing"/));
        assert.equal((await p.listNeeds()).length, 3);

        const updated = await analyst.updateNeed(housing.id, { codeIds: [shelter.id, fear.id], horizon: 'long_term' }, 1);
        assert.deepEqual([updated.version, updated.codeIds, updated.horizon], [2, [shelter.id, fear.id], 'long_term']);
        assert.deepEqual((await p.findNeed(housing.id)).codeIds, [shelter.id, fear.id]);
        await assert.rejects(p.updateNeed(housing.id, { name: 'Stale' }, 1), isKind('conflict', /version 2, your edit was based on 1/));
        await assert.rejects(p.updateNeed(housing.id, { name: 'legal HELP' }), isKind('invalid', /already exists/));
        await p.deleteNeed(school.id);
        assert.deepEqual((await p.listNeeds()).map((n) => n.name), ['Safe housing', 'Legal help']);
        assert.equal((await p.createNeed({ name: 'Education', horizon: 'long_term', purpose: 'prevention' })).position, 3);

        const logged = (await p.changes()).filter((c) => c.entity === 'need');
        assert.deepEqual(logged.map((c) => c.action), ['create', 'create', 'create', 'update', 'delete', 'create']);
        assert.deepEqual(logged[3]!.actor, { userId: amira.id });
        assert.deepEqual((logged[3]!.data.before as { codeIds: string[] }).codeIds, [shelter.id]);
      });
    });

    test('barriers follow the same rules; deleting a code unlinks it from needs, barriers and status codes', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, fear, shelter, obstacles } = await seed(store);
        const silence = await p.createCode({ name: 'Silence', parentId: obstacles.id });
        const deport = await p.createBarrier({ name: 'Fear of deportation', codeIds: [fear.id, silence.id] });
        const funding = await p.createBarrier({ name: 'Lack of funding' });
        assert.deepEqual((await p.listBarriers()).map((b) => [b.name, b.position]), [['Fear of deportation', 1], ['Lack of funding', 2]]);
        await assert.rejects(p.createBarrier({ name: 'LACK OF FUNDING' }), isKind('invalid', /a barrier named "Lack of funding" already exists/));
        await assert.rejects(p.updateBarrier(funding.id, { codeIds: ['gone'] }), isKind('invalid', /barrier "Lack of funding": no code gone/));
        await p.updateBarrier(funding.id, { description: 'No money for community groups' }, 1);
        await assert.rejects(p.updateBarrier(funding.id, { description: 'stale' }, 1), isKind('conflict', /changed by someone else/));
        const need = await p.createNeed({ name: 'Safe housing', horizon: 'short_term', purpose: 'protection', codeIds: [shelter.id, silence.id] });
        await p.setGapStatusCodes({ met: [], ad_hoc: [silence.id], unmet: [] });

        await p.deleteCode(silence.id);
        assert.deepEqual((await p.findBarrier(deport.id)).codeIds, [fear.id]);
        assert.deepEqual((await p.findNeed(need.id)).codeIds, [shelter.id]);
        assert.deepEqual(await p.gapStatusCodes(), { met: [], ad_hoc: [], unmet: [] });
        await p.deleteBarrier(deport.id);
        assert.deepEqual((await p.listBarriers()).map((b) => b.name), ['Lack of funding']);
        assert.deepEqual(
          (await p.changes()).filter((c) => c.entity === 'barrier').map((c) => c.action),
          ['create', 'create', 'update', 'delete'],
        );
      });
    });

    test('gap status codes: existing codes, one status per code, replaced as a whole and logged', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, fear, shelter } = await seed(store);
        assert.deepEqual(await p.gapStatusCodes(), { met: [], ad_hoc: [], unmet: [] });
        await p.setGapStatusCodes({ met: [shelter.id], ad_hoc: [], unmet: [fear.id] });
        assert.deepEqual(await p.gapStatusCodes(), { met: [shelter.id], ad_hoc: [], unmet: [fear.id] });
        await assert.rejects(p.setGapStatusCodes({ met: [fear.id], ad_hoc: [], unmet: [fear.id] }), isKind('invalid', /given for both met and unmet/));
        await assert.rejects(p.setGapStatusCodes({ met: ['nope'], ad_hoc: [], unmet: [] }), isKind('invalid', /met: no code nope/));
        assert.deepEqual(await p.gapStatusCodes(), { met: [shelter.id], ad_hoc: [], unmet: [fear.id] });
        const logged = (await p.changes()).filter((c) => c.entity === 'gap_status_codes');
        assert.deepEqual(logged.map((c) => [c.action, c.data.after]), [['update', { met: [shelter.id], ad_hoc: [], unmet: [fear.id] }]]);
      });
    });

    test('gap decisions: a site, a need, a note; versioned, withdrawn, and logged with who decided', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, luc, site, org, shelter } = await seed(store);
        const need = await p.createNeed({ name: 'Safe housing', horizon: 'short_term', purpose: 'protection', codeIds: [shelter.id] });
        const asAmira = await store.openProject(p.id, { userId: amira.id });
        const cell = { needId: need.id, siteId: site.id, status: 'unmet' as const, note: 'Three respondents: no shelter beds.', authorId: amira.id };
        await assert.rejects(p.decideGap({ ...cell, siteId: org.id }), isKind('invalid', /per site, not per organisation: Maison L’Escale/));
        await assert.rejects(p.decideGap({ ...cell, needId: 'nope' }), isKind('not_found', /no need nope/));
        await assert.rejects(p.decideGap({ ...cell, note: '  ' }), isKind('invalid', /needs a note/));
        await assert.rejects(p.decideGap({ ...cell, status: 'fine' as 'met' }), isKind('invalid', /one of met, ad_hoc, unmet, unknown/));
        await assert.rejects(p.decideGap({ ...cell, authorId: 'ghost' }), isKind('not_found', /no user or coder "ghost"/));
        await assert.rejects(p.decideGap(cell, 3), isKind('conflict', /withdrawn by someone else/));
        assert.deepEqual(await p.listGapDecisions(), []);

        const first = await asAmira.decideGap(cell, 0);
        assert.deepEqual([first.status, first.version, first.note], ['unmet', 1, cell.note]);
        const second = await p.decideGap({ ...cell, status: 'ad_hoc', note: 'Override: the shelter finds beds case by case.', authorId: luc.id }, 1);
        assert.equal(second.version, 2);
        await assert.rejects(p.decideGap({ ...cell, note: 'based on version 1' }, 1), isKind('conflict', /version 2/));
        assert.deepEqual(await p.listGapDecisions(), [second]);

        await p.clearGapDecision(need.id, site.id);
        assert.deepEqual(await p.listGapDecisions(), []);
        await assert.rejects(p.clearGapDecision(need.id, site.id), isKind('not_found', /no decision on Safe housing at Montreal/));
        await p.decideGap(cell);
        await p.deleteNeed(need.id);
        assert.deepEqual(await p.listGapDecisions(), []);

        const logged = (await p.changes()).filter((c) => c.entity === 'gap_decision');
        assert.deepEqual(logged.map((c) => [c.action, c.entityId]), [
          ['create', `${need.id}/${site.id}`],
          ['update', `${need.id}/${site.id}`],
          ['delete', `${need.id}/${site.id}`],
          ['create', `${need.id}/${site.id}`],
        ]);
        assert.deepEqual(logged[0]!.actor, { userId: amira.id });
        assert.equal(logged[0]!.data.need, 'Safe housing');
        assert.equal((logged[1]!.data.after as { authorId: string }).authorId, luc.id);
      });
    });

    test('the report draft is versioned; quotes must be coded with their theme, keep their order, and log no text', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, luc, fear, obstacles, shelter, doc } = await seed(store);
        const empty = await p.reportDraft();
        assert.deepEqual(empty, { summary: '', recommendations: [], comparison: '', quotes: [], updatedAt: null, version: 0 });
        const draft = await p.updateReportDraft({ summary: 'Needs go unmet.', recommendations: ['Fund shelters', ' Train police '] }, 0);
        assert.deepEqual([draft.version, draft.recommendations, draft.comparison], [1, ['Fund shelters', 'Train police'], '']);
        const again = await p.updateReportDraft({ comparison: 'Montreal differs.' }, 1);
        assert.deepEqual([again.version, again.summary], [2, 'Needs go unmet.']);
        await assert.rejects(p.updateReportDraft({ summary: 'stale' }, 1), isKind('conflict', /the report draft was changed/));
        await assert.rejects(p.updateReportDraft({ recommendations: ['ok', ''] }), isKind('invalid', /recommendation 2 is empty/));
        assert.equal((await p.reportDraft()).version, 2);

        const code = (phrase: string, codeId: string) => p.applyCode({ documentId: doc.id, ...rangeOf(TEXT, phrase), codeId, coderId: amira.id });
        const a = await code('the fear of deportation keeps them silent', fear.id);
        const b = await code('Women arrive with nothing', fear.id);
        const c = await code('at a shelter', shelter.id);
        const asLuc = await store.openProject(p.id, { userId: luc.id });
        await assert.rejects(p.chooseReportQuote({ segmentId: a.segmentId, codeId: fear.id }), isKind('invalid', /chosen by a user/));
        await assert.rejects(asLuc.chooseReportQuote({ segmentId: c.segmentId, codeId: fear.id }), isKind('invalid', /not coded with "Obstacles\/Fear of deportation"/));
        await assert.rejects(asLuc.chooseReportQuote({ segmentId: 'nope', codeId: fear.id }), isKind('not_found', /no segment nope/));
        await assert.rejects(asLuc.chooseReportQuote({ segmentId: a.segmentId, codeId: fear.id, position: 0 }), isKind('invalid', /whole number from 1/));
        await asLuc.chooseReportQuote({ segmentId: a.segmentId, codeId: fear.id });
        await asLuc.chooseReportQuote({ segmentId: c.segmentId, codeId: shelter.id });
        // A theme's category takes quotes coded under it; the demo builder names who chose.
        await p.chooseReportQuote({ segmentId: b.segmentId, codeId: obstacles.id, chosenBy: amira.id });
        let quotes = (await asLuc.chooseReportQuote({ segmentId: b.segmentId, codeId: fear.id, position: 1 })).quotes;
        assert.deepEqual(quotes.map((q) => [q.codeId, q.segmentId, q.position, q.chosenBy]), [
          [obstacles.id, b.segmentId, 1, amira.id],
          [fear.id, b.segmentId, 1, luc.id],
          [fear.id, a.segmentId, 2, luc.id],
          [shelter.id, c.segmentId, 1, luc.id],
        ]);
        const seq = (await p.changes()).length;
        assert.deepEqual((await asLuc.chooseReportQuote({ segmentId: a.segmentId, codeId: fear.id })).quotes, quotes, 'choosing again is a no-op');
        assert.equal((await p.changes()).length, seq);
        quotes = (await p.removeReportQuote(b.segmentId, fear.id)).quotes;
        assert.deepEqual(quotes.filter((q) => q.codeId === fear.id).map((q) => [q.segmentId, q.position]), [[a.segmentId, 1]]);
        await assert.rejects(p.removeReportQuote(b.segmentId, fear.id), isKind('not_found', /not a chosen quote/));
        assert.equal((await p.reportDraft()).version, 2, 'quotes are records of their own');

        const logged = (await p.changes()).filter((x) => x.entity === 'report_quote' || x.entity === 'report_draft');
        assert.deepEqual(logged.map((x) => `${x.action} ${x.entity}`), [
          'create report_draft', 'update report_draft',
          'create report_quote', 'create report_quote', 'create report_quote', 'create report_quote',
          'delete report_quote',
        ]);
        assert.deepEqual(logged[2]!.actor, { userId: luc.id });
        const text = JSON.stringify(logged);
        assert.equal(text.includes('deportation keeps'), false, 'the change log never holds transcript text');
        // A passage that loses its theme's coding stops illustrating it: the quote goes, the order closes up, the log says why.
        await asLuc.chooseReportQuote({ segmentId: b.segmentId, codeId: fear.id, position: 2 });
        await p.removeCoding(a.id);
        const fearQuotes = (await p.reportDraft()).quotes.filter((q) => q.codeId === fear.id);
        assert.deepEqual(fearQuotes.map((q) => [q.segmentId, q.position]), [[b.segmentId, 1]]);
        const last = (await p.changes()).filter((x) => x.entity === 'report_quote').at(-1)!;
        assert.deepEqual([last.action, last.data['segmentId'], last.data['reason']], ['delete', a.segmentId, 'no longer coded with its theme']);
        // Deleting the coded passage's code takes its quotes with it.
        await p.deleteCode(shelter.id);
        assert.deepEqual((await p.reportDraft()).quotes.map((q) => q.codeId), [obstacles.id, fear.id]);
      });
    });
  });
}
