// Updates the full-text index (text-index.ts) on a thread of its own, through its own
// connection: an import prepares and writes its next files meanwhile. The update is the same
// statements the index runs in-thread when the thread cannot, in a deferred transaction that
// takes the index file's write lock only.

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { ATTACH_CORPUS, searchIndexFile, SETUP, UPDATE } from './text-index-sql.ts';

// The thread runs this CommonJS snippet: no TypeScript, so no loader to hand on.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.index);
for (const statement of workerData.setup) db.exec(statement);
db.prepare(workerData.attach).run(workerData.database);
db.pragma('busy_timeout = 60000');
const statements = workerData.update.map((s) => db.prepare(s));
const update = db.transaction(() => statements.forEach((s) => s.run()));
parentPort.on('message', (id) => {
  try {
    update();
    parentPort.postMessage({ id });
  } catch (err) {
    parentPort.postMessage({ id, error: err.message });
  }
});
`;

export class IndexingThread {
  private thread: Worker | null = null;
  private stopped = false;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();

  constructor(private readonly databaseFile: string) {}

  /** Updates the index on the thread when it gets there; rejects if the thread cannot (the caller then updates in-thread). */
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
      workerData: {
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        index: searchIndexFile(this.databaseFile),
        database: this.databaseFile,
        setup: SETUP,
        attach: ATTACH_CORPUS,
        update: UPDATE,
      },
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
