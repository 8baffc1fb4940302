// What the contract suites share: a seeded project with the characters that break naive offset code.

import type { Actor } from '../../core/model.ts';
import { openStore } from '../open.ts';
import type { Store } from '../store.ts';

export const system: Actor = { system: 'contract-test' };

/** A transcript with the characters that break naive offset code. */
export const TEXT = [
  'Interviewer: Where do you work? 👩‍👩‍👧',
  'Respondent: In Montréal, at a shelter.\r\nWomen arrive with nothing; the fear of deportation keeps them silent.',
  'Respondent: Services for Aboriginal girls are met only ad hoc. Cafe\u0301 talks help.',
].join('\n\n');

export async function withStore<T>(location: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(location);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** A project with two coders, a site/organisation/participant, a small codebook and one document. */
export async function seed(store: Store, title = 'Study') {
  const p = await store.createProject({ title, languages: ['en', 'fr'] }, system);
  const amira = await p.createUser({ name: 'Amira', role: 'coder' });
  const luc = await p.createUser({ name: 'Luc', role: 'coder' });
  await p.defineAttribute({ name: 'years of experience', type: 'integer', caseKinds: ['participant'] });
  const site = await p.createCase({ kind: 'site', name: 'Montreal' });
  const org = await p.createCase({ kind: 'organisation', name: 'Maison L’Escale', parentId: site.id });
  const participant = await p.createCase({
    kind: 'participant',
    name: 'MTL-02',
    parentId: org.id,
    attributes: { 'years of experience': 7 },
  });
  const obstacles = await p.createCode({ name: 'Obstacles', codable: false });
  const fear = await p.createCode({ name: 'Fear of deportation', parentId: obstacles.id });
  const needs = await p.createCode({ name: 'Needs', codable: false });
  const shelter = await p.createCode({ name: 'Safe housing', parentId: needs.id });
  const bytes = new TextEncoder().encode(TEXT);
  const doc = await p.addDocument({
    name: 'MTL-02 interview',
    text: TEXT,
    language: 'en',
    caseId: participant.id,
    original: { filename: 'mtl-02.txt', mediaType: 'text/plain', bytes },
  });
  return { p, amira, luc, site, org, participant, obstacles, fear, needs, shelter, doc, bytes };
}

/** Code-point range of the first occurrence of `phrase`. */
export function rangeOf(text: string, phrase: string): { start: number; end: number } {
  const start = [...text.slice(0, text.indexOf(phrase))].length;
  return { start, end: start + [...phrase].length };
}
