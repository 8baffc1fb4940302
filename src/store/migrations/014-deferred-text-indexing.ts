import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

/**
 * SQLite: a document may wait for the full-text index (`indexed = 0`) while an import writes
 * the next ones; another thread indexes it (src/store/sqlite/text-indexer.ts), and search
 * counts a waiting document among its candidates meanwhile. PostgreSQL needs nothing.
 */
export async function deferredTextIndexing(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql`alter table document_fts_keys add column indexed integer not null default 1`.execute(db);
  await sql`create index document_fts_waiting on document_fts_keys (project_id) where indexed = 0`.execute(db);
}
