// The API against a real SQLite file holding the demo study: each route's
// success and its error cases (400 naming the field, 404, 409), the OpenAPI
// document, static UI serving and the loopback rule.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Code, CodedSegment, Memo, User } from '../core/model.ts';
import type { CodeWithCounts, DocumentRow, RetrievedSegment } from '../core/read-models.ts';
import { ensureDemo } from '../demo/build.ts';
import { openStore } from '../store/open.ts';
import type { Store } from '../store/store.ts';
import { assertLoopback, buildServer, ROUTES, startServer } from './server.ts';

const dir = mkdtempSync(join(tmpdir(), 'crosswise-api-'));
const web = join(dir, 'web');
let store: Store;
let app: FastifyInstance;
let base: string;
let amira: User;
let luc: User;

before(async () => {
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Crosswise</title>');
  writeFileSync(join(web, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the web root');
  store = await openStore(join(dir, 'api.db'));
  const { project } = await ensureDemo(store);
  app = buildServer({ store, webRoot: web });
  base = `/api/projects/${project.id}`;
  const users = await project.listUsers();
  amira = users.find((u) => u.name === 'Amira Haddad')!;
  luc = users.find((u) => u.name === 'Luc Tremblay')!;
});
after(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
async function call<T = unknown>(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await app.inject({ method, url, ...(body === undefined ? {} : { payload: body as object }), headers });
  return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : undefined) as T, headers: res.headers };
}
const errorOf = (res: { body: unknown }) => (res.body as { error: { kind: string; message: string } }).error;

describe('study routes', () => {
  test('projects, a project with its counts, users, cases, attributes, guide, interviews, progress', async () => {
    const projects = await call<{ id: string }[]>('GET', '/api/projects');
    assert.equal(projects.status, 200);
    assert.equal(projects.body.length, 1);
    const one = await call<{ stats: { sites: number; documents: number } }>('GET', base);
    assert.deepEqual([one.body.stats.sites, one.body.stats.documents], [4, 16]);
    assert.equal((await call<User[]>('GET', `${base}/users`)).body.length, 5);
    const cases = await call<{ kind: string }[]>('GET', `${base}/cases`);
    assert.equal(cases.body.filter((c) => c.kind === 'participant').length, 40);
    assert.ok((await call<unknown[]>('GET', `${base}/attributes`)).body.length > 0);
    assert.equal((await call<unknown[]>('GET', `${base}/guide`)).body.length, 4);
    assert.equal((await call<unknown[]>('GET', `${base}/interviews`)).body.length, 40);
    const progress = await call<{ coders: { coderId: string; codings: number }[]; sites: { counts: Record<string, number> }[] }>('GET', `${base}/progress`);
    assert.equal(progress.body.sites.length, 4);
    assert.equal(progress.body.sites.reduce((n, s) => n + Object.values(s.counts).reduce((a, b) => a + b, 0), 0), 40);
    assert.deepEqual(progress.body.coders.map((c) => c.coderId).sort(), [amira.id, luc.id].sort());
  });

  test('unknown projects and routes are 404', async () => {
    assert.equal((await call('GET', '/api/projects/nope')).status, 404);
    assert.equal(errorOf(await call('GET', '/api/projects/nope/codes')).kind, 'not_found');
    assert.equal((await call('GET', '/api/nothing-here')).status, 404);
  });

  test('a user’s language is kept; a bad language is a 400 naming the field', async () => {
    const set = await call<User>('PATCH', `${base}/users/${luc.id}`, { language: 'fr' });
    assert.equal(set.body.language, 'fr');
    const bad = await call('PATCH', `${base}/users/${luc.id}`, { language: 'de' });
    assert.equal(bad.status, 400);
    assert.match(errorOf(bad).message, /^body\.language:/);
    assert.equal((await call('PATCH', `${base}/users/nobody`, { language: 'en' })).status, 404);
  });

  test('the acting user must belong to the project, and the change log records them', async () => {
    const bad = await call('POST', `${base}/codes`, { name: 'Ghost' }, { 'x-crosswise-user': 'someone-else' });
    assert.equal(bad.status, 400);
    const made = await call<Code>('POST', `${base}/codes`, { name: 'Logged by Amira' }, { 'x-crosswise-user': amira.id });
    assert.equal(made.status, 201);
    let logged: { seq: number; entityId: string; actor: { userId?: string } } | undefined;
    for (let after = 0, page = [{ seq: 0 }]; !logged && page.length; ) {
      const res = await call<{ seq: number; entityId: string; actor: { userId?: string } }[]>('GET', `${base}/changes?after=${after}&limit=1000`);
      page = res.body;
      logged = res.body.find((c) => c.entityId === made.body.id);
      after = res.body.at(-1)?.seq ?? after;
    }
    assert.deepEqual(logged?.actor, { userId: amira.id });
    assert.equal((await call('GET', `${base}/changes?after=-1`)).status, 400);
  });
});

describe('documents routes', () => {
  test('the list says where each document comes from and who coded it', async () => {
    const rows = await call<DocumentRow[]>('GET', `${base}/documents`);
    assert.equal(rows.body.length, 16);
    const coded = rows.body.find((d) => d.codings > 0)!;
    assert.ok(coded.site && coded.organisation && coded.case);
    assert.ok(coded.coderIds.length >= 1);
    assert.ok(rows.body.some((d) => d.codings === 0), 'the demo has uncoded transcripts');
  });

  test('a document with its turns and codings; unknown ids are 404', async () => {
    const [first] = (await call<DocumentRow[]>('GET', `${base}/documents`)).body;
    const doc = await call<{ text: string; turns: unknown[] }>('GET', `${base}/documents/${first!.id}`);
    assert.ok(doc.body.text.length > 1000);
    assert.ok(doc.body.turns.length > 5);
    const codings = await call<CodedSegment[]>('GET', `${base}/documents/${first!.id}/codings`);
    assert.equal(codings.body.length, first!.codings);
    assert.equal((await call('GET', `${base}/documents/missing`)).status, 404);
    assert.equal((await call('GET', `${base}/documents/missing/codings`)).status, 404);
  });

  test('a file uploaded as bytes goes through the import pipeline; duplicates and bad files are reported', async () => {
    const bytes = Buffer.from('Interviewer: Tell me about your work.\nParticipant: We run a drop-in centre in Winnipeg.\nInterviewer: Who comes?\nParticipant: Young women, mostly.\n');
    const upload = (name: string, payload: Buffer) =>
      app.inject({ method: 'POST', url: `${base}/documents/import?filename=${encodeURIComponent(name)}&site=Winnipeg`, payload, headers: { 'content-type': 'application/octet-stream' } });
    const first = JSON.parse((await upload('../../WPG-20 drop-in.txt', bytes)).body) as { status: string; name: string; turns: number; documentId: string };
    assert.equal(first.status, 'imported');
    assert.equal(first.name, 'WPG-20 drop-in');
    assert.equal(first.turns, 4);
    const again = JSON.parse((await upload('copy.txt', bytes)).body) as { status: string };
    assert.equal(again.status, 'duplicate');
    const empty = JSON.parse((await upload('empty.txt', Buffer.alloc(0))).body) as { status: string; reason: string };
    assert.deepEqual([empty.status, empty.reason], ['failed', 'the file is empty']);
    const odd = JSON.parse((await upload('notes.xyz', Buffer.from('x'))).body) as { status: string; reason: string };
    assert.equal(odd.status, 'failed');
    assert.match(odd.reason, /unsupported file type/);
    const noName = await app.inject({ method: 'POST', url: `${base}/documents/import`, payload: bytes, headers: { 'content-type': 'application/octet-stream' } });
    assert.equal(noName.statusCode, 400);
    assert.match(noName.body, /query\.filename/);
    const row = (await call<DocumentRow[]>('GET', `${base}/documents`)).body.find((d) => d.id === first.documentId);
    assert.equal(row?.site?.name, 'Winnipeg');
  });
});

describe('codebook and coding routes', () => {
  let codes: CodeWithCounts[];
  let docId: string;
  before(async () => {
    codes = (await call<CodeWithCounts[]>('GET', `${base}/codes`)).body;
    docId = (await call<DocumentRow[]>('GET', `${base}/documents`)).body.find((d) => d.codings > 0)!.id;
  });

  test('codes come with counts; categories count their subtree', async () => {
    const category = codes.find((c) => !c.codable && c.totalCounts.segments > 0)!;
    assert.equal(category.counts.segments, 0);
    const children = codes.filter((c) => c.parentId === category.id);
    assert.ok(children.length > 0);
    assert.ok(category.totalCounts.segments >= Math.max(...children.map((c) => c.totalCounts.segments)));
  });

  test('create, rename with the right version, refuse a stale version with 409, refuse bad input with 400', async () => {
    const created = await call<Code>('POST', `${base}/codes`, { name: 'Trust in police', color: '#123456' });
    assert.equal(created.status, 201);
    const renamed = await call<Code>('PATCH', `${base}/codes/${created.body.id}`, { version: 1, name: 'Distrust of police' });
    assert.equal(renamed.body.version, 2);
    const stale = await call('PATCH', `${base}/codes/${created.body.id}`, { version: 1, color: '#000000' });
    assert.equal(stale.status, 409);
    assert.equal(errorOf(stale).kind, 'conflict');
    assert.match(errorOf(await call('PATCH', `${base}/codes/${created.body.id}`, { name: 'x' })).message, /^body\.version:/);
    assert.match(errorOf(await call('POST', `${base}/codes`, { name: 'Bad colour', color: 'red' })).message, /^body\.color:/);
    assert.equal((await call('POST', `${base}/codes`, { name: 'Distrust of police' })).status, 400, 'sibling names are unique');
    assert.equal((await call('PATCH', `${base}/codes/missing`, { version: 1, name: 'x' })).status, 404);
    assert.equal((await call('DELETE', `${base}/codes/${created.body.id}`)).status, 204);
    assert.equal((await call('DELETE', `${base}/codes/${created.body.id}`)).status, 404);
    const parent = codes.find((c) => codes.some((d) => d.parentId === c.id))!;
    assert.equal((await call('DELETE', `${base}/codes/${parent.id}`)).status, 400, 'a code with children is not deleted');
  });

  test('apply, move and remove a coding; offsets are checked', async () => {
    const code = codes.find((c) => c.codable)!;
    const applied = await call<CodedSegment>('POST', `${base}/codings`, { documentId: docId, start: 3, end: 40, codeId: code.id, coderId: amira.id });
    assert.equal(applied.status, 201);
    assert.equal(applied.body.end - applied.body.start, [...applied.body.quote.exact].length);
    const moved = await call<CodedSegment>('PATCH', `${base}/codings/${applied.body.id}`, { segmentVersion: applied.body.segmentVersion, start: 5, end: 40 });
    assert.equal(moved.status, 200);
    assert.equal(moved.body.start, 5);
    const segment = await call<{ documentId: string; start: number; quote: { exact: string } }>('GET', `${base}/segments/${moved.body.segmentId}`);
    assert.deepEqual([segment.body.documentId, segment.body.start, segment.body.quote.exact], [docId, 5, moved.body.quote.exact]);
    assert.equal((await call('GET', `${base}/segments/missing`)).status, 404);
    const stale = await call('PATCH', `${base}/codings/${applied.body.id}`, { segmentVersion: applied.body.segmentVersion, start: 6, end: 40 });
    assert.equal(stale.status, 409);
    assert.equal((await call('POST', `${base}/codings`, { documentId: docId, start: 40, end: 3, codeId: code.id, coderId: amira.id })).status, 400);
    assert.equal((await call('POST', `${base}/codings`, { documentId: docId, start: 0, end: 10_000_000, codeId: code.id, coderId: amira.id })).status, 400);
    assert.match(errorOf(await call('POST', `${base}/codings`, { documentId: docId, start: -1, end: 3, codeId: code.id, coderId: amira.id })).message, /^body\.start:/);
    const category = codes.find((c) => !c.codable)!;
    assert.equal((await call('POST', `${base}/codings`, { documentId: docId, start: 0, end: 3, codeId: category.id, coderId: amira.id })).status, 400);
    assert.equal((await call('DELETE', `${base}/codings/${applied.body.id}`)).status, 204);
    assert.equal((await call('DELETE', `${base}/codings/${applied.body.id}`)).status, 404);
  });

  test('merge moves codings into the target; retrieval lists passages with context and filters', async () => {
    const source = (await call<Code>('POST', `${base}/codes`, { name: 'Merge source' })).body;
    const target = (await call<Code>('POST', `${base}/codes`, { name: 'Merge target' })).body;
    await call('POST', `${base}/codings`, { documentId: docId, start: 100, end: 160, codeId: source.id, coderId: amira.id });
    await call('POST', `${base}/codings`, { documentId: docId, start: 100, end: 160, codeId: target.id, coderId: amira.id });
    await call('POST', `${base}/codings`, { documentId: docId, start: 200, end: 260, codeId: source.id, coderId: luc.id });
    const merged = await call<Code>('POST', `${base}/codes/${source.id}/merge`, { into: target.id });
    assert.equal(merged.status, 200);
    assert.equal((await call('GET', `${base}/codes/${source.id}/segments`)).status, 404);
    const all = await call<RetrievedSegment[]>('GET', `${base}/codes/${target.id}/segments`);
    assert.equal(all.body.length, 2, 'the duplicate collapsed');
    assert.ok(all.body.every((r) => r.document.id === docId && r.site && r.case));
    const lucs = await call<RetrievedSegment[]>('GET', `${base}/codes/${target.id}/segments?coderId=${luc.id}`);
    assert.equal(lucs.body.length, 1);
    assert.equal((await call('POST', `${base}/codes/${target.id}/merge`, { into: target.id })).status, 400);
    assert.equal((await call('POST', `${base}/codes/${target.id}/merge`, {})).status, 400);
    assert.match(errorOf(await call('GET', `${base}/codes/${target.id}/segments?attribute=novalue`)).message, /^query\.attribute:/);
  });

  test('retrieval by site, case attribute and sub-codes, in the demo', async () => {
    const category = codes.find((c) => !c.codable && c.totalCounts.segments > 0)!;
    const direct = await call<RetrievedSegment[]>('GET', `${base}/codes/${category.id}/segments`);
    assert.equal(direct.body.length, 0);
    const subtree = await call<RetrievedSegment[]>('GET', `${base}/codes/${category.id}/segments?descendants=true`);
    assert.ok(subtree.body.length >= category.totalCounts.segments);
    const site = subtree.body[0]!.site!;
    const atSite = await call<RetrievedSegment[]>('GET', `${base}/codes/${category.id}/segments?descendants=true&siteId=${site.id}`);
    assert.ok(atSite.body.length > 0 && atSite.body.every((r) => r.site?.id === site.id));
    assert.ok(atSite.body.length < subtree.body.length);
    const attributes = (await call<{ name: string; caseKinds: string[] }[]>('GET', `${base}/attributes`)).body;
    const cases = (await call<{ kind: string; attributes: Record<string, unknown> }[]>('GET', `${base}/cases`)).body;
    const orgAttribute = attributes.find((a) => a.caseKinds.includes('organisation'))!;
    const value = String(cases.find((c) => c.kind === 'organisation' && c.attributes[orgAttribute.name] !== undefined)!.attributes[orgAttribute.name]);
    const filtered = await call<RetrievedSegment[]>('GET', `${base}/codes/${category.id}/segments?descendants=true&attribute=${encodeURIComponent(`${orgAttribute.name}=${value}`)}`);
    assert.ok(filtered.body.length <= subtree.body.length);
  });

  test('memos: write, edit with a version, 409 on a stale one, delete; bad targets refused', async () => {
    const code = codes.find((c) => c.codable)!;
    const memo = await call<Memo>('POST', `${base}/memos`, { target: { kind: 'code', id: code.id }, authorId: amira.id, text: 'Used for fear of police as well.' });
    assert.equal(memo.status, 201);
    const edited = await call<Memo>('PATCH', `${base}/memos/${memo.body.id}`, { version: 1, text: 'Also fear of police.' });
    assert.equal(edited.body.version, 2);
    assert.equal((await call('PATCH', `${base}/memos/${memo.body.id}`, { version: 1, text: 'stale' })).status, 409);
    assert.ok((await call<Memo[]>('GET', `${base}/memos`)).body.some((m) => m.text === 'Also fear of police.'));
    assert.match(errorOf(await call('POST', `${base}/memos`, { target: { kind: 'planet', id: 'x' }, authorId: amira.id, text: 'x' })).message, /^body\.target/);
    assert.equal((await call('POST', `${base}/memos`, { target: { kind: 'code', id: 'missing' }, authorId: amira.id, text: 'x' })).status, 404);
    assert.match(errorOf(await call('POST', `${base}/memos`, { target: { kind: 'project' }, authorId: amira.id, text: '   ' })).message, /^body\.text: a memo needs some text/);
    assert.equal((await call('DELETE', `${base}/memos/${memo.body.id}`)).status, 204);
    assert.equal((await call('DELETE', `${base}/memos/${memo.body.id}`)).status, 404);
  });

  test('malformed JSON is a 400, not a crash', async () => {
    const res = await app.inject({ method: 'POST', url: `${base}/codes`, payload: '{"name":', headers: { 'content-type': 'application/json' } });
    assert.equal(res.statusCode, 400);
  });
});

describe('agreement route', () => {
  test('two coders of the demo: per-code statistics and disagreements; a single coder is a 400 naming the field', async () => {
    const report = await call<{ codes: { codeId: string }[]; disagreements: unknown[] }>('GET', `${base}/agreement?coders=${amira.id},${luc.id}&unit=segment`);
    assert.equal(report.status, 200);
    assert.ok(report.body.codes.length > 10);
    assert.ok(Array.isArray(report.body.disagreements));
    const one = await call('GET', `${base}/agreement?coders=${amira.id}`);
    assert.equal(one.status, 400);
    assert.match(errorOf(one).message, /^query\.coders/);
    assert.match(errorOf(await call('GET', `${base}/agreement?coders=${amira.id},${luc.id}&unit=word`)).message, /^query\.unit/);
  });
});

describe('exchange routes', () => {
  const upload = (url: string, payload: Buffer) => app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/octet-stream' } });

  test('the project exports as a .qdpx download and a data-loss report, and imports back as a new project', async () => {
    const file = await app.inject({ method: 'GET', url: `${base}/exports/qdpx` });
    assert.equal(file.statusCode, 200);
    assert.match(file.headers['content-disposition'] as string, /^attachment; filename="Demo Victims of trafficking.*\.qdpx"; filename\*=UTF-8''Demo%20Victims/);
    assert.equal(file.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
    const report = await call<{ direction: string; counts: Record<string, number> }>('GET', `${base}/exports/qdpx/report`);
    assert.equal(report.body.direction, 'export');
    assert.equal(report.body.counts.documents, (await call<unknown[]>('GET', `${base}/documents`)).body.length);
    const codebook = await app.inject({ method: 'GET', url: `${base}/exports/qdc` });
    assert.match(codebook.rawPayload.toString('utf8'), /<CodeBook/);
    assert.equal((await call('GET', `${base}/exports/pdf`)).status, 400);

    const imported = await upload('/api/projects/import?title=Round%20trip', file.rawPayload);
    assert.equal(imported.statusCode, 200);
    const body = JSON.parse(imported.body) as { project: { id: string; title: string }; report: { counts: Record<string, number> } };
    assert.equal(body.project.title, 'Round trip');
    const copy = await call<{ stats: { documents: number } }>('GET', `/api/projects/${body.project.id}`);
    assert.equal(copy.body.stats.documents, (await call<unknown[]>('GET', `${base}/documents`)).body.length);
    const broken = await upload('/api/projects/import', Buffer.from('not a zip'));
    assert.equal(broken.statusCode, 400);
    assert.equal((await call<unknown[]>('GET', '/api/projects')).body.length, 2, 'a broken archive creates nothing');
  });

  test('a .qdc codebook from ATLAS.ti imports into the project', async () => {
    const qdc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'refi', 'qdc-atlasti-23', 'atlasti-23.4.0-valid.qdc'));
    const res = await upload(`${base}/codebook/import`, qdc);
    assert.equal(res.statusCode, 200);
    assert.equal((JSON.parse(res.body) as { direction: string }).direction, 'import');
    assert.equal((await upload(`${base}/codebook/import`, Buffer.from('<nope'))).statusCode, 400);
  });
});

