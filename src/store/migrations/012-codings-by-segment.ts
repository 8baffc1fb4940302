import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

/**
 * A segment's codings in id order, from an index that holds every column read with them.
 * Without statistics, SQLite took the covering code index of migration 009, usable on
 * `project_id` alone, for the codings of each segment of a document: every segment scanned
 * all the project's codings, and a transcript with 2,000 codings took 1.2 s to load instead
 * of milliseconds. Two equal columns and covering, this index wins that choice.
 */
export async function codingsBySegment(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema.createIndex('codings_segment_ix').on('codings').columns(['project_id', 'segment_id', 'id', 'code_id', 'coder_id', 'created_at']).execute();
  if (dialect === 'sqlite') {
    // Statistics for the old indexes but none for the new would mislead SQLite's planner.
    const { rows } = await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(db);
    if (rows[0]?.n) await sql`analyze codings`.execute(db);
  }
}
