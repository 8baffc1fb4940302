import { sql, type Kysely } from 'kysely';
import { invalid } from '../../core/errors.ts';
import type { Database } from '../schema.ts';
import type { DialectName } from '../dialect.ts';
import { MIGRATIONS, type Migration } from '../migrations/index.ts';

async function tableNames(db: Kysely<Database>, dialect: DialectName): Promise<string[]> {
  const { rows } =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db);
  return rows.map((r) => r.name);
}

export async function schemaVersion(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('schema_migrations')
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

/**
 * Brings the schema up to date (or up to `target`), all in one transaction so a
 * failed upgrade changes nothing. Refuses databases that hold tables of something
 * else, and databases written by a newer Crosswise.
 */
export async function migrate(
  db: Kysely<Database>,
  dialect: DialectName,
  location: string,
  target: number = MIGRATIONS.length,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    // SQLite transactions here begin IMMEDIATE (see sqlite/open.ts), which locks out other writers.
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('crosswise.migrate'))`.execute(tx);
    const tables = await tableNames(tx, dialect);
    if (!tables.includes('schema_migrations')) {
      if (tables.length > 0) throw invalid(`${location} holds other data (tables ${tables.slice(0, 3).join(', ')}…), not a Crosswise project`);
      await tx.schema
        .createTable('schema_migrations')
        .addColumn('version', 'integer', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('applied_at', 'text', (c) => c.notNull())
        .execute();
    }
    const current = await schemaVersion(tx);
    const latest = migrations.at(-1)?.version ?? 0;
    if (current > latest) throw invalid(`${location} was written by a newer Crosswise (schema ${current}; this one knows ${latest})`);
    for (const m of migrations) {
      if (m.version <= current || m.version > target) continue;
      await m.up(tx as unknown as Kysely<unknown>, dialect);
      await tx.insertInto('schema_migrations').values({ version: m.version, name: m.name, applied_at: new Date().toISOString() }).execute();
    }
  });
}