describe('the server around the API', () => {
  test('every route is in the OpenAPI document, and the docs page lists them', async () => {
    const doc = await call<{ openapi: string; paths: Record<string, Record<string, unknown>> }>('GET', '/api/openapi.json');
    assert.equal(doc.body.openapi, '3.1.0');
    for (const r of ROUTES) assert.ok(doc.body.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()], `${r.method} ${r.url}`);
    const page = await app.inject({ method: 'GET', url: '/api/docs' });
    assert.match(page.headers['content-type'] as string, /text\/html/);
    assert.match(page.body, /\/api\/projects\/\{projectId\}\/codes/);
  });

  test('the UI is served with the page for unknown paths, never a file outside its folder', async () => {
    const index = await app.inject({ method: 'GET', url: '/' });
    assert.match(index.body, /<title>Crosswise/);
    assert.match(index.headers['content-security-policy'] as string, /default-src 'self'/);
    const asset = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    assert.equal(asset.body, 'console.log(1)');
    assert.match(asset.headers['cache-control'] as string, /immutable/);
    assert.match((await app.inject({ method: 'GET', url: '/codebook' })).body, /<title>Crosswise/);
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt']) {
      assert.doesNotMatch((await app.inject({ method: 'GET', url })).body, /outside the web root/, url);
    }
  });

  test('only loopback addresses are accepted, and a real listener answers', async () => {
    for (const host of ['127.0.0.1', '::1', 'localhost', '127.0.0.2']) assert.doesNotThrow(() => assertLoopback(host));
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.org']) assert.throws(() => assertLoopback(host), /refusing to listen/);
    await assert.rejects(startServer({ store, webRoot: web, host: '0.0.0.0', port: 0 }), /refusing to listen/);
    const running = await startServer({ store, webRoot: web, port: 0 });
    try {
      const res = await fetch(`${running.url}/api/projects`);
      assert.equal(res.status, 200);
    } finally {
      await running.close();
    }
  });
});
