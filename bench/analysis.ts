// The analysis benchmark of issue 5: a generated project (at BENCH_SCALE 1: 1,000
// documents of ~60 kB, 40 sites × 25 participants, 300 codes in a 3-level tree,
// ~1,000,000 codings by 3 coders), each analysis timed beside the simplest correct
// SQL for the same answer. Rows are written directly through a raw connection to the
// same database (applyCode runs ~650/s; a million would take half an hour).
// Standalone: node --import tsx bench/analysis.ts [sqlite|postgres]

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { codePointLength, sliceCodePoints } from '../src/core/text/offsets.ts';
import { connectRaw, openStore } from '../src/store/open.ts';
import type { Database } from '../src/store/schema.ts';
import type { User } from '../src/core/model.ts';
import type { ProjectStore, Store } from '../src/store/store.ts';
import { matrixQuery } from '../src/analysis/matrix.ts';
import { cooccurrence } from '../src/analysis/cooccurrence.ts';
import { codingQuery } from '../src/analysis/coding-query.ts';
import { frameworkView } from '../src/analysis/framework.ts';
import { createDatabase, testServer } from '../test/support/postgres.ts';
import { transcriptParagraphs } from './corpus.ts';
import type { Result } from './result.ts';

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: Math.round((performance.now() - start) * 10) / 10, value };
}

/** Inserts rows in chunks small enough for either dialect's parameter limit. */
async function insertMany<T extends keyof Database>(db: Kysely<Database>, table: T, rows: Record<string, unknown>[]): Promise<void> {
  const columns = Object.keys(rows[0] ?? {}).length || 1;
  const chunk = Math.floor(30_000 / columns);
  for (let i = 0; i < rows.length; i += chunk) {
    await db.insertInto(table).values(rows.slice(i, i + chunk) as never).execute();
  }
}

interface Generated {
  project: ProjectStore;
  codings: number;
  themeId: string;
  leafA: string;
  leafB: string;
}

