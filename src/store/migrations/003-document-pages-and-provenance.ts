import { sql, type Kysely } from 'kysely';

/** Page boundaries (PDF) and how a document was imported (format, encoding, warnings). */
export async function documentPagesAndProvenance(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('documents').addColumn('pages', 'text', (c) => c.notNull().defaultTo(sql`'[]'`)).execute();
  await db.schema.alterTable('documents').addColumn('import_info', 'text', (c) => c.notNull().defaultTo(sql`'{}'`)).execute();
  await db.schema.createIndex('documents_name_ix').on('documents').columns(['project_id', 'name']).execute();
}
