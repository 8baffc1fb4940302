import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

/**
 * Analyses at scale. `coding_tallies` counts the codings per (document, code, coder), kept in
 * step by triggers on `codings` in the writing transaction (so every writer, importers and
 * cascades included, maintains it, and a failed transaction leaves nothing behind): which
 * documents and cases a code reaches is then read without touching the codings. A tally row
 * exists only while its count is above zero. A coding deleted by a cascade from its document
 * finds no segment and changes nothing: the document's tallies go by their own cascade.
 * Indexes let code-filtered reads of codings, and lookups of a segment's document and range,
 * be answered from the index alone.
 */
export async function codingTallies(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('coding_tallies')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('code_id', 'text', (c) => c.notNull())
    .addColumn('coder_id', 'text', (c) => c.notNull())
    .addColumn('codings', 'integer', (c) => c.notNull().check(sql`codings > 0`))
    .addPrimaryKeyConstraint('coding_tallies_pk', ['project_id', 'document_id', 'code_id', 'coder_id'])
    .addForeignKeyConstraint('coding_tallies_document_fk', ['project_id', 'document_id'] as never[], 'documents', ['project_id', 'id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('coding_tallies_code_fk', ['project_id', 'code_id'] as never[], 'codes', ['project_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();

  if (dialect === 'sqlite') {
    const add = (row: 'new') => sql.raw(`
      insert into coding_tallies (project_id, document_id, code_id, coder_id, codings)
        select ${row}.project_id, s.document_id, ${row}.code_id, ${row}.coder_id, 1 from segments s
        where s.project_id = ${row}.project_id and s.id = ${row}.segment_id
        on conflict (project_id, document_id, code_id, coder_id) do update set codings = codings + 1;`);
    const key = (row: 'old') =>
      `project_id = ${row}.project_id and code_id = ${row}.code_id and coder_id = ${row}.coder_id
        and document_id = (select document_id from segments where project_id = ${row}.project_id and id = ${row}.segment_id)`;
    const remove = (row: 'old') => sql.raw(`
      delete from coding_tallies where ${key(row)} and codings = 1;
      update coding_tallies set codings = codings - 1 where ${key(row)};`);
    await sql`create trigger coding_tallies_insert after insert on codings begin ${add('new')} end`.execute(db);
    await sql`create trigger coding_tallies_delete after delete on codings begin ${remove('old')} end`.execute(db);
    await sql`create trigger coding_tallies_update after update of segment_id, code_id, coder_id on codings begin ${remove('old')} ${add('new')} end`.execute(db);
  } else {
    await sql`create function coding_tallies_count() returns trigger language plpgsql as $$
      declare doc text;
      begin
        if tg_op in ('DELETE', 'UPDATE') then
          select document_id into doc from segments where project_id = old.project_id and id = old.segment_id;
          if found then
            delete from coding_tallies where project_id = old.project_id and document_id = doc
              and code_id = old.code_id and coder_id = old.coder_id and codings = 1;
            update coding_tallies set codings = codings - 1 where project_id = old.project_id and document_id = doc
              and code_id = old.code_id and coder_id = old.coder_id;
          end if;
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          insert into coding_tallies (project_id, document_id, code_id, coder_id, codings)
            select new.project_id, s.document_id, new.code_id, new.coder_id, 1 from segments s
            where s.project_id = new.project_id and s.id = new.segment_id
            on conflict (project_id, document_id, code_id, coder_id) do update set codings = coding_tallies.codings + 1;
        end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger coding_tallies_count after insert or delete or update of segment_id, code_id, coder_id on codings
      for each row execute function coding_tallies_count()`.execute(db);
  }

  await sql`insert into coding_tallies (project_id, document_id, code_id, coder_id, codings)
    select c.project_id, s.document_id, c.code_id, c.coder_id, count(*) from codings c
    join segments s on s.project_id = c.project_id and s.id = c.segment_id
    group by c.project_id, s.document_id, c.code_id, c.coder_id`.execute(db);

  // Replaces codings_code_ix (its prefix) with one that also covers the segment, coder and id.
  await db.schema.dropIndex('codings_code_ix').execute();
  await db.schema.createIndex('codings_code_ix').on('codings').columns(['project_id', 'code_id', 'segment_id', 'coder_id', 'id']).execute();
  // A segment's document and range by its id (from a coding), and segments in document order with their ids.
  await db.schema.createIndex('segments_id_range_ix').on('segments').columns(['project_id', 'id', 'document_id', 'start_cp', 'end_cp']).execute();
  await db.schema.createIndex('segments_range_id_ix').on('segments').columns(['project_id', 'document_id', 'start_cp', 'end_cp', 'id']).execute();
  if (dialect === 'sqlite') {
    // Statistics for the old indexes but none for the new would mislead SQLite's planner.
    const { rows } = await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(db);
    if (rows[0]?.n) await sql`analyze`.execute(db);
  }
}