/** Writes the project: structure through the store, bulk rows through a raw connection. */
async function generate(store: Store, scale: number): Promise<Generated> {
  const sites = Math.max(2, Math.round(40 * Math.sqrt(scale)));
  const perSite = Math.max(2, Math.round(25 * Math.sqrt(scale)));
  const codingsPerDocument = 1000;
  const wordsPerDocument = 10_000;
  const rnd = random(5);
  const project = await store.createProject({ title: `Analysis bench ${randomUUID()}` }, { system: 'bench' });
  const coders: User[] = [];
  for (const name of ['A', 'B', 'C']) coders.push(await project.createUser({ name, role: 'coder' }));
  const leaves: string[] = [];
  let themeId = '';
  for (let i = 0; i < 5; i++) {
    const top = await project.createCode({ name: `Theme ${i}`, codable: false });
    themeId ||= top.id;
    for (let j = 0; j < 5; j++) {
      const mid = await project.createCode({ name: `Sub ${i}.${j}`, parentId: top.id, codable: false });
      for (let k = 0; k < 11; k++) leaves.push((await project.createCode({ name: `Code ${i}.${j}.${k}`, parentId: mid.id })).id);
    }
  }
  const raw = await connectRaw(store.location);
  let codings = 0;
  try {
    await raw.db.transaction().execute(async (db) => {
      const at = new Date().toISOString();
      // One site at a time, so the text of only 25 documents is in memory at once.
      for (let s = 0; s < sites; s++) {
        const cases: Record<string, unknown>[] = [];
        const documents: Record<string, unknown>[] = [];
        const segments: Record<string, unknown>[] = [];
        const rows: Record<string, unknown>[] = [];
        const site = randomUUID();
        cases.push({ project_id: project.id, id: site, kind: 'site', name: `Site ${s}`, parent_id: null, description: '' });
        for (let p = 0; p < perSite; p++) {
          const participant = randomUUID();
          cases.push({ project_id: project.id, id: participant, kind: 'participant', name: `P${s}-${p}`, parent_id: site, description: '' });
          const text = transcriptParagraphs(s * 1000 + p, wordsPerDocument).join('\n\n');
          const length = codePointLength(text);
          const documentId = randomUUID();
          documents.push({
            project_id: project.id, id: documentId, name: `P${s}-${p} interview`, language: 'en', text, length, turns: '[]',
            interview_id: null, case_id: participant, original_filename: null, original_media_type: null, original_sha256: null, original_size: null, created_at: at,
          });
          // Segments of 50–400 code points, each coded by A, sometimes also B and C, with one code.
          const ranges = new Set<string>();
          for (let n = 0; n < codingsPerDocument; ) {
            const start = Math.floor(rnd() * (length - 410));
            const end = start + 50 + Math.floor(rnd() * 350);
            // A range is one segment (the store's rule); a repeat draws again.
            if (ranges.has(`${start}:${end}`)) continue;
            ranges.add(`${start}:${end}`);
            const segmentId = randomUUID();
            segments.push({ project_id: project.id, id: segmentId, document_id: documentId, start_cp: start, end_cp: end, exact: sliceCodePoints(text, start, end), prefix: '', suffix: '', version: 1 });
            const code = leaves[Math.floor(rnd() * leaves.length)]!;
            for (const [c, coder] of coders.entries()) {
              if (c > 0 && rnd() > (c === 1 ? 0.4 : 0.2)) continue;
              rows.push({ project_id: project.id, id: randomUUID(), segment_id: segmentId, code_id: code, coder_id: coder.id, created_at: at });
              n++;
            }
          }
        }
        codings += rows.length;
        await insertMany(db, 'cases', cases);
        await insertMany(db, 'documents', documents);
        await insertMany(db, 'segments', segments);
        await insertMany(db, 'codings', rows);
      }
    });
    // Measured at rest, as a real database would be: the load's log checkpointed, statistics fresh.
    if (raw.dialect === 'sqlite') {
      await sql`analyze`.execute(raw.db);
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(raw.db);
    } else await sql`vacuum analyze`.execute(raw.db);
  } finally {
    await raw.db.destroy();
  }
  return { project, codings, themeId, leafA: leaves[0]!, leafB: leaves[1]! };
}


/** A project an earlier run generated and kept (BENCH_DB), found by its title and code names. */
async function generated(store: Store): Promise<Generated | null> {
  const found = (await store.listProjects()).find((p) => p.title.startsWith('Analysis bench '));
  if (!found) return null;
  const project = await store.openProject(found.id, { system: 'bench' });
  const codes = new Map((await project.listCodes()).map((c) => [c.name, c.id]));
  const { codings } = await project.stats();
  return { project, codings, themeId: codes.get('Theme 0')!, leafA: codes.get('Code 0.0.0')!, leafB: codes.get('Code 0.0.1')! };
}

