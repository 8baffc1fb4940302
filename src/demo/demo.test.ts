import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/open.ts';
import { sliceCodePoints } from '../core/text/offsets.ts';
import { ensureDemo, readTranscript } from './build.ts';
import { DEMO_CODEBOOK } from './codebook.ts';
import { DEMO_SITES, DEMO_TRANSCRIPTS } from './study.ts';
import { DEMO_GAP_DECISIONS, DEMO_NEEDS } from './needs.ts';
import { gapMatrix } from '../analysis/gaps.ts';

const dir = mkdtempSync(join(tmpdir(), 'crosswise-demo-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const codePaths = new Set(DEMO_CODEBOOK.flatMap((c) => c.codes.map((k) => `${c.name}/${k.name}`)));

test('every demo transcript is labelled fiction, about 1,500 words, and its coding points at real passages', () => {
  for (const { participant } of DEMO_TRANSCRIPTS) {
    const { text, coding } = readTranscript(participant);
    assert.match(text, /^\[(FICTIONAL TRANSCRIPT|TRANSCRIPTION FICTIVE)/, participant);
    const words = text.split(/\s+/).filter(Boolean).length;
    assert.ok(words >= 1300 && words <= 1800, `${participant} has ${words} words`);
    assert.equal(coding.participant, participant);
    for (const c of coding.codings) {
      assert.ok(codePaths.has(c.code), `${participant}: unknown code ${c.code}`);
      const first = text.indexOf(c.quote);
      assert.ok(first >= 0, `${participant}: quote not found: ${c.quote.slice(0, 40)}`);
      assert.equal(text.indexOf(c.quote, first + 1), -1, `${participant}: quote occurs twice: ${c.quote.slice(0, 40)}`);
    }
    const site = DEMO_SITES.find((s) => s.participants.some(([id]) => id === participant))!;
    const language = site.participants.find(([id]) => id === participant)![4];
    assert.equal(coding.language, language, `${participant}: language matches the roster`);
  }
});

test('the demo is built in one go with turns, both coders and statuses that match the documents', async () => {
  const store = await openStore(join(dir, 'demo.db'));
  try {
    const { project, created } = await ensureDemo(store);
    assert.equal(created, true);
    const docs = await project.listDocuments();
    assert.equal(docs.length, DEMO_TRANSCRIPTS.length);
    const codings = await project.listCodings();
    const users = await project.listUsers();
    const coders = new Set(codings.map((k) => users.find((u) => u.id === k.coderId)?.name));
    assert.deepEqual([...coders].sort(), ['Amira Haddad', 'Luc Tremblay']);
    const interviews = await project.listInterviews();
    for (const doc of docs) {
      const full = await project.getDocument(doc.id);
      assert.ok(full.turns.length >= 10, `${doc.name} has speaker turns`);
      assert.deepEqual(new Set(full.turns.map((t) => t.speaker)).size, 2, `${doc.name}: interviewer and respondent`);
      const mine = codings.filter((k) => k.documentId === doc.id);
      for (const k of mine) assert.equal(sliceCodePoints(full.text, k.start, k.end), k.quote.exact);
      const status = interviews.find((i) => i.id === doc.interviewId)?.status;
      assert.equal(status, mine.length ? 'coded' : 'transcribed', doc.name);
    }
    // A second call finds the demo and adds nothing.
    const before = await project.stats();
    const again = await ensureDemo(store);
    assert.equal(again.created, false);
    assert.deepEqual(await again.project.stats(), before);
  } finally {
    await store.close();
  }
});

test('the demo has the needs and barriers catalogues, gap decisions (one confirmed, one overridden) and a report draft', async () => {
  const store = await openStore(join(dir, 'demo.db'));
  try {
    const { project } = await ensureDemo(store);
    const codes = await project.listCodes();
    const path = (id: string) => {
      const code = codes.find((c) => c.id === id)!;
      return `${codes.find((c) => c.id === code.parentId)?.name}/${code.name}`;
    };
    const needs = await project.listNeeds();
    assert.deepEqual(needs.map((n) => [n.name, n.horizon, n.purpose, n.codeIds.map(path)]), DEMO_NEEDS.map((n) => [n.name, n.horizon, n.purpose, n.codes]));
    const needCodes = DEMO_CODEBOOK.find((c) => c.name === 'Needs')!.codes.map((k) => `Needs/${k.name}`);
    assert.deepEqual(needs.flatMap((n) => n.codeIds.map(path)).sort(), [...needCodes].sort(), 'every Needs code evidences one need');
    const barriers = await project.listBarriers();
    const obstacles = DEMO_CODEBOOK.find((c) => c.name === 'Obstacles')!.codes.map((k) => `Obstacles/${k.name}`);
    assert.deepEqual(barriers.flatMap((b) => b.codeIds.map(path)).sort(), [...obstacles].sort());
    const status = await project.gapStatusCodes();
    assert.deepEqual([status.met.map(path), status.ad_hoc.map(path), status.unmet.map(path)], [
      ['Service status/Need met'], ['Service status/Need met only ad hoc'], ['Service status/Need unmet'],
    ]);

    const lead = await project.findUser('Hélène Marchand');
    const matrix = await gapMatrix(project);
    const decided = matrix.rows.flatMap((r) => r.cells.filter((c) => c.decision));
    assert.equal(decided.length, DEMO_GAP_DECISIONS.length);
    for (const cell of decided) {
      assert.equal(cell.decision!.authorId, lead.id);
      assert.notEqual(cell.decision!.note, '');
      assert.equal(cell.status, cell.decision!.status);
    }
    const [confirmed, overridden] = DEMO_GAP_DECISIONS.map((d) => {
      const row = matrix.rows.find((r) => r.need.name === d.need)!;
      return row.cells[matrix.sites.findIndex((s) => s.name === d.site)]!;
    });
    assert.equal(confirmed!.proposed, confirmed!.status, 'the first decision confirms the proposal');
    assert.notEqual(overridden!.proposed, overridden!.status, 'the second overrides it');

    const draft = await project.reportDraft();
    assert.match(draft.summary, /trafficking/);
    assert.equal(draft.recommendations.length >= 4 && draft.recommendations.length <= 6, true);
    assert.notEqual(draft.comparison, '');
    const perTheme = new Map<string, number>();
    for (const q of draft.quotes) perTheme.set(path(q.codeId), (perTheme.get(path(q.codeId)) ?? 0) + 1);
    for (const n of perTheme.values()) assert.equal(n >= 2 && n <= 3, true, `2–3 quotes per theme, not ${n}`);
    const codings = await project.listCodings();
    const categoriesWithCodings = new Set(codings.map((k) => path(k.codeId).split('/')[0]));
    assert.deepEqual(new Set([...perTheme.keys()].map((p) => p.split('/')[0])), categoriesWithCodings);
    for (const q of draft.quotes) {
      assert.equal(q.chosenBy, lead.id);
      assert.equal(codings.some((k) => k.segmentId === q.segmentId && k.codeId === q.codeId), true, `quote ${q.segmentId} is a segment coded ${path(q.codeId)}`);
    }
  } finally {
    await store.close();
  }
});
