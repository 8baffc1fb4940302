// The needs, gaps, services and report-draft routes against a real SQLite file
// holding the demo study: each route's answer equals the analysis it serves, edits
// land in the change log under the acting user, and bad input is refused with
// 400 naming the field, 404, or 409 for a stale version.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Change, User } from '../core/model.ts';
import type { CodeWithCounts, RetrievedSegment } from '../core/read-models.ts';
import type { Barrier, GapDecision, GapStatusCodes, Need } from '../core/needs.ts';
import type { Service, ServiceOrganisation } from '../core/services.ts';
import type { ReportDraft } from '../core/findings.ts';
import type { HsdsImportReport } from '../exchange/hsds.ts';
import { barrierCellSegments, barrierPrevalence, gapCellSegments, gapMatrix, type GapMatrix } from '../analysis/gaps.ts';
import type { ProjectStore } from '../store/store.ts';
import type { ChosenQuote } from './routes/needs.ts';
import { useDemoServer } from '../../test/support/demo-server.ts';

const demo = useDemoServer();
let app: FastifyInstance;
let project: ProjectStore;
let base: string;
let amira: User;
let luc: User;
let codes: CodeWithCounts[];
let sites: { id: string; name: string }[];

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
async function call<T = unknown>(method: Method, url: string, body?: unknown, user: User | null = amira) {
  const res = await app.inject({
    method,
    url,
    ...(body === undefined ? {} : { payload: body as object }),
    headers: user ? { 'x-crosswise-user': user.id } : {},
  });
  return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : undefined) as T, raw: res.rawPayload, headers: res.headers };
}
const errorOf = (res: { body: unknown }) => (res.body as { error: { kind: string; message: string } }).error;
const codeId = (name: string) => {
  const code = codes.find((c) => c.name === name);
  assert.notEqual(code, undefined, `the demo codebook has "${name}"`);
  return code!.id;
};
/** Every change-log entry, read a page at a time through the API. */
async function changeLog(): Promise<Change[]> {
  const all: Change[] = [];
  for (let after = 0; ; ) {
    const page = (await call<Change[]>('GET', `${base}/changes?after=${after}&limit=1000`)).body;
    all.push(...page);
    if (page.length < 1000) return all;
    after = page.at(-1)!.seq;
  }
}

before(async () => {
  ({ project, app, base } = await demo);
  const users = await project.listUsers();
  amira = users.find((u) => u.name === 'Amira Haddad')!;
  luc = users.find((u) => u.name === 'Luc Tremblay')!;
  codes = (await call<CodeWithCounts[]>('GET', `${base}/codes`)).body;
  sites = (await project.listCases({ kind: 'site' })).map((c) => ({ id: c.id, name: c.name }));
});

