// Benchmarks: `npm run bench`. Writes bench/results/latest.json (and a dated copy).
// Measures the paths every later feature leans on: offset conversion, building the
// demo, coding throughput, reading codings, full-text search; on SQLite and PostgreSQL.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CodePointIndex } from '../src/core/text/offsets.ts';
import { ensureDemo } from '../src/demo/build.ts';
import { openStore } from '../src/store/open.ts';
import type { Store } from '../src/store/store.ts';
import { createDatabase, testServer } from '../test/support/postgres.ts';
import { writeCorpus, type CorpusSpec } from './corpus.ts';
import { analysisBench } from './analysis.ts';
import { textAnalysisBench } from './text-analysis.ts';
import type { Result } from './result.ts';

// The issue-3 corpus; BENCH_SCALE=0.1 runs a tenth of it for a quick look.
const scale = Number(process.env.BENCH_SCALE ?? 1);
const CORPUS: CorpusSpec = {
  texts: Math.round(1000 * scale),
  wordsPerText: 10_000,
  docx: Math.round(200 * scale),
  wordsPerDocx: 3_000,
  pdfs: Math.round(100 * scale),
  pagesPerPdf: 10,
};

const results: Record<string, Result> = {};

async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: Math.round((performance.now() - start) * 100) / 100, value };
}

async function offsets(): Promise<Result> {
  const unit = 'Témoignage 👩‍👧 du terrain, ligne après ligne.\n';
  const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
  const build = await time(() => new CodePointIndex(text));
  const index = build.value;
  const n = 200_000;
  const convert = await time(() => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += index.toUtf16((i * 7919) % index.length);
    return sum;
  });
  return { textUtf16Units: text.length, indexBuildMs: build.ms, conversions: n, conversionsPerSecond: Math.round(n / (convert.ms / 1000)) };
}

async function storeBench(store: Store): Promise<Result> {
  const demo = await time(() => ensureDemo(store));
  const project = demo.value.project;
  const [doc] = await project.listDocuments();
  const [coder] = await project.listUsers();
  const code = (await project.listCodes()).find((c) => c.codable)!;
  const n = 500;
  const coding = await time(async () => {
    for (let i = 0; i < n; i++) {
      const start = (i * 13) % (doc!.length - 50);
      await project.applyCode({ documentId: doc!.id, start, end: start + 40, codeId: code.id, coderId: coder!.id });
    }
  });
  const list = await time(() => project.listCodings());
  const search = await time(async () => {
    for (const q of ['deportation', 'logement', 'funding shelter', 'Montréal']) await project.searchText(q);
  });
  const stats = await time(() => project.stats());
  return {
    demoBuildMs: demo.ms,
    applyCodePerSecond: Math.round(n / (coding.ms / 1000)),
    listCodingsMs: list.ms,
    codingsListed: list.value.length,
    searchAvgMs: Math.round((search.ms / 4) * 100) / 100,
    statsMs: stats.ms,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'crosswise-bench-'));
/** What import-worker.ts prints: figures per format, and the process's peak memory. */
type ImportRun = Record<string, Record<string, number>> & { memory: { peakRssMiB: number } };
// The host's speed drifts from one run to the next: the corpus is imported three times, each in a
// fresh process and database, and each format reports its median run with every run's seconds.
const IMPORT_RUNS = 3;

function medianImport(runs: ImportRun[]): Result {
  const out: Result = {};
  for (const format of Object.keys(runs[0]!).filter((k) => k !== 'memory')) {
    const sorted = [...runs].sort((a, b) => a[format]!.seconds! - b[format]!.seconds!);
    out[format] = { ...sorted[Math.floor(sorted.length / 2)]![format]!, secondsByRun: runs.map((r) => r[format]!.seconds!) };
  }
  out.memory = { peakRssMiB: Math.max(...runs.map((r) => r.memory.peakRssMiB)), peakRssMiBByRun: runs.map((r) => r.memory.peakRssMiB) };
  return out;
}

// BENCH_SECTIONS=import,ui (comma-separated: offsets, sqlite, postgres, import, text, analysis, ui) runs only some sections.
const sections = new Set(process.env.BENCH_SECTIONS?.split(',') ?? ['offsets', 'sqlite', 'postgres', 'import', 'text', 'analysis', 'ui']);

/** Runs `bench` on a fresh SQLite file and, when PostgreSQL is installed, a fresh PostgreSQL database. */
async function onBothStores(name: string, bench: (store: Store) => Promise<Result>): Promise<Result> {
  const out: Result = {};
  const sqlite = await openStore(join(dir, `${name}.db`));
  try {
    out.sqlite = await bench(sqlite);
  } finally {
    await sqlite.close();
  }
  const server = await testServer();
  if (server) {
    try {
      const pg = await openStore(await createDatabase(server.url));
      try {
        out.postgres = await bench(pg);
      } finally {
        await pg.close();
      }
    } finally {
      server.stop();
    }
  }
  return out;
}
try {
  if (sections.has('offsets')) results.offsets = await offsets();
  if (sections.has('sqlite')) {
    const sqlite = await openStore(join(dir, 'bench.db'));
    results.sqlite = await storeBench(sqlite);
    await sqlite.close();
  }
  const server = sections.has('postgres') ? await testServer() : null;
  if (server) {
    try {
      const pg = await openStore(await createDatabase(server.url));
      results.postgres = await storeBench(pg);
      await pg.close();
    } finally {
      server.stop();
    }
  }
  if (sections.has('import')) {
    const corpus = join(dir, 'corpus');
    const generation = await time(() => writeCorpus(corpus, CORPUS));
    const runs = Array.from({ length: IMPORT_RUNS }, (_, i) => {
      const db = join(dir, `import-${i}.db`);
      const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'import-worker.ts'), corpus, db], { encoding: 'utf8', maxBuffer: 2 ** 20 });
      rmSync(db, { force: true });
      return JSON.parse(out) as ImportRun;
    });
    results.import = { corpusGenerationMs: generation.ms, ...medianImport(runs) };
  }
  if (sections.has('text')) results.textAnalysis = await onBothStores('text', textAnalysisBench);
  if (sections.has('analysis')) results.analysis = await onBothStores('analysis', (store) => analysisBench(store));
  if (sections.has('ui')) {
    // Its own process: it builds the UI and drives Chromium; it writes bench/results/ui-coding.json.
    execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'ui-coding.ts')], { stdio: ['ignore', 'ignore', 'inherit'] });
    results.uiCoding = JSON.parse(readFileSync(join(import.meta.dirname, 'results', 'ui-coding.json'), 'utf8')) as Result;
  }
  results.process = { peakRssMiB: Math.round(process.memoryUsage().rss / 2 ** 20), node: process.version };
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const out = join(import.meta.dirname, 'results');
mkdirSync(out, { recursive: true });
const report = JSON.stringify({ at: new Date().toISOString(), results }, null, 2);
writeFileSync(join(out, 'latest.json'), `${report}\n`);
writeFileSync(join(out, `bench-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.json`), `${report}\n`);
console.log(report);
