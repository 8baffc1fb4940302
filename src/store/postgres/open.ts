import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { invalid } from '../../core/errors.ts';
import type { Database } from '../schema.ts';
import type { Store } from '../store.ts';
import { migratedStore } from '../sql/sql-store.ts';

export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//i.test(location);

/** The URL as it may be printed: the password masked. */
export function displayUrl(url: URL): string {
  const shown = new URL(url.href);
  if (shown.password) shown.password = '***';
  return shown.href;
}

export function parsePostgresUrl(location: string): URL {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw invalid(`malformed PostgreSQL URL "${location.replace(/:[^:@/]*@/, ':***@')}": expected postgres://user:password@host:port/database`);
  }
  if (!url.hostname || url.pathname.length < 2) {
    throw invalid(`malformed PostgreSQL URL "${displayUrl(url)}": it needs a host and a database name`);
  }
  if (url.port && !/^\d+$/.test(url.port)) throw invalid(`malformed PostgreSQL URL "${displayUrl(url)}": bad port`);
  return url;
}

export async function openPostgres(location: string): Promise<Store> {
  const { db, location: shown } = await connectPostgres(location);
  return migratedStore(db, 'postgres', shown);
}

/** Connects (checking the URL and that the server answers) without migrating. */
export async function connectPostgres(location: string): Promise<{ db: Kysely<Database>; location: string }> {
  const url = parsePostgresUrl(location);
  const shown = displayUrl(url);
  const pool = new pg.Pool({ connectionString: url.href, max: 4, connectionTimeoutMillis: 10_000 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end();
    throw invalid(`cannot connect to ${shown}: ${(err as Error).message}`);
  }
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), location: shown };
}