describe('needs and barriers catalogues', () => {
  test('a need is created, listed, edited with its version, and a stale version is a 409', async () => {
    const made = await call<Need>('POST', `${base}/needs`, {
      name: 'Shelter (catalogue test)', horizon: 'short_term', purpose: 'protection', codeIds: [codeId('Safe housing and shelter')],
    });
    assert.equal(made.status, 201);
    assert.deepEqual([made.body.horizon, made.body.purpose, made.body.codeIds], ['short_term', 'protection', [codeId('Safe housing and shelter')]]);
    const listed = (await call<Need[]>('GET', `${base}/needs`)).body;
    assert.equal(listed.filter((n) => n.id === made.body.id).length, 1);

    const edited = await call<Need>('PATCH', `${base}/needs/${made.body.id}`, { version: made.body.version, horizon: 'long_term', description: 'Housing beyond the first nights.' });
    assert.equal(edited.status, 200);
    assert.deepEqual([edited.body.horizon, edited.body.description, edited.body.version], ['long_term', 'Housing beyond the first nights.', made.body.version + 1]);
    const stale = await call('PATCH', `${base}/needs/${made.body.id}`, { version: made.body.version, name: 'Lost update' });
    assert.equal(stale.status, 409);
    assert.equal(errorOf(stale).kind, 'conflict');

    assert.equal((await call('DELETE', `${base}/needs/${made.body.id}`)).status, 204);
    assert.equal((await call('PATCH', `${base}/needs/${made.body.id}`, { version: 2, name: 'Gone' })).status, 404);
  });

  test('bad catalogue input is a 400 naming the field', async () => {
    const horizon = await call('POST', `${base}/needs`, { name: 'Bad horizon', horizon: 'medium_term', purpose: 'prevention' });
    assert.equal(horizon.status, 400);
    assert.match(errorOf(horizon).message, /^body\.horizon:/);
    const name = await call('POST', `${base}/barriers`, { name: '   ' });
    assert.equal(name.status, 400);
    assert.match(errorOf(name).message, /^body\.name: a name is needed/);
    const noVersion = await call('PATCH', `${base}/barriers/whatever`, { name: 'No version' });
    assert.match(errorOf(noVersion).message, /^body\.version:/);
  });

  test('an analyst adds a barrier, and the change log names them', async () => {
    const made = await call<Barrier>('POST', `${base}/barriers`, { name: 'Immigration status (catalogue test)', codeIds: [codeId('Lack of immigration status')] }, luc);
    assert.equal(made.status, 201);
    const logged = (await changeLog()).filter((c) => c.entity === 'barrier' && c.entityId === made.body.id);
    assert.deepEqual(logged.map((c) => [c.action, c.actor]), [['create', { userId: luc.id }]]);
    const edited = await call<Barrier>('PATCH', `${base}/barriers/${made.body.id}`, { version: made.body.version, description: 'No papers, no services.' });
    assert.equal(edited.body.description, 'No papers, no services.');
    assert.equal((await call('DELETE', `${base}/barriers/${made.body.id}`)).status, 204);
    assert.equal((await call<Barrier[]>('GET', `${base}/barriers`)).body.some((b) => b.id === made.body.id), false);
  });
});

