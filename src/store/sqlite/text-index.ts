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
import type { IndexWord, TextIndex } from '../sql/context.ts';
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

const unanswerable = (err: unknown) => /phrase queries are not supported/.test(String(err));
const match = (words: readonly IndexWord[]) => words.map((w) => `"${w.word}"${w.prefix ? '*' : ''}`).join(' ');

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
  private readonly everyDocument: Database.Statement<[string], string>;

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
    this.everyDocument = this.db.prepare<[string], string>('select id from corpus.documents where project_id = ?').pluck();
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

  /**
   * Each word is quoted, so FTS5 syntax in a search is taken literally (juxtaposition means AND).
   * A word FTS5 cuts in two (a mark or letter its Unicode 6.1 tables do not know, such as U+0305)
   * would need a phrase, which an index without positions refuses: such words are left out of
   * the filter, which only loosens it; with none left, every document of the project is a candidate.
   */
  async candidates(projectId: string, words: readonly IndexWord[]): Promise<string[]> {
    try {
      return this.found(projectId, words);
    } catch (err) {
      if (!unanswerable(err)) throw err;
    }
    const answerable = words.filter((w) => this.answers(w));
    return answerable.length > 0 ? this.found(projectId, answerable) : this.everyDocument.all(projectId);
  }

  private found(projectId: string, words: readonly IndexWord[]): string[] {
    // One read transaction: a document indexed between the two reads would be in neither.
    return this.db.transaction(() => [...new Set([...this.matching.all(match(words), projectId), ...this.waiting.all(projectId)])])();
  }

  private answers(word: IndexWord): boolean {
    try {
      this.probe.get(match([word]));
      return true;
    } catch (err) {
      if (unanswerable(err)) return false;
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.thread.close();
    this.db.close();
  }
}
