// Coding tallies and coded passages for every adapter: the per-(document, code, coder) counts
// (migration 009) and the per-(segment, code) passages with their ranges (migration 010) the
// database keeps beside the codings equal a recount after every kind of change, a failed
// transaction leaves them as they were, and an upgraded database gets them filled.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { connectRaw } from '../open.ts';
import type { Database } from '../schema.ts';
import { migrate } from '../sql/migrate.ts';
import { rangeOf, seed, TEXT, withStore } from './fixtures.ts';

type Tally = { document_id: string; code_id: string; coder_id: string; n: number | string };

const sorted = (rows: Tally[]) =>
  rows.map((r) => `${r.document_id} ${r.code_id} ${r.coder_id} ${Number(r.n)}`).sort();

async function tallies(db: Kysely<Database>): Promise<string[]> {
  return sorted((await sql<Tally>`select document_id, code_id, coder_id, codings as n from coding_tallies`.execute(db)).rows);
}

async function recount(db: Kysely<Database>): Promise<string[]> {
  return sorted(
    (
      await sql<Tally>`select s.document_id, c.code_id, c.coder_id, count(*) as n from codings c
        join segments s on s.project_id = c.project_id and s.id = c.segment_id
        group by s.document_id, c.code_id, c.coder_id`.execute(db)
    ).rows,
  );
}

type Passage = { segment_id: string; code_id: string; document_id: string; start_cp: number; end_cp: number; n: number | string };

const sortedPassages = (rows: Passage[]) =>
  rows.map((r) => `${r.document_id} ${r.start_cp}-${r.end_cp} ${r.segment_id} ${r.code_id} ${Number(r.n)}`).sort();

async function passages(db: Kysely<Database>): Promise<string[]> {
  return sortedPassages((await sql<Passage>`select segment_id, code_id, document_id, start_cp, end_cp, coders as n from coded_passages`.execute(db)).rows);
}

async function recountPassages(db: Kysely<Database>): Promise<string[]> {
  return sortedPassages(
    (
      await sql<Passage>`select c.segment_id, c.code_id, s.document_id, s.start_cp, s.end_cp, count(*) as n from codings c
        join segments s on s.project_id = c.project_id and s.id = c.segment_id
        group by c.segment_id, c.code_id, s.document_id, s.start_cp, s.end_cp`.execute(db)
    ).rows,
  );
}

async function reachCounts(db: Kysely<Database>, from: 'kept' | 'recount'): Promise<string[]> {
  const query =
    from === 'kept'
      ? sql<Tally>`select document_id, code_id, '-' as coder_id, passages as n from code_reach`
      : sql<Tally>`select s.document_id, c.code_id, '-' as coder_id, count(distinct c.segment_id) as n from codings c
          join segments s on s.project_id = c.project_id and s.id = c.segment_id group by s.document_id, c.code_id`;
  return sorted((await query.execute(db)).rows);
}

