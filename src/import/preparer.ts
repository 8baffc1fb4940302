// Prepares files (read, extract, normalise, detect turns and language) on a worker thread
// while the caller writes earlier ones to the database: on two cores, reading and parsing
// transcripts then costs nothing beside the full-text indexing. Files come back in the order
// asked for. Small imports prepare in-thread: starting a worker costs more than it saves.

import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Limits } from '../formats/types.ts';
import { prepareFile, type Prepared } from './prepare.ts';

/** Below this many files, preparing in-thread is faster. */
const WORKER_FROM = 16;
/**
 * Files prepared ahead of the writer, which blocks while it writes a batch (see pipeline.ts):
 * enough for the next batch, bounded in bytes so that memory stays flat whatever the corpus.
 */
const AHEAD = { files: 64, bytes: 32 * 2 ** 20 };

export interface Preparer {
  /** The next file of the list, prepared. */
  next(): Promise<Prepared>;
  close(): Promise<void>;
}

function inThread(files: readonly string[], limits: Limits): Preparer {
  let at = 0;
  return { next: () => prepareFile(files[at++]!, limits), close: async () => undefined };
}

export function preparer(files: readonly string[], limits: Limits): Preparer {
  if (files.length < WORKER_FROM) return inThread(files, limits);
  const worker = new Worker(new URL('./prepare-worker.mjs', import.meta.url));
  const waiting = new Map<number, { resolve: (p: Prepared) => void; reject: (e: Error) => void }>();
  const results: Promise<Prepared>[] = [];
  let failed: Error | null = null;
  worker.on('message', ({ id, prepared }: { id: number; prepared: Prepared }) => {
    waiting.get(id)?.resolve(prepared);
    waiting.delete(id);
  });
  worker.on('error', (err) => {
    failed = err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  });
  const request = (index: number) => {
    if (index >= files.length || results[index]) return;
    // A worker that died leaves the rest to this thread.
    results[index] = failed
      ? prepareFile(files[index]!, limits)
      : new Promise<Prepared>((resolve, reject) => {
          waiting.set(index, { resolve, reject });
          worker.postMessage({ id: index, file: files[index], limits });
        }).catch(() => prepareFile(files[index]!, limits));
  };
  const size = (file: string) => {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  };
  const sizes = files.map(size);
  let at = 0;
  return {
    next() {
      for (let i = at, bytes = 0; i < files.length && i <= at + AHEAD.files && (i === at || bytes + sizes[i]! <= AHEAD.bytes); i++) {
        bytes += sizes[i]!;
        request(i);
      }
      const result = results[at]!;
      delete results[at++];
      return result;
    },
    close: async () => {
      await worker.terminate();
    },
  };
}
