import { invalid } from '../core/errors.ts';
import type { Store } from './store.ts';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { DialectName } from './dialect.ts';
import { connectSqlite, openSqlite } from './sqlite/open.ts';
import { connectPostgres, isPostgresUrl, openPostgres } from './postgres/open.ts';

function checkLocation(location: string): void {
  if (!location.trim()) throw invalid('no database given');
  if (!isPostgresUrl(location) && /^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    throw invalid(`unsupported database URL "${location.split('://')[0]}://…": use a file path or postgres://`);
  }
}

/** A raw connection without migrations: for migration tests and maintenance tools only. */
export async function connectRaw(location: string): Promise<{ db: Kysely<Database>; dialect: DialectName; location: string }> {
  checkLocation(location);
  if (isPostgresUrl(location)) return { ...(await connectPostgres(location)), dialect: 'postgres' };
  const { db, location: path } = connectSqlite(location);
  return { db, location: path, dialect: 'sqlite' };
}

/** Opens (creating and migrating as needed) the store at a file path or a postgres:// URL. */
export async function openStore(location: string): Promise<Store> {
  checkLocation(location);
  return isPostgresUrl(location) ? openPostgres(location) : openSqlite(location);
}
