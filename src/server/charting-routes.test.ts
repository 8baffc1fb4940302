// The charting API against a real SQLite file holding the demo study: framework
// matrices (create, chart, cell segments, pre-fill, version-checked writes),
// case profiles, word frequencies and coding queries answer what the analyses
// answer, and bad input is a 400 naming the problem.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { FrameworkCell, FrameworkMatrix, User } from '../core/model.ts';
import { mapCodes, parseQuery } from '../core/analysis/query-syntax.ts';
import { caseProfile } from '../analysis/case-profile.ts';
import { codingQuery } from '../analysis/coding-query.ts';
import { frameworkCellSegments, frameworkView, prefillSummary, type FrameworkView } from '../analysis/framework.ts';
import { wordFrequencies } from '../analysis/words.ts';
import { caseProfileTable, codingQueryTable, frameworkTable, wordsTable } from '../analysis/outputs/tables.ts';
import { tableToCsv } from '../formats/table/csv.ts';
import type { ProjectStore } from '../store/store.ts';
import { useDemoServer } from '../../test/support/demo-server.ts';

const demo = useDemoServer();
let project: ProjectStore;
let app: FastifyInstance;
let base: string;
let amira: User;

before(async () => {
  ({ project, app, base } = await demo);
  amira = (await project.listUsers()).find((u) => u.name === 'Amira Haddad')!;
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
async function call<T = unknown>(method: Method, url: string, body?: unknown) {
  const res = await app.inject({ method, url, ...(body === undefined ? {} : { payload: body as object }) });
  return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : undefined) as T };
}
async function download(url: string) {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, type: String(res.headers['content-type']), disposition: String(res.headers['content-disposition']), bytes: res.rawPayload };
}
const errorOf = (res: { body: unknown }) => (res.body as { error: { kind: string; message: string } }).error;
/** What the analysis returns, as it travels over JSON. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const codeId = async (name: string) => (await project.findCode(name)).id;

describe('framework matrix routes', () => {
  let matrix: FrameworkMatrix;
  let cell: { caseId: string; codeId: string; segments: number };

  test('create a matrix; its chart is the analysis’ chart', async () => {
    const themeIds = [await codeId('Needs'), await codeId('Obstacles')];
    const made = await call<FrameworkMatrix>('POST', `${base}/framework-matrices`, { name: 'Needs and obstacles by participant', rowKind: 'participant', themeIds });
    assert.equal(made.status, 201);
    matrix = made.body;
    assert.deepEqual(matrix.themeIds, themeIds);
    const listed = await call<FrameworkMatrix[]>('GET', `${base}/framework-matrices`);
    assert.deepEqual(listed.body.map((m) => m.id), [matrix.id]);

    const view = await call<FrameworkView>('GET', `${base}/framework-matrices/${matrix.id}`);
    assert.equal(view.status, 200);
    assert.deepEqual(view.body, asJson(await frameworkView(project, { matrix: matrix.id })));
    assert.equal(view.body.rows.length, 40);
    const filled = await call<FrameworkView>('GET', `${base}/framework-matrices/${matrix.id}?fill=true&coderId=${amira.id}`);
    assert.deepEqual(filled.body, asJson(await frameworkView(project, { matrix: matrix.id, fill: true, coderId: amira.id })));
    // The busiest cell, to work on below.
    cell = view.body.cells.flat().reduce((a, b) => (b.segments > a.segments ? b : a));
    assert.notEqual(cell.segments, 0);
  });

  test('a cell’s segments and its pre-fill come from the analysis', async () => {
    const url = `${base}/framework-matrices/${matrix.id}/cells/${cell.caseId}/${cell.codeId}`;
    const segments = await call<unknown[]>('GET', `${url}/segments`);
    const expected = await frameworkCellSegments(project, cell.caseId, cell.codeId);
    assert.deepEqual(segments.body, asJson(expected));
    assert.equal(segments.body.length, cell.segments);
    const prefill = await call<{ summary: string; segmentIds: string[] }>('GET', `${url}/prefill`);
    assert.deepEqual(prefill.body, { summary: prefillSummary(expected), segmentIds: expected.map((x) => x.segmentId) });
    const other = await codeId('Networks');
    const notTheme = await call('GET', `${base}/framework-matrices/${matrix.id}/cells/${cell.caseId}/${other}/segments`);
    assert.equal(notTheme.status, 404);
    assert.match(errorOf(notTheme).message, /is not a theme of "Needs and obstacles by participant"/);
  });

  test('write a cell with its version; a stale version is a 409 and changes nothing', async () => {
    const url = `${base}/framework-matrices/${matrix.id}/cells/${cell.caseId}/${cell.codeId}`;
    const segmentIds = (await frameworkCellSegments(project, cell.caseId, cell.codeId)).map((x) => x.segmentId).slice(0, 2);
    const first = await call<FrameworkCell>('PATCH', url, { version: 0, authorId: amira.id, summary: 'Needs housing first.', segmentIds });
    assert.equal(first.status, 200);
    assert.equal(first.body.version, 1);
    assert.deepEqual(first.body.segmentIds, [...segmentIds].sort());
    const second = await call<FrameworkCell>('PATCH', url, { version: 1, authorId: amira.id, summary: 'Needs housing, then status.', segmentIds });
    assert.equal(second.body.version, 2);

    const stale = await call('PATCH', url, { version: 1, authorId: amira.id, summary: 'An older idea.', segmentIds: [] });
    assert.equal(stale.status, 409);
    assert.equal(errorOf(stale).kind, 'conflict');
    const [stored] = await project.listFrameworkCells(matrix.id, { caseIds: [cell.caseId], codeIds: [cell.codeId] });
    assert.equal(stored!.summary, 'Needs housing, then status.');

    const view = await call<FrameworkView>('GET', `${base}/framework-matrices/${matrix.id}`);
    const shown = view.body.cells.flat().find((c) => c.caseId === cell.caseId && c.codeId === cell.codeId)!;
    assert.deepEqual([shown.summary, shown.version, shown.linkedSegmentIds], ['Needs housing, then status.', 2, [...segmentIds].sort()]);
  });

  test('bad matrices and cells are 400 naming the field; unknown ones 404', async () => {
    const noName = await call('POST', `${base}/framework-matrices`, { name: ' ', rowKind: 'site', themeIds: [await codeId('Needs')] });
    assert.equal(noName.status, 400);
    assert.match(errorOf(noName).message, /^body\.name: a framework matrix needs a name/);
    const noThemes = await call('POST', `${base}/framework-matrices`, { name: 'Empty', rowKind: 'site', themeIds: [] });
    assert.match(errorOf(noThemes).message, /^body\.themeIds: a framework matrix needs at least one theme/);
    const badKind = await call('POST', `${base}/framework-matrices`, { name: 'Odd', rowKind: 'city', themeIds: [await codeId('Needs')] });
    assert.match(errorOf(badKind).message, /^body\.rowKind:/);
    const url = `${base}/framework-matrices/${matrix.id}/cells/${cell.caseId}/${cell.codeId}`;
    const noVersion = await call('PATCH', url, { authorId: amira.id, summary: 'x', segmentIds: [] });
    assert.equal(noVersion.status, 400);
    assert.match(errorOf(noVersion).message, /^body\.version:/);
    assert.equal((await call('GET', `${base}/framework-matrices/nope`)).status, 404);
  });

  test('the chart downloads as CSV and XLSX', async () => {
    const csv = await download(`${base}/framework-matrices/${matrix.id}?format=csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.type, /^text\/csv/);
    assert.match(csv.disposition, /filename="framework-matrix\.csv"/);
    assert.equal(csv.bytes.toString('utf8'), tableToCsv(frameworkTable(await frameworkView(project, { matrix: matrix.id }))));
    const xlsx = await download(`${base}/framework-matrices/${matrix.id}?format=xlsx`);
    assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK');
    const svg = await download(`${base}/framework-matrices/${matrix.id}?format=svg`);
    assert.equal(svg.status, 400);
  });

  test('rename with the version (stale is 409), then delete', async () => {
    const renamed = await call<FrameworkMatrix>('PATCH', `${base}/framework-matrices/${matrix.id}`, { version: matrix.version, name: 'Needs × obstacles' });
    assert.equal(renamed.body.name, 'Needs × obstacles');
    const stale = await call('PATCH', `${base}/framework-matrices/${matrix.id}`, { version: matrix.version, name: 'Again' });
    assert.equal(stale.status, 409);
    assert.equal((await call('DELETE', `${base}/framework-matrices/${matrix.id}`)).status, 204);
    assert.deepEqual((await project.listFrameworkMatrices()).length, 0);
  });
});

describe('case profile, words and coding query routes', () => {
  test('a case profile is the analysis’ profile; an unknown case is 404', async () => {
    const participant = (await project.listCases()).find((c) => c.name === 'VAN-08') ?? (await project.listCases()).find((c) => c.kind === 'participant')!;
    const res = await call('GET', `${base}/cases/${participant.id}/profile?quotes=2`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, asJson(await caseProfile(project, participant.id, { quotes: 2 })));
    const site = (await project.listCases()).find((c) => c.kind === 'site')!;
    const siteProfile = await call<{ themes: unknown[] }>('GET', `${base}/cases/${site.id}/profile?coderId=${amira.id}`);
    assert.deepEqual(siteProfile.body, asJson(await caseProfile(project, site.id, { coderId: amira.id })));
    assert.equal((await call('GET', `${base}/cases/nobody/profile`)).status, 404);
    const csv = await download(`${base}/cases/${participant.id}/profile?quotes=2&format=csv`);
    assert.equal(csv.bytes.toString('utf8'), tableToCsv(caseProfileTable(await caseProfile(project, participant.id, { quotes: 2 }))));
  });

  test('word frequencies are the analysis’ frequencies, per site, language and options', async () => {
    const site = (await project.listCases()).find((c) => c.kind === 'site')!;
    const res = await call('GET', `${base}/words?siteId=${site.id}&stem=true&ngram=2&top=15&excludeInterviewer=true`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, asJson(await wordFrequencies(project, { siteId: site.id, stem: true, ngram: 2, top: 15, excludeInterviewer: true })));
    const french = (await project.listDocuments()).filter((d) => d.language === 'fr').map((d) => d.id);
    const fr = await call<{ documents: number }>('GET', `${base}/words?language=fr`);
    assert.deepEqual(fr.body, asJson(await wordFrequencies(project, { documentIds: french, stem: false, excludeInterviewer: false })));
    assert.equal(fr.body.documents, french.length);
    const csv = await download(`${base}/words?language=fr&format=csv`);
    assert.equal(csv.bytes.toString('utf8'), tableToCsv(wordsTable(await wordFrequencies(project, { documentIds: french }))));
    const bars = await download(`${base}/words?format=svg`);
    assert.deepEqual([bars.status, bars.type], [200, 'image/svg+xml']);
    assert.match(bars.bytes.toString('utf8'), /<svg[\s\S]*Most frequent terms/);
    const cloud = await download(`${base}/words?format=png&chart=cloud`);
    assert.deepEqual([cloud.type, cloud.bytes.subarray(1, 4).toString('latin1')], ['image/png', 'PNG']);
    assert.match(cloud.disposition, /word-cloud\.png/);
    const bad = await call('GET', `${base}/words?ngram=4`);
    assert.equal(bad.status, 400);
    assert.match(errorOf(bad).message, /^query\.ngram:/);
  });

  test('a coding query is the analysis’ answer, with its filters', async () => {
    const q = '"Needs" AND "Obstacles"';
    const expr = await mapCodes(parseQuery(q), async (ref) => (await project.findCode(ref)).id);
    const res = await call<{ hits: unknown[] }>('GET', `${base}/coding-query?q=${encodeURIComponent(q)}`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, asJson(await codingQuery(project, expr, { excludeInterviewer: false })));
    assert.notEqual(res.body.hits.length, 0);
    const csv = await download(`${base}/coding-query?q=${encodeURIComponent(q)}&format=csv`);
    assert.equal(csv.bytes.toString('utf8'), tableToCsv(codingQueryTable(await codingQuery(project, expr))));

    const site = (await project.listCases()).find((c) => c.kind === 'site')!;
    const near = 'Needs NEAR/TURN Obstacles';
    const nearExpr = await mapCodes(parseQuery(near), async (ref) => (await project.findCode(ref)).id);
    const filtered = await call('GET', `${base}/coding-query?q=${encodeURIComponent(near)}&siteId=${site.id}&coderId=${amira.id}&excludeInterviewer=true`);
    assert.deepEqual(filtered.body, asJson(await codingQuery(project, nearExpr, { siteId: site.id, coderId: amira.id, excludeInterviewer: true })));
  });

  test('bad query syntax is a 400 with the parser’s message; an unknown code too', async () => {
    const q = '"Needs" AND (Obstacles';
    let parserMessage = '';
    try {
      parseQuery(q);
    } catch (err) {
      parserMessage = (err as Error).message;
    }
    assert.notEqual(parserMessage, '');
    const bad = await call('GET', `${base}/coding-query?q=${encodeURIComponent(q)}`);
    assert.equal(bad.status, 400);
    assert.equal(errorOf(bad).message, `query.q: ${parserMessage}`);
    const unknown = await call('GET', `${base}/coding-query?q=${encodeURIComponent('Needs AND "No such code"')}`);
    assert.equal(unknown.status, 400);
    assert.match(errorOf(unknown).message, /^query\.q: no code "No such code"/);
    assert.equal((await call('GET', `${base}/coding-query`)).status, 400);
  });
});
