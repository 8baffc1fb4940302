import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { storeContract } from '../contract/store-contract.ts';
import { talliesContract } from '../contract/tallies-contract.ts';
import { servicesContract } from '../contract/services-contract.ts';
import { openStore } from '../open.ts';
import { connectSqlite, indexLeftWaiting } from './open.ts';
import { TextIndexer } from './text-indexer.ts';

const dir = mkdtempSync(join(tmpdir(), 'crosswise-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeContract('SQLite', async () => join(dir, `contract-${++n}.db`));
talliesContract('SQLite', async () => join(dir, `contract-${++n}.db`));
servicesContract('SQLite', async () => join(dir, `services-${++n}.db`));

test('SQLite runs in WAL mode with foreign keys on', async () => {
  const file = join(dir, 'pragmas.db');
  const store = await openStore(file);
  await store.close();
  const db = new Database(file);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  db.close();
});

test('a document’s codings are read segment by segment from the segment index, never by scanning the project’s codings', async () => {
  // The join the coding view's load and the analyses' range reads make (store/sql/codings.ts, analysis.ts).
  // Without statistics SQLite once chose a code index usable on project_id alone: quadratic in codings.
  const file = join(dir, 'plans.db');
  await (await openStore(file)).close();
  const db = new Database(file);
  const plan = (db.prepare(`explain query plan select c.id, c.segment_id, c.code_id, c.coder_id, c.created_at, s.document_id, s.start_cp, s.end_cp, s.exact
    from codings c join segments s on s.project_id = c.project_id and s.id = c.segment_id
    where c.project_id = ? and s.document_id = ? order by s.document_id, s.start_cp, s.end_cp, c.id`).all('p', 'd') as { detail: string }[]).map((r) => r.detail);
  db.close();
  assert.deepEqual(plan.filter((d) => / c USING/.test(d)), ['SEARCH c USING COVERING INDEX codings_segment_ix (project_id=? AND segment_id=?)']);
});

test('a document added without its full-text index waits as a candidate, is indexed on the other thread, and at the next open if never', async () => {
  const file = join(dir, 'deferred.db');
  const waiting = () => {
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('select k.document_id as id from document_fts_keys k where k.indexed = 0').all() as { id: string }[];
    db.close();
    return rows.map((r) => r.id);
  };
  const store = await openStore(file);
  const p = await store.createProject({ title: 'Deferred' }, { system: 'test' });
  const now = await p.addDocument({ name: 'now', text: 'Indexed at once: shelter.' });
  const later = await p.addDocument({ name: 'later', text: 'Indexed later: housing.', deferIndexing: true });
  assert.deepEqual(waiting(), [later.id]);
  const word = (text: string) => ({ text, prefix: false });
  // Until it is indexed, a waiting document is a candidate for any word; exact matching sorts it out.
  assert.deepEqual(await p.matchDocuments([word('shelter')]), [now.id, later.id].sort());
  await p.indexText();
  assert.deepEqual(waiting(), []);
  assert.deepEqual(await p.matchDocuments([word('shelter')]), [now.id]);
  assert.deepEqual(await p.matchDocuments([word('housing')]), [later.id]);
  // The thread itself, without the in-thread fallback indexText has.
  const onThread = await p.addDocument({ name: 'thread', text: 'Indexed on the thread: debt.', deferIndexing: true });
  const indexer = new TextIndexer(file);
  await indexer.run();
  await indexer.close();
  assert.deepEqual(waiting(), []);
  assert.deepEqual(await p.matchDocuments([word('debt')]), [onThread.id]);
  // An import stopped before its indexing: the next open indexes what waits.
  const stopped = await p.addDocument({ name: 'stopped', text: 'Never indexed: passport.', deferIndexing: true });
  await store.close();
  assert.deepEqual(waiting(), [stopped.id]);
  // While another process writes (its import indexes its own), the open's indexing neither waits nor fails.
  const writer = new Database(file);
  writer.prepare('begin immediate').run();
  const reader = connectSqlite(file);
  const started = performance.now();
  await indexLeftWaiting(reader.db, reader.sqlite);
  assert.equal(performance.now() - started < 1000, true, 'it does not wait for the lock');
  assert.equal(reader.sqlite.pragma('busy_timeout', { simple: true }), 5000, 'and leaves the connection as it was');
  await reader.db.destroy();
  writer.prepare('rollback').run();
  writer.close();
  assert.deepEqual(waiting(), [stopped.id]);
  const reopened = await openStore(file);
  assert.deepEqual(waiting(), []);
  const again = await reopened.openProject('Deferred', { system: 'test' });
  assert.deepEqual(await again.matchDocuments([word('passport')]), [stopped.id]);
  await reopened.close();
});

test('a file that is not SQLite is refused and left untouched', async () => {
  const file = join(dir, 'notes.db');
  writeFileSync(file, 'These are my interview notes, not a database.\n');
  await assert.rejects(openStore(file), /is not a SQLite database/);
  assert.equal(readFileSync(file, 'utf8'), 'These are my interview notes, not a database.\n');
});

test('an SQLite database of another program is refused', async () => {
  const file = join(dir, 'other.db');
  const db = new Database(file);
  db.exec('create table invoices (id integer primary key)');
  db.close();
  await assert.rejects(openStore(file), /holds other data \(tables invoices…\), not a Crosswise project/);
  const check = new Database(file);
  assert.deepEqual(check.prepare("select name from sqlite_master where type = 'table'").pluck().all(), ['invoices']);
  check.close();
});

test('a database from a newer Crosswise is refused', async () => {
  const file = join(dir, 'newer.db');
  await (await openStore(file)).close();
  const db = new Database(file);
  db.prepare("insert into schema_migrations values (999, 'future', '2030-01-01')").run();
  db.close();
  await assert.rejects(openStore(file), /written by a newer Crosswise \(schema 999/);
});

test('a missing folder or a URL of another kind is refused', async () => {
  await assert.rejects(openStore(join(dir, 'no', 'such', 'x.db')), /folder .* does not exist/);
  await assert.rejects(openStore('mysql://host/db'), /unsupported database URL "mysql:\/\/…"/);
  await assert.rejects(openStore(dir), /is a folder/);
});