describe('the gap matrix', () => {
  let shelter: Need;
  let legal: Need;
  before(async () => {
    const set = await call<GapStatusCodes>('PATCH', `${base}/gaps/status-codes`, {
      met: [codeId('Need met')], ad_hoc: [codeId('Need met only ad hoc')], unmet: [codeId('Need unmet')],
    });
    assert.equal(set.status, 200);
    shelter = (await call<Need>('POST', `${base}/needs`, { name: 'Shelter (matrix test)', horizon: 'short_term', purpose: 'protection', codeIds: [codeId('Safe housing and shelter')] })).body;
    legal = (await call<Need>('POST', `${base}/needs`, {
      name: 'Legal help (matrix test)', horizon: 'long_term', purpose: 'protection', codeIds: [codeId('Immigration status and legal help')],
    })).body;
  });

  test('status codes are read back; an unknown code is refused', async () => {
    const got = (await call<GapStatusCodes>('GET', `${base}/gaps/status-codes`)).body;
    assert.deepEqual(got, { met: [codeId('Need met')], ad_hoc: [codeId('Need met only ad hoc')], unmet: [codeId('Need unmet')] });
    const bad = await call('PATCH', `${base}/gaps/status-codes`, { met: ['no-such-code'], ad_hoc: [], unmet: [] });
    assert.equal(bad.status, 400);
    const missing = await call('PATCH', `${base}/gaps/status-codes`, { met: [], ad_hoc: [] });
    assert.match(errorOf(missing).message, /^body\.unmet:/);
  });

  test('the matrix the API serves is the gap analysis, for all coders and for one', async () => {
    const served = await call<GapMatrix>('GET', `${base}/gaps`);
    assert.equal(served.status, 200);
    assert.deepEqual(served.body, JSON.parse(JSON.stringify(await gapMatrix(project))));
    const row = served.body.rows.find((r) => r.need.id === shelter.id);
    assert.equal(row?.cells.length, served.body.sites.length);
    assert.equal(served.body.rows.find((r) => r.need.id === legal.id)?.cells.length, served.body.sites.length);
    const oneCoder = await call<GapMatrix>('GET', `${base}/gaps?coderId=${luc.id}`);
    assert.deepEqual(oneCoder.body, JSON.parse(JSON.stringify(await gapMatrix(project, { coderId: luc.id }))));
  });

  test('a cell’s quotes are the gap analysis’s, all at the cell’s site', async () => {
    const matrix = (await call<GapMatrix>('GET', `${base}/gaps`)).body;
    const cell = matrix.rows.find((r) => r.need.id === shelter.id)!.cells.find((c) => c.cases > 0);
    assert.notEqual(cell, undefined, 'the demo evidences shelter somewhere');
    const quotes = await call<RetrievedSegment[]>('GET', `${base}/gaps/${shelter.id}/${cell!.siteId}/segments`);
    assert.deepEqual(quotes.body, JSON.parse(JSON.stringify(await gapCellSegments(project, shelter.id, cell!.siteId))));
    assert.notEqual(quotes.body.length, 0);
    assert.deepEqual([...new Set(quotes.body.map((q) => q.site?.id))], [cell!.siteId]);
    assert.equal(new Set(quotes.body.map((q) => q.case?.id)).size, cell!.cases);
  });

  test('a decision is saved under the acting user, logged, versioned, and withdrawn', async () => {
    const site = sites[0]!;
    const url = `${base}/gaps/${shelter.id}/${site.id}`;
    const first = await call<GapDecision>('PATCH', url, { version: 0, status: 'unmet', note: 'Every participant here describes turning women away.', authorId: amira.id });
    assert.equal(first.status, 200);
    assert.deepEqual([first.body.status, first.body.authorId, first.body.version], ['unmet', amira.id, 1]);

    const logged = (await changeLog()).filter((c) => c.entity === 'gap_decision' && c.entityId === `${shelter.id}/${site.id}`);
    assert.deepEqual(logged.map((c) => [c.action, c.actor]), [['create', { userId: amira.id }]]);
    const history = await call<Change[]>('GET', `${url}/history`);
    assert.deepEqual(history.body, logged);

    const cell = (await call<GapMatrix>('GET', `${base}/gaps`)).body.rows.find((r) => r.need.id === shelter.id)!.cells.find((c) => c.siteId === site.id)!;
    assert.deepEqual([cell.status, cell.decision?.note, cell.decision?.authorId], ['unmet', 'Every participant here describes turning women away.', amira.id]);

    const stale = await call('PATCH', url, { version: 0, status: 'met', note: 'Based on an old view.', authorId: luc.id }, luc);
    assert.equal(stale.status, 409);
    const second = await call<GapDecision>('PATCH', url, { version: 1, status: 'ad_hoc', note: 'Beds exist, but only through personal contacts.', authorId: luc.id }, luc);
    assert.deepEqual([second.body.status, second.body.version], ['ad_hoc', 2]);
    const both = (await call<Change[]>('GET', `${url}/history`)).body;
    assert.deepEqual(both.map((c) => [c.action, c.actor]), [['create', { userId: amira.id }], ['update', { userId: luc.id }]]);

    assert.equal((await call('DELETE', url)).status, 204);
    const back = (await call<GapMatrix>('GET', `${base}/gaps`)).body.rows.find((r) => r.need.id === shelter.id)!.cells.find((c) => c.siteId === site.id)!;
    assert.deepEqual([back.decision, back.status], [null, back.proposed]);
    assert.equal((await call('DELETE', url)).status, 404);
  });

  test('a bad status, an empty note, an unknown need or a non-site is refused', async () => {
    const url = `${base}/gaps/${legal.id}/${sites[1]!.id}`;
    const status = await call('PATCH', url, { version: 0, status: 'partly', note: 'Why not.', authorId: amira.id });
    assert.equal(status.status, 400);
    assert.match(errorOf(status).message, /^body\.status:/);
    const note = await call('PATCH', url, { version: 0, status: 'met', note: '  ', authorId: amira.id });
    assert.equal(note.status, 400);
    assert.match(errorOf(note).message, /^body\.note: a decision needs a note/);
    assert.equal((await call('PATCH', `${base}/gaps/no-need/${sites[1]!.id}`, { version: 0, status: 'met', note: 'x', authorId: amira.id })).status, 404);
    const participant = (await project.listCases({ kind: 'participant' }))[0]!;
    assert.equal((await call('PATCH', `${base}/gaps/${legal.id}/${participant.id}`, { version: 0, status: 'met', note: 'x', authorId: amira.id })).status, 400);
  });
});