/** Times each analysis and the simplest correct SQL for the same answer; returns ms and ratios. */
export async function analysisBench(store: Store, scale = Number(process.env.BENCH_SCALE ?? 1)): Promise<Result> {
  const kept = await generated(store);
  const generation = kept ? { ms: 0, value: kept } : await time(() => generate(store, scale));
  const { project, codings, themeId, leafA, leafB } = generation.value;
  const raw = await connectRaw(store.location);
  const p = project.id;
  const result: Result = { codings, generationMs: generation.ms };
  // Ours: the median of five runs after a warm-up (this machine's timings wander by a third); the simplest SQL, slower by far, once.
  const measure = async (name: string, ours: () => Promise<unknown>, simplest: () => Promise<unknown>) => {
    await ours(); // warm caches the same for both
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push((await time(ours)).ms);
    const a = { ms: runs.sort((x, y) => x - y)[2]! };
    const b = await time(simplest);
    result[`${name}Ms`] = a.ms;
    result[`${name}MaxMs`] = runs[4]!;
    result[`${name}SimplestSqlMs`] = b.ms;
    result[`${name}Ratio`] = Math.round((a.ms / b.ms) * 100) / 100;
  };
  try {
    // Codes × sites, counting cases (the simplest SQL counts leaf codes only; categories would need a recursive query).
    await measure(
      'matrix',
      () => matrixQuery(project, { columns: { by: 'site' }, count: 'cases' }),
      () => sql`select c.code_id, k.parent_id as site, count(distinct d.case_id) from codings c
        join segments s on s.project_id = c.project_id and s.id = c.segment_id
        join documents d on d.project_id = s.project_id and d.id = s.document_id
        join cases k on k.project_id = d.project_id and k.id = d.case_id
        where c.project_id = ${p} group by c.code_id, k.parent_id`.execute(raw.db),
    );
    // Full co-occurrence: a self-join of distinct (segment, code) passages on overlap, per document.
    await measure(
      'cooccurrence',
      () => cooccurrence(project),
      () => sql`with x as (select distinct s.document_id, s.id, s.start_cp, s.end_cp, c.code_id from codings c
          join segments s on s.project_id = c.project_id and s.id = c.segment_id where c.project_id = ${p})
        select a.code_id, b.code_id, count(*) from x a join x b on a.document_id = b.document_id
          and a.start_cp < b.end_cp and b.start_cp < a.end_cp and a.code_id < b.code_id
        group by a.code_id, b.code_id`.execute(raw.db),
    );
    // A AND B: the overlaps of two codes' passages.
    await measure(
      'booleanQuery',
      () => codingQuery(project, { op: 'and', left: { code: leafA }, right: { code: leafB } }),
      () => sql`with x as (select distinct s.document_id, s.start_cp, s.end_cp, c.code_id from codings c
          join segments s on s.project_id = c.project_id and s.id = c.segment_id
          where c.project_id = ${p} and c.code_id in (${leafA}, ${leafB}))
        select distinct a.document_id, ${raw.dialect === 'postgres' ? sql`greatest` : sql`max`}(a.start_cp, b.start_cp),
          ${raw.dialect === 'postgres' ? sql`least` : sql`min`}(a.end_cp, b.end_cp) from x a join x b
          on a.document_id = b.document_id and a.code_id = ${leafA} and b.code_id = ${leafB}
          and a.start_cp < b.end_cp and b.start_cp < a.end_cp`.execute(raw.db),
    );
    // One theme (a top category, 55 codes) across every participant.
    await measure(
      'framework',
      () => frameworkView(project, { rowKind: 'participant', themeIds: [themeId] }),
      () => sql`select d.case_id, count(distinct s.id) from codings c
        join segments s on s.project_id = c.project_id and s.id = c.segment_id
        join documents d on d.project_id = s.project_id and d.id = s.document_id
        join codes k on k.project_id = c.project_id and k.id = c.code_id
        join codes m on m.project_id = k.project_id and m.id = k.parent_id
        where c.project_id = ${p} and m.parent_id = ${themeId} group by d.case_id`.execute(raw.db),
    );
  } finally {
    await raw.db.destroy();
  }
  return result;
}

// BENCH_DB=PATH|postgres://URL keeps the generated project there, and a later run measures it again without generating.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.env.BENCH_DB) {
  const store = await openStore(process.env.BENCH_DB);
  try {
    console.log(JSON.stringify(await analysisBench(store), null, 2));
  } finally {
    await store.close();
  }
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const which = process.argv[2] ?? 'sqlite';
  const dir = mkdtempSync(join(tmpdir(), 'crosswise-analysis-bench-'));
  const server = which === 'postgres' ? await testServer() : null;
  try {
    const location = which === 'postgres' ? (server ? await createDatabase(server.url) : null) : join(dir, 'bench.db');
    if (!location) throw new Error('PostgreSQL is not available');
    const store = await openStore(location);
    try {
      console.log(JSON.stringify({ [which]: await analysisBench(store) }, null, 2));
    } finally {
      await store.close();
    }
  } finally {
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
