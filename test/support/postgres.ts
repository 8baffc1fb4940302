// A real PostgreSQL for tests. With CROSSWISE_PG_URL (an admin URL) it uses that
// server; otherwise it starts a throwaway cluster on a free port and stops it
// afterwards. Without PostgreSQL installed it says so loudly; under CI it fails.

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface PgCluster {
  /** Admin URL of the server. */
  url: string;
  stop(): void;
}

function pgBinDir(): string | null {
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    const root = '/usr/lib/postgresql';
    if (!existsSync(root)) return null;
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
    return null;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts a throwaway cluster, or returns null when PostgreSQL is not installed. */
export async function startCluster(): Promise<PgCluster | null> {
  const bin = pgBinDir();
  if (!bin || !existsSync(join(bin, 'initdb'))) return null;
  const asRoot = userInfo().uid === 0;
  // initdb refuses to run as root: run the server as the postgres user, which
  // must be able to read every parent folder (mkdtemp makes 0700 folders).
  const dir = mkdtempSync(join(tmpdir(), 'crosswise-pg-'));
  chmodSync(dir, 0o755);
  const data = join(dir, 'data');
  let run = (cmd: string, args: string[]) => spawnSync(join(bin, cmd), args, { encoding: 'utf8' });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
    run = (cmd, args) => spawnSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { encoding: 'utf8' });
  }
  const init = run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
  const start = run('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  if (start.status !== 0) throw new Error(`pg_ctl start failed: ${start.stderr}${start.stdout}`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates an empty database on the server and returns its URL. */
export async function createDatabase(adminUrl: string): Promise<string> {
  const name = `crosswise_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

export const SKIP_MESSAGE =
  '\n!!! PostgreSQL is not installed here: the PostgreSQL tests were SKIPPED. Set CROSSWISE_PG_URL or install postgresql. !!!\n';

/**
 * The PostgreSQL server a test file should use: the suite's (CROSSWISE_PG_URL),
 * else one started for this file (stop it in `after`), else null after a loud
 * warning. Under CI a missing PostgreSQL is an error, never a skip.
 */
export async function testServer(): Promise<{ url: string; stop(): void } | null> {
  const given = process.env.CROSSWISE_PG_URL;
  if (given) return { url: given, stop() {} };
  const cluster = await startCluster();
  if (cluster) return cluster;
  if (process.env.CI) throw new Error('PostgreSQL is required in CI but is not installed');
  console.warn(SKIP_MESSAGE);
  return null;
}
