import { sql, type Kysely } from 'kysely';

/**
 * A version per editable record (codes, segments, memos) for optimistic
 * concurrency: an edit based on an older version is refused, never silently
 * overwritten. Users keep the interface language they chose.
 */
export async function recordVersionsAndUserLanguage(db: Kysely<unknown>): Promise<void> {
  for (const table of ['codes', 'segments', 'memos']) {
    await db.schema.alterTable(table).addColumn('version', 'integer', (c) => c.notNull().defaultTo(sql`1`)).execute();
  }
  await db.schema.alterTable('users').addColumn('language', 'text').execute();
}
