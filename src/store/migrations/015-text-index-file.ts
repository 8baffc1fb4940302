import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

/**
 * SQLite: the full-text index moves to a file of its own (src/store/sqlite/text-index.ts), so
 * that building it does not hold the database's write lock; it is rebuilt there at the next open.
 * `document_fts_keys` stays here: it gives each document its key in the index, and a new key when
 * its text changes, which tells the index to forget the old words. PostgreSQL needs nothing.
 */
export async function textIndexFile(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql`drop trigger documents_fts_delete`.execute(db);
  await sql`drop trigger documents_fts_update`.execute(db);
  await sql`drop table document_fts`.execute(db);
  await sql`drop index document_fts_waiting`.execute(db);
  await sql`alter table document_fts_keys drop column indexed`.execute(db);
  await sql
    .raw(
      `create trigger documents_fts_delete after delete on documents begin
        delete from document_fts_keys where project_id = old.project_id and document_id = old.id; end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger documents_fts_update after update of text on documents begin
        delete from document_fts_keys where project_id = old.project_id and document_id = old.id;
        insert into document_fts_keys (project_id, document_id) values (new.project_id, new.id); end`,
    )
    .execute(db);
}
