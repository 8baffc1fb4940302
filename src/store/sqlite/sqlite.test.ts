import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { storeContract } from '../contract/store-contract.ts';
import { talliesContract } from '../contract/tallies-contract.ts';
import { servicesContract } from '../contract/services-contract.ts';
import { openStore } from '../open.ts';
import type { DocumentSummary } from '../../core/model.ts';
import type { ProjectStore, Store } from '../store.ts';
import { connectIndex, SqliteTextIndex } from './text-index.ts';
import { NOT_INDEXED, searchIndexFile } from './text-index-sql.ts';

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

describe('the full-text index, in a file of its own', () => {
  const word = (text: string) => ({ text, prefix: false });
  const file = join(dir, 'indexed.db');
  const waiting = () => {
    const db = connectIndex(file);
    const rows = db.prepare(`select k.document_id from corpus.document_fts_keys k where ${NOT_INDEXED} order by 1`).pluck().all() as string[];
    db.close();
    return rows;
  };
  let store: Store;
  let p: ProjectStore;
  let shelter: DocumentSummary;

  test('a new document waits as a candidate for any word, and is indexed on the other thread', async () => {
    store = await openStore(file);
    p = await store.createProject({ title: 'Indexed' }, { system: 'test' });
    shelter = await p.addDocument({ name: 'shelter', text: 'Indexed on the thread: shelter.' });
    const housing = await p.addDocument({ name: 'housing', text: 'Indexed later: housing.' });
    assert.deepEqual(waiting(), [shelter.id, housing.id].sort());
    // Until it is indexed, a waiting document is a candidate for any word; exact matching sorts it out.
    const index = new SqliteTextIndex(file);
    assert.deepEqual((await index.candidates(p.id, [{ word: 'shelter', prefix: false }])).sort(), [shelter.id, housing.id].sort());
    await index.update();
    assert.deepEqual(waiting(), []);
    assert.deepEqual(await index.candidates(p.id, [{ word: 'shelter', prefix: false }]), [shelter.id]);
    await index.close();
    assert.deepEqual(await p.matchDocuments([word('shelter')]), [shelter.id]);
    assert.deepEqual(await p.matchDocuments([word('housing')]), [housing.id]);
    assert.equal(existsSync(searchIndexFile(file)), true);
  });

  test('the database can be written while the index is being built: it only reads it', async () => {
    // As an index run does: the index file's write lock, the database read at a snapshot.
    const index = connectIndex(file);
    index.exec('begin');
    index.exec('delete from indexed where key = -1');
    index.prepare('select count(*) from corpus.documents').get();
    const started = performance.now();
    const debt = await p.addDocument({ name: 'debt', text: 'Written during an index run: debt.' });
    assert.equal(performance.now() - started < 1000, true, 'the write did not wait for the index');
    index.exec('rollback');
    index.close();
    await p.indexText();
    assert.deepEqual(await p.matchDocuments([word('debt')]), [debt.id]);
  });

  test('a deleted document’s words leave the index; a reused key is indexed for its new document', async () => {
    const raw = new Database(file);
    const keyOf = (id: string) => raw.prepare('select id from document_fts_keys where document_id = ?').pluck().get(id) as number;
    const entries = (key: number) => {
      const index = connectIndex(file);
      const found = [index.prepare('select count(*) from document_fts where rowid = ?').pluck().get(key), index.prepare('select count(*) from indexed where key = ?').pluck().get(key)];
      index.close();
      return found;
    };
    const key = keyOf(shelter.id);
    assert.deepEqual(entries(key), [1, 1]);
    raw.prepare('delete from documents where id = ?').run(shelter.id);
    await p.indexText();
    assert.deepEqual(entries(key), [0, 0]);
    assert.deepEqual(await p.matchDocuments([word('shelter')]), []);
    // The last key, freed, is taken by the next document: the index must not take it for the old one.
    const [last] = await p.listDocuments().then((ds) => ds.filter((d) => d.name === 'debt'));
    const lastKey = keyOf(last!.id);
    raw.prepare('delete from documents where id = ?').run(last!.id);
    raw.close();
    const rent = await p.addDocument({ name: 'rent', text: 'Took the freed key: rent.' });
    const reread = new Database(file);
    assert.equal(reread.prepare('select id from document_fts_keys where document_id = ?').pluck().get(rent.id), lastKey);
    reread.close();
    assert.deepEqual(await p.matchDocuments([word('rent')]), [rent.id]);
    assert.deepEqual(await p.matchDocuments([word('debt')]), []);
  });

  test('an index file lost, damaged or from another database is rebuilt at the next open', async () => {
    const passport = await p.addDocument({ name: 'passport', text: 'Never indexed before closing: passport.' });
    await store.close();
    assert.deepEqual(waiting(), [passport.id]);
    const reopen = async () => {
      store = await openStore(file);
      p = await store.openProject('Indexed', { system: 'test' });
    };
    // The open indexes what an interrupted import left waiting.
    await reopen();
    assert.deepEqual(waiting(), []);
    assert.deepEqual(await p.matchDocuments([word('passport')]), [passport.id]);
    await store.close();
    for (const f of [searchIndexFile(file), `${searchIndexFile(file)}-wal`, `${searchIndexFile(file)}-shm`]) rmSync(f, { force: true });
    await reopen();
    assert.deepEqual(await p.matchDocuments([word('passport')]), [passport.id]);
    await store.close();
    writeFileSync(searchIndexFile(file), 'not an index at all, but long enough to be read as a header by SQLite itself'.repeat(20));
    await reopen();
    assert.deepEqual(await p.matchDocuments([word('passport')]), [passport.id]);
    await store.close();
    // Another database's index names other documents: they are forgotten, these indexed.
    const other = join(dir, 'other-index.db');
    const elsewhere = await openStore(other);
    await (await elsewhere.createProject({ title: 'Elsewhere' }, { system: 'test' })).addDocument({ name: 'x', text: 'passport and shelter' });
    await elsewhere.close();
    copyFileSync(searchIndexFile(other), searchIndexFile(file));
    await reopen();
    assert.deepEqual(await p.matchDocuments([word('passport')]), [passport.id]);
    assert.deepEqual(await p.matchDocuments([word('shelter')]), []);
    await store.close();
  });

  test('an open does not wait for another process building the index, and leaves what waits to it', async () => {
    store = await openStore(file);
    p = await store.openProject('Indexed', { system: 'test' });
    const visa = await p.addDocument({ name: 'visa', text: 'Left for the other process: visa.' });
    await store.close();
    const busy = connectIndex(file);
    busy.exec('begin');
    busy.exec('delete from indexed where key = -1');
    const started = performance.now();
    store = await openStore(file);
    assert.equal(performance.now() - started < 1000, true, 'it does not wait for the lock');
    assert.deepEqual(waiting(), [visa.id]);
    busy.exec('rollback');
    busy.close();
    p = await store.openProject('Indexed', { system: 'test' });
    assert.deepEqual((await p.searchText('visa')).map((h) => h.name), ['visa']);
    assert.deepEqual(waiting(), []);
    await store.close();
  });
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
