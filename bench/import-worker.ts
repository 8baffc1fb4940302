// Runs in its own process (see run.ts) so its peak memory is the import's alone.
// Imports each folder of the corpus into a fresh SQLite database and prints JSON.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { keepHeapSmall } from '../src/import/heap.ts';
import { importFiles } from '../src/import/pipeline.ts';
import { openStore } from '../src/store/open.ts';

const [corpus, dbFile] = process.argv.slice(2) as [string, string];
// As the import command does.
keepHeapSmall();
const store = await openStore(dbFile);
const project = await store.createProject({ title: 'Benchmark' }, { system: 'bench' });
const results: Record<string, Record<string, number>> = {};

// BENCH_FORMATS=text (comma-separated) measures only some formats.
const formats = process.env.BENCH_FORMATS?.split(',') ?? ['text', 'docx', 'pdf'];
for (const format of formats) {
  const folder = join(corpus, format);
  const files = readdirSync(folder).map((f) => join(folder, f));
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const readStart = performance.now();
  for (const f of files) readFileSync(f);
  const readSeconds = (performance.now() - readStart) / 1000;
  const start = performance.now();
  const outcomes = await importFiles(project, [folder]);
  const seconds = (performance.now() - start) / 1000;
  const imported = outcomes.filter((o) => o.status === 'imported').length;
  if (imported !== files.length) {
    const failed = outcomes.find((o) => o.status === 'failed');
    throw new Error(`${format}: imported ${imported} of ${files.length}${failed && 'reason' in failed ? ` (${failed.reason})` : ''}`);
  }
  results[format] = {
    files: files.length,
    // Both units: the issue's "MB" and the MiB earlier reports gave.
    megabytes: Math.round((bytes / 1e6) * 10) / 10,
    megabytesPerSecond: Math.round((bytes / 1e6 / seconds) * 10) / 10,
    mebibytes: Math.round((bytes / 2 ** 20) * 10) / 10,
    seconds: Math.round(seconds * 100) / 100,
    mebibytesPerSecond: Math.round((bytes / 2 ** 20 / seconds) * 10) / 10,
    filesPerSecond: Math.round((files.length / seconds) * 10) / 10,
    readOnlySeconds: Math.round(readSeconds * 1000) / 1000,
    ratioToReading: Math.round(seconds / readSeconds),
  };
}
await store.close();
results.memory = { peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) };
process.stdout.write(JSON.stringify(results));
