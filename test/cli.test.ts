// The crosswise command as a user runs it: a real process, a real SQLite file,
// a real PostgreSQL server.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, testServer } from './support/postgres.ts';
import { assertError, BIN, jsonOf, runCrosswise, type Run } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'crosswise-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const crosswise = (...args: string[]): Run => runCrosswise(dir, args);
const json = <T = Record<string, unknown>>(...args: string[]): T => jsonOf<T>(crosswise(...args, '--json'), args);

const template = join(dir, 'demo-template.db');
let demoStats: Record<string, unknown>;

before(() => {
  const r = crosswise('demo', '--db', template, '--json');
  assert.equal(r.status, 0, r.stderr);
  demoStats = json('stats', '--db', template);
});

/** A fresh copy of the demo database for a test that changes it. */
function demoCopy(name: string): string {
  const file = join(dir, `${name}.db`);
  copyFileSync(template, file);
  return file;
}

describe('crosswise demo', () => {
  test('creates the demo study: 4 sites, 40 participants, ≥12 documents, a codebook, 2 coders', () => {
    assert.equal(demoStats.sites, 4);
    assert.equal(demoStats.participants, 40);
    assert.equal(demoStats.interviews, 40);
    assert.ok((demoStats.documents as number) >= 12);
    assert.ok((demoStats.codes as number) > 40);
    assert.ok((demoStats.codings as number) > 300);
    assert.equal(demoStats.coders, 2);
    assert.ok((demoStats.memos as number) >= 4);
  });

  test('is idempotent: running it again changes nothing', () => {
    const db = demoCopy('again');
    const again = json<{ created: boolean }>('demo', '--db', db);
    assert.equal(again.created, false);
    assert.deepEqual(json('stats', '--db', db), demoStats);
  });

  test('every transcript is labelled as fiction, and Montreal has French ones', () => {
    const docs = json<{ id: string; name: string; language: string }[]>('documents', '--db', template);
    assert.ok(docs.length >= 12);
    const cases = json<{ id: string; name: string; kind: string; parentId: string | null }[]>('cases', '--db', template);
    const site = (docName: string) => {
      let c = cases.find((x) => x.name === docName.split(' ')[0]);
      while (c && c.kind !== 'site') c = cases.find((x) => x.id === c!.parentId);
      return c?.name;
    };
    for (const s of ['Vancouver', 'Winnipeg', 'Toronto', 'Montreal']) {
      assert.ok(docs.filter((d) => site(d.name) === s).length >= 3, `at least 3 transcripts for ${s}`);
    }
    assert.ok(docs.filter((d) => site(d.name) === 'Montreal' && d.language === 'fr').length >= 2);
  });

  test('the same demo on PostgreSQL gives identical stats', async (t) => {
    const server = await testServer();
    if (!server) return t.skip('PostgreSQL is not installed');
    try {
      const url = await createDatabase(server.url);
      const r = crosswise('demo', '--db', url);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(json('stats', '--db', url), demoStats);
    } finally {
      server.stop();
    }
  });
});

