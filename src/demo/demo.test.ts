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
