// SQLite's full-text index lives in a file of its own next to the database ("crosswise.db-search"),
// so that building it never holds the database's write lock: an import writes its next batch while
// the index of the last one is built on another thread (text-indexer.ts). SQLite lets one writer
// into a file at a time, and BEGIN IMMEDIATE takes the lock of every attached file, so the store's
// own connection never attaches this one; the index's connections attach the database instead and
// only read it.
//
// The index is derived data and checks itself against the database: it records which document
// (key and id) each entry is for, so a missing, stale or foreign index file is rebuilt or tidied
// by the next update instead of misleading a search.

import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { TextIndex } from '../sql/context.ts';
import { ATTACH_CORPUS, NOT_INDEXED, searchIndexFile, SETUP, STALE, UPDATE } from './text-index-sql.ts';
import { IndexingThread } from './text-indexer.ts';

/** Opens a connection to the index of `databaseFile`, creating the index file when missing and anew when it is not one. */
export function connectIndex(databaseFile: string): Database.Database {
  const file = searchIndexFile(databaseFile);
  const connect = () => {
    const db = new Database(file);
    try {
      for (const statement of SETUP) db.exec(statement);
      db.prepare(ATTACH_CORPUS).run(databaseFile);
      return db;
    } catch (err) {
      db.close();
      throw err;
    }
  };
  try {
    return connect();
  } catch (err) {
    // Derived data: a damaged index is thrown away and built again.
    if (!['SQLITE_NOTADB', 'SQLITE_CORRUPT'].includes((err as { code?: string }).code ?? '')) throw err;
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    return connect();
  }
}

/** The index of one SQLite database: read on this thread, updated on another when it can be. */
export class SqliteTextIndex implements TextIndex {
  private readonly db: Database.Database;
  private readonly thread: IndexingThread;
  private readonly updateHere: () => void;
  private readonly matching: Database.Statement<[string, string], string>;
  private readonly waiting: Database.Statement<[string], string>;
  private readonly anyWaiting: Database.Statement<[]>;
  private readonly anyStale: Database.Statement<[]>;
  private readonly probe: Database.Statement<[string]>;

  constructor(databaseFile: string) {
    this.db = connectIndex(databaseFile);
    this.db.pragma('busy_timeout = 60000');
    this.thread = new IndexingThread(databaseFile);
    const statements = UPDATE.map((s) => this.db.prepare(s));
    this.updateHere = this.db.transaction(() => statements.forEach((s) => s.run()));
    this.matching = this.db
      .prepare<[string, string], string>(
        `select k.document_id from document_fts f join indexed i on i.key = f.rowid
          join corpus.document_fts_keys k on k.id = i.key and k.document_id = i.document_id
          where document_fts match ? and k.project_id = ?`,
      )
      .pluck();
    this.waiting = this.db.prepare<[string], string>(`select k.document_id from corpus.document_fts_keys k where k.project_id = ? and ${NOT_INDEXED}`).pluck();
    this.anyWaiting = this.db.prepare(`select 1 from corpus.document_fts_keys k where ${NOT_INDEXED} limit 1`);
    this.anyStale = this.db.prepare(`${STALE} limit 1`);
    this.probe = this.db.prepare<[string]>('select rowid from document_fts where document_fts match ? limit 1');
  }

  async update(): Promise<void> {
    if (!this.behind()) return;
    try {
      return await this.thread.run();
    } catch {
      // A thread that cannot index leaves it to this one.
    }
    this.updateHere();
  }

  /** Indexes what waits here and now unless another process is updating the index (its import indexes its own). */
  updateUnlessBusy(): void {
    this.db.pragma('busy_timeout = 0');
    try {
      if (this.behind()) this.updateHere();
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
    } finally {
      this.db.pragma('busy_timeout = 60000');
    }
  }

  /** Whether a document waits for the index, or an entry is for a document no longer there. */
  private behind(): boolean {
    return this.db.transaction(() => this.anyWaiting.get() !== undefined || this.anyStale.get() !== undefined)();
  }

  async candidates(projectId: string, match: string): Promise<string[]> {
    // One read transaction: a document indexed between the two reads would be in neither.
    return this.db.transaction(() => [...new Set([...this.matching.all(match, projectId), ...this.waiting.all(projectId)])])();
  }

  async answers(match: string): Promise<boolean> {
    try {
      this.probe.get(match);
      return true;
    } catch (err) {
      if (/phrase queries are not supported/.test(String(err))) return false;
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.thread.close();
    this.db.close();
  }
}