describe('barrier prevalence', () => {
  let barrier: Barrier;
  before(async () => {
    barrier = (await call<Barrier>('POST', `${base}/barriers`, { name: 'Language (prevalence test)', codeIds: [codeId('Language and cultural barriers')] })).body;
  });

  test('prevalence and a cell’s quotes are the analysis’s, with the thresholds asked for', async () => {
    const served = await call<Awaited<ReturnType<typeof barrierPrevalence>>>('GET', `${base}/barriers/prevalence?threshold=0.6&weak=0.1`);
    assert.equal(served.status, 200);
    assert.deepEqual(served.body, JSON.parse(JSON.stringify(await barrierPrevalence(project, { threshold: 0.6, weak: 0.1 }))));
    assert.deepEqual([served.body.threshold, served.body.weak], [0.6, 0.1]);
    const row = served.body.rows.find((r) => r.barrier.id === barrier.id)!;
    const at = served.body.sites.findIndex((_, i) => row.cases[i]! > 0);
    assert.notEqual(at, -1, 'the demo cites language barriers somewhere');
    const site = served.body.sites[at]!;
    const quotes = await call<RetrievedSegment[]>('GET', `${base}/barriers/${barrier.id}/sites/${site.id}/segments`);
    assert.deepEqual(quotes.body, JSON.parse(JSON.stringify(await barrierCellSegments(project, barrier.id, site.id))));
    assert.equal(new Set(quotes.body.map((q) => q.case?.id)).size, row.cases[at]);
    assert.match(errorOf(await call('GET', `${base}/barriers/prevalence?threshold=2`)).message, /^query\.threshold:/);
  });
});

describe('the services inventory', () => {
  test('organisations and services are created, edited with versions, and counted in the gap matrix', async () => {
    const need = (await call<Need>('POST', `${base}/needs`, { name: 'Interpretation (inventory test)', horizon: 'short_term', purpose: 'protection', codeIds: [] })).body;
    const site = sites[2]!;
    const org = await call<ServiceOrganisation>('POST', `${base}/service-organisations`, {
      name: 'Interprètes solidaires', siteId: site.id, type: 'Community organisation', populations: ['migrants'], languages: ['French', 'Spanish'], email: 'info@example.org',
    });
    assert.equal(org.status, 201);
    assert.deepEqual([org.body.siteId, org.body.languages], [site.id, ['French', 'Spanish']]);
    const service = await call<Service>('POST', `${base}/services`, { organisationId: org.body.id, name: 'Telephone interpretation', needIds: [need.id] });
    assert.equal(service.status, 201);
    assert.deepEqual((await call<Service[]>('GET', `${base}/services?needId=${need.id}`)).body.map((s) => s.id), [service.body.id]);
    const atSite = (await call<ServiceOrganisation[]>('GET', `${base}/service-organisations?siteId=${site.id}`)).body;
    assert.deepEqual([atSite.filter((o) => o.id === org.body.id).length, atSite.filter((o) => o.siteId !== site.id).length], [1, 0]);

    const cell = (await call<GapMatrix>('GET', `${base}/gaps`)).body.rows.find((r) => r.need.id === need.id)!.cells.find((c) => c.siteId === site.id)!;
    assert.deepEqual([cell.services, cell.proposed], [1, 'met']);

    const edited = await call<ServiceOrganisation>('PATCH', `${base}/service-organisations/${org.body.id}`, { version: org.body.version, phone: '514 555 0100' });
    assert.equal(edited.body.phone, '514 555 0100');
    assert.equal((await call('PATCH', `${base}/service-organisations/${org.body.id}`, { version: org.body.version, phone: 'x' })).status, 409);
    const renamed = await call<Service>('PATCH', `${base}/services/${service.body.id}`, { version: service.body.version, name: 'Interpretation by phone' });
    assert.equal(renamed.body.name, 'Interpretation by phone');
    const email = await call('POST', `${base}/service-organisations`, { name: 'Bad mail', siteId: site.id, email: 'not an address' });
    assert.match(errorOf(email).message, /^body\.email:/);

    assert.equal((await call('DELETE', `${base}/service-organisations/${org.body.id}`)).status, 204);
    assert.deepEqual((await call<Service[]>('GET', `${base}/services?organisationId=${org.body.id}`)).body, []);
  });
});

