// The analysis contract on both adapters (SQLite here; PostgreSQL when a server is
// available), and sanity checks on the demo study with identical answers from both.

import { after, test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, testServer } from '../../test/support/postgres.ts';
import { analysisContract, demoAnswers } from './analysis-contract.ts';
import { demoGaps, gapsContract } from './gaps-contract.ts';

// Awaited before any test is declared, so every test belongs to the same run as the hooks.
const server = await testServer();
const dir = mkdtempSync(join(tmpdir(), 'crosswise-analysis-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
  server?.stop();
});
let n = 0;
const sqlite = async () => join(dir, `analysis-${n++}.db`);
const postgres = server ? () => createDatabase(server.url) : null;

analysisContract('SQLite', sqlite);
if (postgres) analysisContract('PostgreSQL', postgres);
else test('analysis contract on PostgreSQL', { skip: 'PostgreSQL is not installed' }, () => {});
demoAnswers(sqlite, postgres);
gapsContract('SQLite', sqlite);
if (postgres) gapsContract('PostgreSQL', postgres);
demoGaps(sqlite, postgres);
