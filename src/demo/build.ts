import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor, Language, UserId } from '../core/model.ts';
import { invalid } from '../core/errors.ts';
import { CodePointIndex } from '../core/text/offsets.ts';
import { detectTurns } from '../core/text/turns.ts';
import type { ProjectStore, Store } from '../store/store.ts';
import { DEMO_CODEBOOK } from './codebook.ts';
import { addDemoNeedsAndReport } from './needs.ts';
import { addDemoServices } from './services.ts';
import {
  DEMO_ATTRIBUTES,
  DEMO_GUIDE,
  DEMO_MEMOS,
  DEMO_PROJECT,
  DEMO_SITES,
  DEMO_TITLE,
  DEMO_TRANSCRIPTS,
  DEMO_USERS,
  interviewStatus,
} from './study.ts';

// From the module's folder up to the root and down again: the same path from the sources and from the CLI bundle (dist/cli).
const TRANSCRIPTS = join(import.meta.dirname, '..', '..', 'src', 'demo', 'transcripts');
const ACTOR: Actor = { system: 'demo' };

/** A transcript's coding by the demo's two coders, "A" and "B". */
export interface TranscriptCoding {
  participant: string;
  language: Language;
  codings: { code: string; quote: string; coders: ('A' | 'B')[] }[];
}

export function readTranscript(participant: string): { text: string; bytes: Buffer; coding: TranscriptCoding } {
  const bytes = readFileSync(join(TRANSCRIPTS, `${participant}.txt`));
  const coding = JSON.parse(readFileSync(join(TRANSCRIPTS, `${participant}.json`), 'utf8')) as TranscriptCoding;
  return { text: bytes.toString('utf8'), bytes, coding };
}

/** A date some days after `date`, at a fixed hour: coding happened after the interview. */
function daysAfter(date: string, days: number): string {
  const d = new Date(`${date}T15:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString();
}

/**
 * Creates the demo study in the store unless it is there already; in one
 * transaction, so a failure leaves no half-built demo.
 */
export async function ensureDemo(store: Store): Promise<{ project: ProjectStore; created: boolean }> {
  if ((await store.listProjects()).some((p) => p.title === DEMO_TITLE)) {
    return { project: await store.openProject(DEMO_TITLE, ACTOR), created: false };
  }
  try {
    return { project: await store.createProject(DEMO_PROJECT, ACTOR, populate), created: true };
  } catch (err) {
    throw invalid(`building the demo failed: ${(err as Error).message}`);
  }
}

async function populate(p: ProjectStore): Promise<void> {
  const users = new Map<string, UserId>();
  for (const u of DEMO_USERS) users.set(u.key, (await p.createUser({ name: u.name, role: u.role })).id);
  const user = (key: string) => users.get(key)!;

  for (const a of DEMO_ATTRIBUTES) await p.defineAttribute({ ...a, caseKinds: [...a.caseKinds] });
  for (const area of DEMO_GUIDE) await p.addIssueArea(area);

  for (const category of DEMO_CODEBOOK) {
    const parent = await p.createCode({ name: category.name, color: category.color, definition: category.definition, codable: false });
    for (const code of category.codes) await p.createCode({ ...code, parentId: parent.id });
  }

  const participants = new Map<string, { caseId: string; interviewId: string; date: string }>();
  for (const site of DEMO_SITES) {
    const siteCase = await p.createCase({ kind: 'site', name: site.name, attributes: { province: site.province } });
    const orgIds: string[] = [];
    for (const org of site.organisations) {
      const c = await p.createCase({
        kind: 'organisation',
        name: org.name,
        parentId: siteCase.id,
        attributes: { 'organisation type': org.type, 'languages served': org.languages, 'serves Aboriginal people': org.aboriginal },
      });
      orgIds.push(c.id);
    }
    for (const [id, org, role, years, language, date] of site.participants) {
      const c = await p.createCase({
        kind: 'participant',
        name: id,
        parentId: orgIds[org]!,
        description: `Fictional respondent: ${role.toLowerCase()}, ${site.organisations[org]!.name}.`,
        attributes: { role, 'years of experience': years, 'interview language': language === 'fr' ? 'French' : 'English' },
      });
      const interview = await p.createInterview({
        participantId: c.id,
        interviewerId: user(site.interviewer),
        date,
        mode: 'telephone',
        status: interviewStatus(id),
        consentRecorded: true,
      });
      participants.set(id, { caseId: c.id, interviewId: interview.id, date });
    }
  }

  const codes = await p.listCodes();
  for (const { participant, coded } of DEMO_TRANSCRIPTS) {
    const { text, bytes, coding } = readTranscript(participant);
    const who = participants.get(participant)!;
    const doc = await p.addDocument({
      name: `${participant} interview`,
      text,
      language: coding.language,
      turns: detectTurns(text),
      caseId: who.caseId,
      interviewId: who.interviewId,
      original: { filename: `${participant}.txt`, mediaType: 'text/plain; charset=utf-8', bytes },
    });
    if (!coded) continue;
    const index = new CodePointIndex(text);
    for (const [i, c] of coding.codings.entries()) {
      const at = text.indexOf(c.quote);
      if (at < 0) throw new Error(`${participant}: quote for "${c.code}" not found`);
      const start = index.toCodePoint(at);
      const end = index.toCodePoint(at + c.quote.length);
      const code = codes.find((k) => `${codes.find((x) => x.id === k.parentId)?.name}/${k.name}` === c.code);
      if (!code) throw new Error(`${participant}: unknown code "${c.code}"`);
      for (const coder of c.coders) {
        await p.applyCode({ documentId: doc.id, start, end, codeId: code.id, coderId: user(coder), createdAt: daysAfter(who.date, 40 + i) });
      }
    }
  }

  const cases = await p.listCases();
  for (const m of DEMO_MEMOS) {
    const target =
      m.target === 'project'
        ? { kind: 'project' as const }
        : m.target === 'code'
          ? { kind: 'code' as const, id: (await p.findCode(m.ref!)).id }
          : { kind: 'case' as const, id: cases.find((c) => c.kind === 'site' && c.name === m.ref)!.id };
    await p.addMemo({ target, authorId: user(m.author), title: m.title, text: m.text });
  }

  await addDemoNeedsAndReport(p, user('lead'));
  await addDemoServices(p);
}
