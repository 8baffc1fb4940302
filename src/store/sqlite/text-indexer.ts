// Indexes documents that wait for SQLite's full-text index (migration 014) on a thread of its
// own, through a second connection to the same file: an import prepares its next files while
// the index is built. SQLite lets one writer in at a time, so the import's next transaction
// waits for the index's, but the work outside transactions overlaps. Indexing all that waits
// is the same two statements the store runs in-thread (sql/search.ts) inside a transaction.

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { BackgroundIndexer } from '../sql/context.ts';
import { INDEX_WAITING } from '../sql/search.ts';

// The thread runs this CommonJS snippet: no TypeScript, so no loader to hand on.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 60000');
db.pragma('synchronous = NORMAL');
const statements = workerData.statements.map((s) => db.prepare(s));
const indexAll = db.transaction(() => statements.forEach((s) => s.run()));
parentPort.on('message', (id) => {
  try {
    indexAll.immediate();
    parentPort.postMessage({ id });
  } catch (err) {
    parentPort.postMessage({ id, error: err.message });
  }
});
`;

export class TextIndexer implements BackgroundIndexer {
  private thread: Worker | null = null;
  private stopped = false;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();

  constructor(private readonly file: string) {}

  /** Indexes, on the thread, every document waiting when it gets there; rejects if the thread cannot (the caller then indexes in-thread). */
  run(): Promise<void> {
    if (this.stopped) return Promise.reject(new Error('the indexing thread has stopped'));
    const thread = (this.thread ??= this.start());
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      thread.postMessage(id);
    });
  }

  private start(): Worker {
    const thread = new Worker(THREAD_SOURCE, {
      eval: true,
      workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file: this.file, statements: INDEX_WAITING },
      execArgv: [],
    });
    thread.on('message', ({ id, error }: { id: number; error?: string }) => {
      const waiter = this.waiting.get(id);
      this.waiting.delete(id);
      if (error === undefined) waiter?.resolve();
      else waiter?.reject(new Error(error));
    });
    const stop = (err: Error) => {
      this.stopped = true;
      for (const waiter of this.waiting.values()) waiter.reject(err);
      this.waiting.clear();
    };
    thread.on('error', stop);
    thread.on('exit', (code) => stop(new Error(`the indexing thread exited (${code})`)));
    return thread;
  }

  async close(): Promise<void> {
    this.stopped = true;
    await this.thread?.terminate();
  }
}