describe('the services inventory as HSDS', () => {
  test('an export imports back unchanged, and an organisation deleted meanwhile comes back', async () => {
    const organisations = (await call<ServiceOrganisation[]>('GET', `${base}/service-organisations`)).body;
    assert.notEqual(organisations.length, 0, 'the demo has an inventory');
    const json = await call('GET', `${base}/services/export/json`);
    assert.equal(json.status, 200);
    assert.match(String(json.headers['content-type']), /^application\/json/);
    assert.match(String(json.headers['content-disposition']), /^attachment; filename="services-hsds\.json"/);
    const zip = await app.inject({ method: 'GET', url: `${base}/services/export/csv` });
    assert.deepEqual([zip.statusCode, zip.headers['content-type'], zip.rawPayload.subarray(0, 2).toString('latin1')], [200, 'application/zip', 'PK']);

    const upload = (bytes: Buffer) =>
      app.inject({ method: 'POST', url: `${base}/services/import`, payload: bytes, headers: { 'content-type': 'application/octet-stream', 'x-crosswise-user': amira.id } });
    const same = JSON.parse((await upload(zip.rawPayload)).body) as HsdsImportReport;
    assert.deepEqual(same.organisations, { created: 0, updated: 0, unchanged: organisations.length, skipped: 0 });

    const gone = organisations[0]!;
    assert.equal((await call('DELETE', `${base}/service-organisations/${gone.id}`)).status, 204);
    const back = JSON.parse((await upload(json.raw)).body) as HsdsImportReport;
    assert.deepEqual([back.organisations.created, back.organisations.unchanged], [1, organisations.length - 1]);
    const again = (await call<ServiceOrganisation[]>('GET', `${base}/service-organisations`)).body.find((o) => o.name === gone.name && o.siteId === gone.siteId);
    assert.deepEqual([again?.type, again?.languages, again?.populations], [gone.type, gone.languages, gone.populations]);

    const bad = await upload(Buffer.from('{ not json'));
    assert.equal(bad.statusCode, 400);
    assert.match(JSON.parse(bad.body).error.message, /not valid JSON/);
  });
});

