import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase, type SqliteDialectConfig } from 'kysely';
import { invalid } from '../../core/errors.ts';
import type { Database as Schema } from '../schema.ts';
import type { Store } from '../store.ts';
import { migratedStore } from '../sql/sql-store.ts';
import { SqliteTextIndex } from './text-index.ts';

/**
 * Write transactions take the write lock when they begin, so one that reads
 * before it writes cannot fail half-way when another process (a CLI next to the
 * server) wrote meanwhile; busy_timeout then makes it wait instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

/** Statements kept prepared: more than the distinct queries of an import or a screen. */
const STATEMENT_CACHE_SIZE = 200;

/**
 * Kysely prepares every query anew, which costs as much as running a small one;
 * an import runs the same dozen statements for each document. Least recently
 * used statements are dropped; one still being iterated is never handed out twice.
 */
function cachingStatements(sqlite: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const cached = cache.get(sql);
      cache.delete(sql);
      const statement = cached && !cached.busy ? cached : sqlite.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}

const SQLITE_HEADER = 'SQLite format 3\0';

/** Refuses, before touching it, a file that exists but is not an SQLite database. */
function assertSqliteFile(path: string): void {
  if (!existsSync(path)) {
    if (!existsSync(dirname(path))) throw invalid(`cannot create ${path}: folder ${dirname(path)} does not exist`);
    return;
  }
  const stat = statSync(path);
  if (stat.isDirectory()) throw invalid(`${path} is a folder, not a database file`);
  if (stat.size === 0) return;
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) throw invalid(`${path} is not a SQLite database`);
}

export async function openSqlite(file: string): Promise<Store> {
  const { db, location } = connectSqlite(file);
  let index: SqliteTextIndex | undefined;
  const store = await migratedStore(db, 'sqlite', location, () => (index = new SqliteTextIndex(location)));
  try {
    // What an interrupted import left, or all of it when the index file is new.
    index!.updateUnlessBusy();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

/** How long a write waits for another connection's transaction before it fails. */
const BUSY_TIMEOUT_MS = 5000;

/** Opens the file (refusing non-SQLite files untouched) without migrating it. */
export function connectSqlite(file: string): { db: Kysely<Schema>; location: string } {
  const path = resolve(file);
  assertSqliteFile(path);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    sqlite.pragma('synchronous = NORMAL');
    // 64 MB of page cache (the default is 2 MB): analyses walk indexes of a million codings.
    sqlite.pragma('cache_size = -65536');
  } catch (err) {
    throw invalid(`cannot open ${path}: ${(err as Error).message}`);
  }
  return { db: new Kysely<Schema>({ dialect: new ImmediateSqliteDialect({ database: cachingStatements(sqlite) }) }), location: path };
}
