// Runs the whole suite: finds every *.test.ts (node:test on Node 20 does not
// expand globs), starts one throwaway PostgreSQL for all of them unless
// CROSSWISE_PG_URL is given, and stops it afterwards.

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SKIP_MESSAGE, startCluster, type PgCluster } from '../test/support/postgres.ts';

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const root = join(import.meta.dirname, '..');
const only = process.argv.slice(2);
const files = (only.length ? only : [...testFiles(join(root, 'src')), ...testFiles(join(root, 'test'))]).map((f) =>
  relative(process.cwd(), f),
);

let cluster: PgCluster | null = null;
const env = { ...process.env };
if (!env.CROSSWISE_PG_URL) {
  cluster = await startCluster();
  if (cluster) env.CROSSWISE_PG_URL = cluster.url;
  else if (env.CI) {
    console.error('error: PostgreSQL is required in CI but is not installed');
    process.exit(1);
  } else console.warn(SKIP_MESSAGE);
}

let status = 1;
try {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files],
    { stdio: 'inherit', env },
  );
  status = result.status ?? 1;
} finally {
  cluster?.stop();
}
process.exit(status);
