// The crosswise command as a real process, and the CLI's output contract:
// `--json` prints exactly one JSON document; an error is one stderr line
// starting with "error:", nothing on stdout, and a non-zero exit code.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'crosswise.mjs');

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `crosswise ARGS` in `cwd`, without a CROSSWISE_DB from the caller's environment. */
export function runCrosswise(cwd: string, args: readonly string[]): Run {
  const env = { ...process.env };
  delete env.CROSSWISE_DB;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The one JSON document a successful `--json` run printed (JSON.parse throws on anything else). */
export function jsonOf<T>(r: Run, args: readonly string[]): T {
  assert.equal(r.status, 0, `crosswise ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** The one-line error contract: exit code, a single stderr line starting with "error:", nothing on stdout. */
export function assertError(r: Run, status: number, pattern: RegExp): void {
  assert.equal(r.status, status, `expected exit ${status}, got ${r.status}: ${r.stderr}`);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line expected, got:\n${r.stderr}`);
  assert.match(lines[0]!, /^error: /);
  assert.match(lines[0]!, pattern);
}