describe('crosswise reads', () => {
  test('every read command prints exactly one JSON document with --json', () => {
    for (const command of ['projects', 'stats', 'cases', 'documents', 'interviews', 'codes', 'codings', 'memos', 'log']) {
      const r = crosswise(command, '--db', template, '--json');
      assert.equal(r.status, 0, `${command}: ${r.stderr}`);
      assert.doesNotThrow(() => JSON.parse(r.stdout), `${command} --json is not one JSON document`);
    }
  });

  test('codes show the tree with counts; cases show the study design', () => {
    const codes = json<{ path: string; codable: boolean; codings: number }[]>('codes', '--db', template);
    const fear = codes.find((c) => c.path === 'Obstacles/Fear of deportation');
    assert.ok(fear && fear.codable && fear.codings > 0);
    assert.equal(codes.find((c) => c.path === 'Obstacles')?.codable, false);
    const human = crosswise('codes', '--db', template).stdout;
    assert.match(human, /^Obstacles\/\n {2}Lack of funding {2}\(\d+ codings, \d+ documents\)/m);
    const orgs = json<{ attributes: Record<string, unknown> }[]>('cases', '--kind', 'organisation', '--db', template);
    assert.ok(orgs.every((o) => typeof o.attributes['organisation type'] === 'string'));
    const participants = json<{ attributes: Record<string, unknown> }[]>('cases', '--kind', 'participant', '--db', template);
    assert.ok(participants.every((p) => Number.isInteger(p.attributes['years of experience'])));
  });

  test('--help works on every command', () => {
    const help = crosswise('--help');
    assert.equal(help.status, 0);
    const commands = [...help.stdout.split('Commands:')[1]!.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    assert.ok(commands.length >= 14, `commands: ${commands.join(', ')}`);
    for (const c of commands) {
      const r = crosswise(c, '--help');
      assert.equal(r.status, 0, c);
      assert.match(r.stdout, new RegExp(`Usage: crosswise ${c}`));
    }
  });
});

describe('crosswise changes', () => {
  test('init, add-code, code and memo work together', () => {
    const db = join(dir, 'fresh.db');
    json('init', '--db', db, '--title', 'Pilot', '--languages', 'en,fr');
    const category = json<{ id: string }>('add-code', '--db', db, '--name', 'Needs', '--category');
    const code = json<{ path: string }>('add-code', '--db', db, '--name', 'Shelter', '--parent', 'Needs');
    assert.equal(code.path, 'Needs/Shelter');
    assert.ok(category.id);
    // A project created by init has no documents or users: coding needs both.
    assertError(crosswise('code', '--db', db, '--document', 'x', '--code', 'Shelter', '--coder', 'me', '--start', '0', '--end', '1'), 1, /no user or coder "me"/);
  });

  test('a coder codes a quoted passage and a range; memos attach to them', () => {
    const db = demoCopy('coding');
    const before = json<{ codings: number; memos: number }>('stats', '--db', db);
    const text = readFileSync(join(import.meta.dirname, '..', 'src', 'demo', 'transcripts', 'VAN-08.txt'), 'utf8');
    const turn = text.split('\n\n').find((p) => p.startsWith('Respondent: '))!;
    const phrase = turn.slice('Respondent: '.length, 'Respondent: '.length + 40);
    const coded = json<{ start: number; end: number; code: string; coder: string; segmentId: string; quote: { exact: string } }>(
      'code', '--db', db, '--document', 'VAN-08 interview', '--code', 'Obstacles/Lack of information', '--coder', 'luc tremblay', '--quote', phrase,
    );
    assert.equal(coded.quote.exact, phrase);
    assert.equal(coded.start, [...text.slice(0, text.indexOf(phrase))].length);
    assert.equal(coded.end - coded.start, [...phrase].length);
    assert.equal(coded.code, 'Obstacles/Lack of information');
    assert.equal(coded.coder, 'Luc Tremblay');
    const byRange = json<{ quote: { exact: string } }>(
      'code', '--db', db, '--document', 'VAN-08 interview', '--code', 'Lack of funding', '--coder', 'Amira Haddad', '--start', String(coded.start), '--end', String(coded.start + 10),
    );
    assert.equal(byRange.quote.exact, [...phrase].slice(0, 10).join(''));
    json('memo', '--db', db, '--on', `segment:${coded.segmentId}`, '--author', 'Amira Haddad', '--text', 'Compare with VAN-03.');
    json('memo', '--db', db, '--on', 'case:Vancouver', '--author', 'Amira Haddad', '--text', 'Site memo.');
    assert.equal(json<unknown[]>('memos', '--db', db, '--on', `segment:${coded.segmentId}`).length, 1);
    const mine = json<{ coder: string }[]>('codings', '--db', db, '--document', 'VAN-08 interview');
    assert.deepEqual(mine.map((k) => k.coder).sort(), ['Amira Haddad', 'Luc Tremblay']);
    const after = json<{ codings: number; memos: number }>('stats', '--db', db);
    assert.equal(after.codings, before.codings + 2);
    assert.equal(after.memos, before.memos + 2);
    const log = json<{ entity: string; actor: { userId?: string } }[]>('log', '--db', db, '--limit', '100000');
    assert.ok(log.at(-1)!.actor.userId, 'changes made by a person are attributed to them');
  });

  test('bad input gives one error line and leaves the data unchanged', () => {
    const db = demoCopy('bad-input');
    const snapshot = () => ({ stats: json('stats', '--db', db), log: json<unknown[]>('log', '--db', db, '--limit', '100000').length });
    const before = snapshot();
    const code = (...extra: string[]) => crosswise('code', '--db', db, '--coder', 'Amira Haddad', ...extra);
    assertError(code('--document', 'Nope', '--code', 'Obstacles/Lack of funding', '--start', '0', '--end', '5'), 1, /no document "Nope"/);
    assertError(code('--document', 'VAN-01 interview', '--code', 'Obstacles/Lack of funding', '--start', '10', '--end', '999999'), 1, /segment 10\.\.999999 is outside "VAN-01 interview"/);
    assertError(code('--document', 'VAN-01 interview', '--code', 'Obstacles/Nonexistent', '--start', '0', '--end', '5'), 1, /no code "Obstacles\/Nonexistent"/);
    assertError(code('--document', 'VAN-01 interview', '--code', 'Obstacles', '--start', '0', '--end', '5'), 1, /is a category/);
    assertError(code('--document', 'VAN-01 interview', '--code', 'Obstacles/Lack of funding', '--quote', 'Respondent:'), 1, /occurs \d+ times/);
    assertError(crosswise('move-code', '--db', db, '--code', 'Obstacles', '--parent', 'Obstacles/Fear of deportation'), 1, /would create a cycle/);
    assertError(crosswise('memo', '--db', db, '--author', 'Amira Haddad', '--text', 'x', '--on', 'case:Nowhere'), 1, /no case "Nowhere"/);
    assert.deepEqual(snapshot(), before);
  });

  test('usage errors exit 2 with one error line', () => {
    assertError(crosswise('code', '--db', template, '--document', 'x', '--code', 'y', '--coder', 'z', '--start', 'abc', '--end', '3'), 2, /--start .* is invalid/);
    assertError(crosswise('code', '--db', template), 2, /required option '--document/);
    assertError(crosswise('frobnicate'), 2, /unknown command 'frobnicate'/);
    assertError(crosswise('cases', '--db', template, '--kind', 'planet'), 2, /expected one of site, organisation, participant/);
  });

  test('a malformed --db URL and a file that is not SQLite are refused', () => {
    assertError(crosswise('stats', '--db', 'postgres://user@:5432'), 1, /malformed PostgreSQL URL/);
    assertError(crosswise('stats', '--db', 'postgres://u:pw@localhost:x/db'), 1, /malformed PostgreSQL URL "postgres:\/\/u:\*\*\*@/);
    const notes = join(dir, 'notes.db');
    writeFileSync(notes, 'Field notes, not a database.\n');
    assertError(crosswise('stats', '--db', notes), 1, /notes\.db is not a SQLite database/);
    assertError(crosswise('demo', '--db', notes), 1, /is not a SQLite database/);
    assert.equal(readFileSync(notes, 'utf8'), 'Field notes, not a database.\n');
    assertError(crosswise('stats', '--db', join(dir, 'empty.db')), 1, /has no project yet: run crosswise init or crosswise demo/);
  });

  test('the database comes from CROSSWISE_DB when --db is not given', () => {
    const db = demoCopy('env');
    const r = spawnSync(process.execPath, [BIN, 'stats', '--json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CROSSWISE_DB: db } });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), demoStats);
  });
});
