// `crosswise start` as `npm start` runs it: a real process serving the workspace
// and API on loopback over a real SQLite file, stopped by a signal.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'crosswise-start-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('start creates the demo, prints its address, serves the API and UI, and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, [BIN, 'start', '--db', join(dir, 'start.db'), '--port', '0', '--json'], { cwd: dir });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', done));
  try {
    const started = await new Promise<{ url: string; created: boolean }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address within 60 s: ${stdout}`)), 60_000);
      child.stdout.on('data', () => {
        try {
          resolve(JSON.parse(stdout) as { url: string; created: boolean });
          clearTimeout(timer);
        } catch {
          // not the whole document yet
        }
      });
    });
    assert.match(started.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(started.created, true);
    const projects = (await (await fetch(`${started.url}/api/projects`)).json()) as { title: string }[];
    assert.match(projects[0]!.title, /^Demo/);
    const page = await fetch(`${started.url}/`);
    assert.match(await page.text(), /<div id="root">/);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0);
});

test('start refuses a non-loopback address', () => {
  const r = spawnSync(process.execPath, [BIN, 'start', '--db', join(dir, 'other.db'), '--host', '0.0.0.0'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^error: refusing to listen on 0\.0\.0\.0/);
  assert.equal(r.stdout, '');
});
