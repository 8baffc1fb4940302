import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

/**
 * SQLite: the full-text index keeps no copy of the text (contentless; the documents table has
 * it) and no word positions (detail=none): search asks it only which documents hold every word,
 * then matches exactly in code points, so phrases and ranking are never asked of it. Building
 * it took half of a plain-text import; now a third as long. Contentless rows are found by an
 * integer: `document_fts_keys` numbers the documents, and an INTEGER PRIMARY KEY keeps its
 * numbers through VACUUM (a documents rowid would not). PostgreSQL needs nothing.
 */
export async function contentlessTextIndex(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql`drop trigger documents_fts_delete`.execute(db);
  await sql`drop trigger documents_fts_update`.execute(db);
  await sql`drop table document_fts`.execute(db);
  await sql`create table document_fts_keys (
    id integer primary key, project_id text not null, document_id text not null, unique (project_id, document_id))`.execute(db);
  await sql`create virtual table document_fts using fts5(
    text, content = '', contentless_delete = 1, detail = none,
    tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  const key = (row: string) => `(select id from document_fts_keys where project_id = ${row}.project_id and document_id = ${row}.id)`;
  await sql
    .raw(
      `create trigger documents_fts_delete after delete on documents begin
        delete from document_fts where rowid = ${key('old')};
        delete from document_fts_keys where project_id = old.project_id and document_id = old.id; end`,
    )
    .execute(db);
  await sql.raw(`create trigger documents_fts_update after update of text on documents begin update document_fts set text = new.text where rowid = ${key('old')}; end`).execute(db);
  await sql`insert into document_fts_keys (project_id, document_id) select project_id, id from documents`.execute(db);
  await sql`insert into document_fts (rowid, text) select k.id, d.text from document_fts_keys k
    join documents d on d.project_id = k.project_id and d.id = k.document_id`.execute(db);
}
