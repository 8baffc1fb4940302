import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

/**
 * SQLite: a new document's text enters the full-text index from the store (addDocument), no
 * longer from a trigger. A statement that fires a trigger runs under a statement savepoint, and
 * FTS5 writes out its pending index at every savepoint: once per document, which halved the
 * speed of importing plain text. Edits and deletions of text are rare and keep their triggers.
 * PostgreSQL indexes through a generated column and needs nothing.
 */
export async function explicitTextIndexing(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') await sql`drop trigger documents_fts_insert`.execute(db);
}