describe('the report draft', () => {
  test('the analyst’s text is edited with versions; a stale version is a 409 and an empty recommendation a 400', async () => {
    const start = (await call<{ draft: ReportDraft }>('GET', `${base}/report/draft`)).body.draft;
    const edited = await call<ReportDraft>('PATCH', `${base}/report/draft`, {
      version: start.version, summary: 'Needs are met unevenly.', recommendations: ['Fund shelters in Winnipeg.', 'Train police.'],
    });
    assert.equal(edited.status, 200);
    assert.deepEqual([edited.body.summary, edited.body.recommendations, edited.body.version], ['Needs are met unevenly.', ['Fund shelters in Winnipeg.', 'Train police.'], start.version + 1]);
    assert.equal((await call('PATCH', `${base}/report/draft`, { version: start.version, comparison: 'Old.' })).status, 409);
    const empty = await call('PATCH', `${base}/report/draft`, { version: edited.body.version, recommendations: ['Fine.', ' '] });
    assert.equal(empty.status, 400);
    assert.match(errorOf(empty).message, /^body\.recommendations\.1:/);
  });

  test('quotes are chosen from retrieval, read back with case and site, moved within their theme and removed', async () => {
    const theme = codeId('Safe housing and shelter');
    const inOrder = (draft: ReportDraft) => draft.quotes.filter((q) => q.codeId === theme).sort((x, y) => x.position - y.position).map((q) => q.segmentId);
    const before = inOrder((await call<{ draft: ReportDraft }>('GET', `${base}/report/draft`)).body.draft);
    const retrieved = (await call<RetrievedSegment[]>('GET', `${base}/codes/${theme}/segments`)).body;
    const [a, b] = [...new Map(retrieved.filter((r) => !before.includes(r.coding.segmentId)).map((r) => [r.coding.segmentId, r])).values()];
    assert.notEqual(b, undefined, 'the demo has two passages on shelter not quoted yet');
    for (const r of [a!, b!]) assert.equal((await call('POST', `${base}/report/quotes`, { segmentId: r.coding.segmentId, codeId: theme })).status, 200);
    const again = await call<ReportDraft>('POST', `${base}/report/quotes`, { segmentId: a!.coding.segmentId, codeId: theme });
    assert.deepEqual(inOrder(again.body), [...before, a!.coding.segmentId, b!.coding.segmentId]);

    const read = (await call<{ draft: ReportDraft; quotes: ChosenQuote[] }>('GET', `${base}/report/draft`)).body;
    const mine = read.quotes.filter((q) => q.quote.codeId === theme && !before.includes(q.quote.segmentId));
    assert.deepEqual(mine.map((q) => [q.quote.segmentId, q.quote.chosenBy, q.passage?.coding.quote.exact, q.passage?.case?.id, q.passage?.site?.id]), [
      [a!.coding.segmentId, amira.id, a!.coding.quote.exact, a!.case?.id, a!.site?.id],
      [b!.coding.segmentId, amira.id, b!.coding.quote.exact, b!.case?.id, b!.site?.id],
    ]);
    assert.equal(read.quotes.filter((q) => q.passage === null).length, 0);

    const moved = await call<ReportDraft>('PATCH', `${base}/report/quotes/${b!.coding.segmentId}/${theme}`, { position: 1 });
    assert.deepEqual(inOrder(moved.body), [b!.coding.segmentId, ...before, a!.coding.segmentId]);
    assert.match(errorOf(await call('PATCH', `${base}/report/quotes/${b!.coding.segmentId}/${theme}`, { position: 0 })).message, /^body\.position:/);

    const removed = await call<ReportDraft>('DELETE', `${base}/report/quotes/${a!.coding.segmentId}/${theme}`);
    assert.deepEqual(inOrder(removed.body), [b!.coding.segmentId, ...before]);
    assert.equal((await call('DELETE', `${base}/report/quotes/${a!.coding.segmentId}/${theme}`)).status, 404);
    const logged = (await changeLog()).filter((c) => c.entity === 'report_quote' && c.data.segmentId === a!.coding.segmentId);
    assert.deepEqual(logged.map((c) => [c.action, c.actor]), [['create', { userId: amira.id }], ['delete', { userId: amira.id }]]);
  });

  test('a passage not coded with the theme cannot illustrate it', async () => {
    const shelter = (await call<RetrievedSegment[]>('GET', `${base}/codes/${codeId('Safe housing and shelter')}/segments`)).body;
    const other = codeId('Need met');
    const met = new Set((await call<RetrievedSegment[]>('GET', `${base}/codes/${other}/segments`)).body.map((r) => r.coding.segmentId));
    const notCoded = shelter.find((r) => !met.has(r.coding.segmentId));
    const res = await call('POST', `${base}/report/quotes`, { segmentId: notCoded!.coding.segmentId, codeId: other });
    assert.equal(res.status, 400);
  });
});
