import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

/**
 * Analyses at scale, continued. `coded_passages` holds one row per (segment, code) however
 * many coders applied it, with the segment's document and range copied beside it and the
 * number of coders: what co-occurrence sweeps and framework cells count. Reading it in
 * document order (or code order) from its own indexes replaces a distinct over a million
 * codings followed by a random lookup of every segment. `code_reach` counts those passages
 * per (document, code): which documents a code reaches by any coder, in half the rows of the
 * per-coder tallies (migration 009), for matrices counting cases or documents.
 * Triggers keep both in step in the writing transaction, as for `coding_tallies`: passages on
 * codings and on a segment whose range moves, reach on passages. A row exists only while its
 * count is above zero.
 */
export async function codedPassages(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('coded_passages')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('segment_id', 'text', (c) => c.notNull())
    .addColumn('code_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('start_cp', 'integer', (c) => c.notNull())
    .addColumn('end_cp', 'integer', (c) => c.notNull())
    .addColumn('coders', 'integer', (c) => c.notNull().check(sql`coders > 0`))
    .addPrimaryKeyConstraint('coded_passages_pk', ['project_id', 'segment_id', 'code_id'])
    .addForeignKeyConstraint('coded_passages_segment_fk', ['project_id', 'segment_id'] as never[], 'segments', ['project_id', 'id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('coded_passages_code_fk', ['project_id', 'code_id'] as never[], 'codes', ['project_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema
    .createTable('code_reach')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('code_id', 'text', (c) => c.notNull())
    .addColumn('passages', 'integer', (c) => c.notNull().check(sql`passages > 0`))
    .addPrimaryKeyConstraint('code_reach_pk', ['project_id', 'document_id', 'code_id'])
    .addForeignKeyConstraint('code_reach_document_fk', ['project_id', 'document_id'] as never[], 'documents', ['project_id', 'id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('code_reach_code_fk', ['project_id', 'code_id'] as never[], 'codes', ['project_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();

  // Filled before the triggers exist, so that filling one table does not fire the other's.
  await sql`insert into coded_passages (project_id, segment_id, code_id, document_id, start_cp, end_cp, coders)
    select c.project_id, c.segment_id, c.code_id, s.document_id, s.start_cp, s.end_cp, count(*) from codings c
    join segments s on s.project_id = c.project_id and s.id = c.segment_id
    group by c.project_id, c.segment_id, c.code_id, s.document_id, s.start_cp, s.end_cp`.execute(db);
  await sql`insert into code_reach (project_id, document_id, code_id, passages)
    select project_id, document_id, code_id, count(*) from coded_passages group by project_id, document_id, code_id`.execute(db);

  const passageKey = (row: string) => `project_id = ${row}.project_id and segment_id = ${row}.segment_id and code_id = ${row}.code_id`;
  const addPassage = (row: string) => `
    insert into coded_passages (project_id, segment_id, code_id, document_id, start_cp, end_cp, coders)
      select ${row}.project_id, ${row}.segment_id, ${row}.code_id, s.document_id, s.start_cp, s.end_cp, 1 from segments s
      where s.project_id = ${row}.project_id and s.id = ${row}.segment_id
      on conflict (project_id, segment_id, code_id) do update set coders = coded_passages.coders + 1;`;
  const removePassage = (row: string) => `
    delete from coded_passages where ${passageKey(row)} and coders = 1;
    update coded_passages set coders = coders - 1 where ${passageKey(row)};`;
  // A segment never changes document; its range may move.
  const movePassages = 'update coded_passages set start_cp = new.start_cp, end_cp = new.end_cp where project_id = new.project_id and segment_id = new.id;';
  const reachKey = (row: string) => `project_id = ${row}.project_id and document_id = ${row}.document_id and code_id = ${row}.code_id`;
  const addReach = (row: string) => `
    insert into code_reach (project_id, document_id, code_id, passages) values (${row}.project_id, ${row}.document_id, ${row}.code_id, 1)
      on conflict (project_id, document_id, code_id) do update set passages = code_reach.passages + 1;`;
  const removeReach = (row: string) => `
    delete from code_reach where ${reachKey(row)} and passages = 1;
    update code_reach set passages = passages - 1 where ${reachKey(row)};`;

  if (dialect === 'sqlite') {
    const trigger = (name: string, on: string, body: string) => sql.raw(`create trigger ${name} after ${on} begin ${body} end`).execute(db);
    await trigger('coded_passages_insert', 'insert on codings', addPassage('new'));
    await trigger('coded_passages_delete', 'delete on codings', removePassage('old'));
    await trigger('coded_passages_update', 'update of segment_id, code_id on codings', removePassage('old') + addPassage('new'));
    await trigger('coded_passages_move', 'update of start_cp, end_cp on segments', movePassages);
    await trigger('code_reach_insert', 'insert on coded_passages', addReach('new'));
    await trigger('code_reach_delete', 'delete on coded_passages', removeReach('old'));
  } else {
    const trigger = async (name: string, on: string, body: string) => {
      await sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin ${body} return null; end $$`).execute(db);
      await sql.raw(`create trigger ${name} after ${on} for each row execute function ${name}()`).execute(db);
    };
    await trigger(
      'coded_passages_count',
      'insert or delete or update of segment_id, code_id on codings',
      `if tg_op in ('DELETE', 'UPDATE') then ${removePassage('old')} end if;
       if tg_op in ('INSERT', 'UPDATE') then ${addPassage('new')} end if;`,
    );
    await trigger('coded_passages_move', 'update of start_cp, end_cp on segments', movePassages);
    await trigger('code_reach_count', 'insert or delete on coded_passages', `if tg_op = 'DELETE' then ${removeReach('old')} else ${addReach('new')} end if;`);
  }

  // Passages in document order (co-occurrence sweeps), and a code's passages by document (framework cells).
  await db.schema.createIndex('coded_passages_range_ix').on('coded_passages').columns(['project_id', 'document_id', 'start_cp', 'end_cp', 'code_id']).execute();
  await db.schema.createIndex('coded_passages_code_ix').on('coded_passages').columns(['project_id', 'code_id', 'document_id', 'segment_id']).execute();
  if (dialect === 'sqlite') {
    // Statistics for the old tables but none for the new would mislead SQLite's planner.
    const { rows } = await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(db);
    if (rows[0]?.n) await sql`analyze`.execute(db);
  }
}