export function talliesContract(adapter: string, freshLocation: () => Promise<string>): void {
  describe(`coding tallies contract: ${adapter}`, () => {
    test('tallies and passages equal a recount after applying, resizing, removing, merging and deleting codes and documents', async () => {
      const location = await freshLocation();
      const raw = await connectRaw(location);
      try {
        await withStore(location, async (store) => {
          const { p, amira, luc, obstacles, fear, shelter, doc } = await seed(store);
          const check = async (after: string, size: number) => {
            const kept = await tallies(raw.db);
            assert.deepEqual(kept, await recount(raw.db), `tallies differ from a recount after ${after}`);
            assert.equal(kept.length, size, `tally rows after ${after}`);
            assert.deepEqual(await passages(raw.db), await recountPassages(raw.db), `coded passages differ from a recount after ${after}`);
            assert.deepEqual(await reachCounts(raw.db, 'kept'), await reachCounts(raw.db, 'recount'), `code reach differs from a recount after ${after}`);
          };
          const police = await p.createCode({ name: 'Fear of police', parentId: obstacles.id });
          const deportation = rangeOf(TEXT, 'fear of deportation');
          const silent = rangeOf(TEXT, 'keeps them silent');
          const a1 = await p.applyCode({ documentId: doc.id, ...deportation, codeId: fear.id, coderId: amira.id });
          const l1 = await p.applyCode({ documentId: doc.id, ...deportation, codeId: fear.id, coderId: luc.id });
          await p.applyCode({ documentId: doc.id, ...silent, codeId: fear.id, coderId: amira.id });
          const a2 = await p.applyCode({ documentId: doc.id, ...rangeOf(TEXT, 'Montréal'), codeId: shelter.id, coderId: amira.id });
          await p.applyCode({ documentId: doc.id, ...silent, codeId: police.id, coderId: luc.id });
          await check('applying codes', 4);
          await p.applyCode({ documentId: doc.id, ...deportation, codeId: fear.id, coderId: amira.id });
          await check('applying a coding twice', 4);

          // Alone on its segment (the segment moves), sharing it (the coding moves), onto its twin (it collapses).
          await p.resizeCoding(a2.id, a2.start, a2.end + 3);
          await check('moving a segment', 4);
          await p.resizeCoding(l1.id, silent.start, silent.end + 1);
          await check('moving a coding off a shared segment', 4);
          await p.resizeCoding(a1.id, silent.start, silent.end);
          await check('collapsing a coding into its twin', 4);
          await p.removeCoding(a2.id);
          await check('removing a coding', 3);

          // Luc coded one passage with both codes: merged, that coding collapses into the target's.
          await p.applyCode({ documentId: doc.id, ...silent, codeId: fear.id, coderId: luc.id });
          await check('coding a passage with two codes', 3);
          await p.mergeCodes(police.id, fear.id);
          await check('merging codes', 2);
          const other = await p.addDocument({ name: 'Second', text: 'Shelters are full every winter.', language: 'en' });
          await p.applyCode({ documentId: other.id, start: 0, end: 8, codeId: shelter.id, coderId: luc.id });
          await p.applyCode({ documentId: other.id, start: 0, end: 8, codeId: fear.id, coderId: luc.id });
          await check('coding a second document', 4);
          await p.deleteCode(shelter.id);
          await check('deleting a code', 3);

          // A transaction that fails half-way leaves nothing behind, tallies included.
          await assert.rejects(
            p.transaction(async (tx) => {
              await tx.applyCode({ documentId: other.id, start: 9, end: 12, codeId: fear.id, coderId: amira.id });
              await tx.applyCode({ documentId: other.id, start: 9, end: 12, codeId: obstacles.id, coderId: amira.id });
            }),
            /Obstacles/,
          );
          await check('a failed transaction', 3);

          // Deleting a document cascades to its segments and codings; its tallies go with them.
          await raw.db.deleteFrom('documents').where('id', '=', doc.id).execute();
          await check('deleting a document', 1);
        });
      } finally {
        await raw.db.destroy();
      }
    });

    test('upgrading a database with codings fills its tallies and passages', async () => {
      const location = await freshLocation();
      const raw = await connectRaw(location);
      try {
        await migrate(raw.db, raw.dialect, raw.location, 8);
        const at = '2020-01-01T00:00:00.000Z';
        const p = { project_id: 'p1' };
        await raw.db.insertInto('projects').values({ id: 'p1', title: 'Old', description: '', objectives: '[]', definitions: '[]', languages: '["en"]', created_at: at }).execute();
        await raw.db.insertInto('users').values([{ ...p, id: 'u1', name: 'A', role: 'coder', language: null }, { ...p, id: 'u2', name: 'B', role: 'coder', language: null }]).execute();
        await raw.db.insertInto('codes').values(['k1', 'k2'].map((id, i) => ({ ...p, id, parent_id: null, name: id, color: '#000000', definition: '', inclusion: '', exclusion: '', example: '', codable: 1, position: i, version: 1 }))).execute();
        await raw.db.insertInto('documents').values({ ...p, id: 'd1', name: 'Old', language: 'en', text: 'Coded before tallies existed.', length: 29, turns: '[]', interview_id: null, case_id: null, original_filename: null, original_media_type: null, original_sha256: null, original_size: null, created_at: at }).execute();
        await raw.db.insertInto('segments').values([0, 6].map((start, i) => ({ ...p, id: `s${i}`, document_id: 'd1', start_cp: start, end_cp: start + 5, exact: '', prefix: '', suffix: '', version: 1 }))).execute();
        const codings = [['s0', 'k1', 'u1'], ['s0', 'k1', 'u2'], ['s1', 'k1', 'u1'], ['s1', 'k2', 'u1']];
        await raw.db.insertInto('codings').values(codings.map(([segment, code, coder], i) => ({ ...p, id: `c${i}`, segment_id: segment!, code_id: code!, coder_id: coder!, created_at: at }))).execute();
      } finally {
        await raw.db.destroy();
      }
      await withStore(location, async () => {
        const check = await connectRaw(location);
        try {
          assert.deepEqual(await tallies(check.db), ['d1 k1 u1 2', 'd1 k1 u2 1', 'd1 k2 u1 1']);
          assert.deepEqual(await passages(check.db), ['d1 0-5 s0 k1 2', 'd1 6-11 s1 k1 1', 'd1 6-11 s1 k2 1']);
          assert.deepEqual(await reachCounts(check.db, 'kept'), ['d1 k1 - 2', 'd1 k2 - 1']);
        } finally {
          await check.db.destroy();
        }
      });
    });
  });
}
