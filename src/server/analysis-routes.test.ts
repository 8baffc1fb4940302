// The analysis routes against a real SQLite file holding the demo study: each
// answers what the analysis function answers, each number's drill-down lists as
// many passages as it counts, bad filters are 400s naming the field, and the
// downloads are files of the right type that parse.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { User } from '../core/model.ts';
import type { RetrievedSegment } from '../core/read-models.ts';
import type { AutocodeResult } from '../analysis/autocode.ts';
import { cooccurrence, type CooccurrenceResult } from '../analysis/cooccurrence.ts';
import { matrixCellCodings, matrixQuery, type MatrixResult } from '../analysis/matrix.ts';
import { keywordsInContext, type KwicPage } from '../analysis/search.ts';
import { compareSites, type SiteComparison } from '../analysis/site-comparison.ts';
import type { ProjectStore } from '../store/store.ts';
import type { PassagePair } from '../core/read-models.ts';
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

async function call<T>(method: 'GET' | 'POST', url: string, body?: object) {
  const res = await app.inject({ method, url, ...(body ? { payload: body } : {}) });
  return { status: res.statusCode, body: JSON.parse(res.body) as T };
}
const get = <T>(url: string) => call<T>('GET', url);
/** The message of a 400, which must name the field first. */
async function badRequest(method: 'GET' | 'POST', url: string, body?: object): Promise<string> {
  const res = await call<{ error: { kind: string; message: string } }>(method, url, body);
  assert.equal(res.status, 400, url);
  assert.equal(res.body.error.kind, 'invalid');
  return res.body.error.message;
}
const qs = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
const siteNamed = async (name: string) => (await project.listCases({ kind: 'site' })).find((c) => c.name === name)!;
const codeNamed = async (name: string) => (await project.listCodes()).find((c) => c.name === name)!;

describe('text search and auto-coding', () => {
  test('keyword in context: the hits keywordsInContext finds, by page, stemmed and by site', async () => {
    const page = await get<KwicPage>(`${base}/search?${qs({ q: 'shelter', limit: 5 })}`);
    assert.equal(page.status, 200);
    assert.deepEqual(page.body, await keywordsInContext(project, 'shelter', { limit: 5 }));
    assert.equal(page.body.hits.length, 5);
    assert.equal(page.body.more, true);
    for (const h of page.body.hits) assert.match(h.hit, /^shelter$/i);

    const stemmed = await get<KwicPage>(`${base}/search?${qs({ q: 'shelter', stem: 'true', limit: 1000 })}`);
    const plain = await get<KwicPage>(`${base}/search?${qs({ q: 'shelter', limit: 1000 })}`);
    assert.deepEqual(stemmed.body, await keywordsInContext(project, 'shelter', { stem: true, limit: 1000 }));
    assert.equal(stemmed.body.hits.length > plain.body.hits.length, true, 'the stem finds shelters too');

    const montreal = await siteNamed('Montreal');
    const there = await get<KwicPage>(`${base}/search?${qs({ q: 'hébergement', siteId: montreal.id, limit: 1000 })}`);
    assert.deepEqual(there.body, await keywordsInContext(project, 'hébergement', { siteId: montreal.id, limit: 1000 }));
    assert.equal(there.body.hits.length > 0, true);
    assert.deepEqual([...new Set(there.body.hits.map((h) => h.site?.name))], ['Montreal']);
    const unaccented = await get<KwicPage>(`${base}/search?${qs({ q: 'hebergement', siteId: montreal.id, limit: 1000 })}`);
    assert.equal(unaccented.body.hits.length, there.body.hits.length, 'accents are ignored');
  });

  test('bad searches are 400s naming the field', async () => {
    assert.match(await badRequest('GET', `${base}/search?${qs({ q: '  ' })}`), /^query\.q: the query has no words/);
    assert.match(await badRequest('GET', `${base}/search`), /^query\.q:/);
    assert.match(await badRequest('GET', `${base}/search?${qs({ q: 'shelter', limit: 0 })}`), /^query\.limit:/);
    assert.match(await badRequest('GET', `${base}/search?${qs({ q: 'shelter', siteId: 'nowhere' })}`), /^query\.siteId:/);
    const organisation = (await project.listCases({ kind: 'organisation' }))[0]!;
    assert.match(await badRequest('GET', `${base}/search?${qs({ q: 'shelter', siteId: organisation.id })}`), /^query\.siteId: .* not a site/);
    assert.match(await badRequest('GET', `${base}/search?${qs({ q: 'shelter', attribute: 'novalue' })}`), /^query\.attribute:/);
  });

  test('code all hits: the dry run counts without coding, then coding makes exactly those codings, and again makes none', async () => {
    const code = (await project.createCode({ name: 'Mentions interpreters' }));
    const request = { query: 'interpret*', codeId: code.id, coderId: amira.id, widen: 'sentence' };
    const dry = await call<AutocodeResult>('POST', `${base}/autocode`, { ...request, dryRun: true });
    assert.equal(dry.status, 200);
    assert.equal(dry.body.created > 0, true);
    assert.equal((await project.listCodings({ codeId: code.id })).length, 0, 'a dry run codes nothing');

    const done = await call<AutocodeResult>('POST', `${base}/autocode`, request);
    assert.deepEqual(done.body, dry.body);
    const codings = await project.listCodings({ codeId: code.id });
    assert.equal(codings.length, done.body.created);
    assert.deepEqual([...new Set(codings.map((c) => c.coderId))], [amira.id]);
    const hits = await keywordsInContext(project, 'interpret*', { limit: 10_000 });
    assert.equal(done.body.hits, hits.hits.length);
    for (const c of codings) assert.match(c.quote.exact.normalize('NFD').replace(/\p{M}/gu, ''), /interpret/i);

    const again = await call<AutocodeResult>('POST', `${base}/autocode`, request);
    assert.deepEqual([again.body.created, again.body.existing], [0, done.body.ranges]);
  });

  test('bad auto-coding requests are 400s naming the field and code nothing', async () => {
    const code = await codeNamed('Safe housing and shelter');
    const before = (await project.listCodings({ codeId: code.id })).length;
    const ok = { query: 'shelter', codeId: code.id, coderId: amira.id };
    assert.match(await badRequest('POST', `${base}/autocode`, { ...ok, widen: 'page' }), /^body\.widen:/);
    assert.match(await badRequest('POST', `${base}/autocode`, { ...ok, codeId: 'missing' }), /^body\.codeId:/);
    assert.match(await badRequest('POST', `${base}/autocode`, { ...ok, coderId: 'nobody' }), /^body\.coderId:/);
    assert.match(await badRequest('POST', `${base}/autocode`, { ...ok, query: '""' }), /^body\.query:/);
    const category = (await project.listCodes()).find((c) => !c.codable)!;
    assert.equal((await call('POST', `${base}/autocode`, { ...ok, codeId: category.id })).status, 400, 'a category is not applied');
    assert.equal((await project.listCodings({ codeId: code.id })).length, before);
  });
});

describe('matrix query', () => {
  test('codes × sites, organisations and attribute values: what matrixQuery answers', async () => {
    const site = await get<MatrixResult>(`${base}/matrix`);
    assert.equal(site.status, 200);
    assert.deepEqual(site.body, await matrixQuery(project, { columns: { by: 'site' }, count: 'cases' }));
    assert.deepEqual(site.body.columns.map((c) => c.label).sort(), ['Montreal', 'Toronto', 'Vancouver', 'Winnipeg']);

    const root = await codeNamed('Needs');
    const organisations = await get<MatrixResult>(`${base}/matrix?${qs({ rows: root.id, columns: 'organisation', count: 'segments', coderId: amira.id })}`);
    assert.deepEqual(organisations.body, await matrixQuery(project, { rootCodeId: root.id, columns: { by: 'case', kind: 'organisation' }, count: 'segments', coderId: amira.id }));
    assert.equal(organisations.body.rows[0]!.codeId, root.id);

    const byType = await get<MatrixResult>(`${base}/matrix?${qs({ columns: 'attribute', attribute: 'organisation type', count: 'words' })}`);
    assert.deepEqual(byType.body, await matrixQuery(project, { columns: { by: 'attribute', name: 'organisation type' }, count: 'words' }));
    assert.equal(byType.body.columns.length, 6);
  });

  test('every cell opens the passages behind it, as many as it counts', async () => {
    const root = await codeNamed('Needs');
    const params = { rows: root.id, count: 'segments' };
    const m = (await get<MatrixResult>(`${base}/matrix?${qs(params)}`)).body;
    const i = m.rowTotals.indexOf(Math.max(...m.rowTotals));
    const j = m.cells[i]!.indexOf(Math.max(...m.cells[i]!));
    const { codeId } = m.rows[i]!;
    const column = m.columns[j]!;
    const cell = await get<RetrievedSegment[]>(`${base}/matrix/cell?${qs({ ...params, codeId, column: column.key })}`);
    assert.equal(cell.status, 200);
    assert.equal(new Set(cell.body.map((r) => r.coding.segmentId)).size, m.cells[i]![j]);
    assert.equal(new Set(cell.body.map((r) => r.case?.id)).size, m.cases[i]![j]);
    assert.deepEqual(cell.body.map((r) => r.coding.id).sort(), (await matrixCellCodings(project, { rootCodeId: root.id, columns: { by: 'site' }, count: 'segments' }, codeId, column.key)).sort());
    for (const r of cell.body) {
      assert.equal(r.site?.id, column.key);
      assert.equal(r.coding.quote.exact.length > 0, true);
    }
  });

  test('bad matrix filters are 400s naming the field', async () => {
    assert.match(await badRequest('GET', `${base}/matrix?columns=attribute`), /^query\.attribute: columns=attribute needs/);
    assert.match(await badRequest('GET', `${base}/matrix?columns=attribute&attribute=shoe%20size`), /^query\.attribute: no case has an attribute/);
    assert.match(await badRequest('GET', `${base}/matrix?columns=planet`), /^query\.columns:/);
    assert.match(await badRequest('GET', `${base}/matrix?count=pages`), /^query\.count:/);
    assert.match(await badRequest('GET', `${base}/matrix?rows=missing`), /^query\.rows:/);
    assert.match(await badRequest('GET', `${base}/matrix?coderId=nobody`), /^query\.coderId:/);
    const code = await codeNamed('Safe housing and shelter');
    assert.match(await badRequest('GET', `${base}/matrix/cell?codeId=${code.id}&column=nowhere`), /^query\.column:/);
    assert.match(await badRequest('GET', `${base}/matrix/cell?column=x`), /^query\.codeId:/);
  });
});

describe('co-occurrence', () => {
  test('overlapping and near passages: what cooccurrence answers, and each count opens as many pairs of passages', async () => {
    const overlap = await get<CooccurrenceResult>(`${base}/cooccurrence`);
    assert.equal(overlap.status, 200);
    assert.deepEqual(overlap.body, await cooccurrence(project, {}));
    const near = await get<CooccurrenceResult>(`${base}/cooccurrence?within=200&top=5`);
    assert.deepEqual(near.body, await cooccurrence(project, { within: 200, top: 5 }));
    assert.equal(near.body.pairs[0]!.count >= overlap.body.pairs[0]!.count, true);

    for (const [result, within] of [[overlap.body, undefined], [near.body, 200]] as const) {
      const strongest = result.pairs[0]!;
      const pairs = await get<PassagePair[]>(`${base}/cooccurrence/pairs?${qs({ a: strongest.a.codeId, b: strongest.b.codeId, ...(within ? { within } : {}) })}`);
      assert.equal(pairs.body.length, strongest.count);
      for (const p of pairs.body) {
        assert.deepEqual([p.a.coding.codeId, p.b.coding.codeId, p.a.document.id], [strongest.a.codeId, strongest.b.codeId, p.b.document.id]);
        const gap = Math.max(p.a.coding.start, p.b.coding.start) - Math.min(p.a.coding.end, p.b.coding.end);
        assert.equal(within === undefined ? gap < 0 : gap <= within, true);
      }
    }
  });

  test('a code subtree, a coder and a site narrow it; bad filters are 400s naming the field', async () => {
    const root = await codeNamed('Needs');
    const montreal = await siteNamed('Montreal');
    const narrowed = await get<CooccurrenceResult>(`${base}/cooccurrence?${qs({ rows: root.id, coderId: amira.id, siteId: montreal.id })}`);
    const subtree = (await project.listCodes()).filter((c) => c.parentId === root.id && c.codable).map((c) => c.id);
    assert.deepEqual(narrowed.body, await cooccurrence(project, { codeIds: subtree, coderId: amira.id, siteId: montreal.id }));
    assert.match(await badRequest('GET', `${base}/cooccurrence?within=-1`), /^query\.within:/);
    assert.match(await badRequest('GET', `${base}/cooccurrence?siteId=${root.id}`), /^query\.siteId:/);
    assert.match(await badRequest('GET', `${base}/cooccurrence/pairs?a=${root.id}&b=${root.id}`), /^query\.b: two different codes/);
    assert.match(await badRequest('GET', `${base}/cooccurrence/pairs?a=${root.id}&b=missing`), /^query\.b:/);
  });
});

describe('site comparison', () => {
  test('shares per site with similarities and differences at the threshold the analyst sets', async () => {
    const standard = await get<SiteComparison>(`${base}/site-comparison`);
    assert.equal(standard.status, 200);
    assert.deepEqual(standard.body, await compareSites(project, {}));
    const root = await codeNamed('Needs');
    const lower = await get<SiteComparison>(`${base}/site-comparison?${qs({ rows: root.id, threshold: 0.3, weak: 0.1, coderId: amira.id })}`);
    assert.deepEqual(lower.body, await compareSites(project, { rootCodeId: root.id, threshold: 0.3, weak: 0.1, coderId: amira.id }));
    assert.equal(lower.body.threshold, 0.3);
  });

  test('a theme’s share at a site opens the passages of the cases behind it', async () => {
    const c = (await get<SiteComparison>(`${base}/site-comparison`)).body;
    const theme = c.themes.find((t) => t.cases.some((n) => n > 0))!;
    const j = theme.cases.findIndex((n) => n > 0);
    const cell = await get<RetrievedSegment[]>(`${base}/matrix/cell?${qs({ count: 'cases', codeId: theme.codeId, column: c.sites[j]!.id })}`);
    assert.equal(new Set(cell.body.map((r) => r.case?.id)).size, theme.cases[j]);
    assert.equal(theme.cases[j]! / c.sites[j]!.codedCases, theme.shares[j]);
  });

  test('bad thresholds are 400s naming the field', async () => {
    assert.match(await badRequest('GET', `${base}/site-comparison?threshold=0`), /^query\.threshold:/);
    assert.match(await badRequest('GET', `${base}/site-comparison?threshold=1.5`), /^query\.threshold:/);
    assert.match(await badRequest('GET', `${base}/site-comparison?threshold=half`), /^query\.threshold:/);
    assert.match(await badRequest('GET', `${base}/site-comparison?threshold=0.4&weak=0.4`), /^query\.weak: the weak share must be below/);
  });
});

describe('downloads', () => {
  const download = (url: string) => app.inject({ method: 'GET', url });
  const csvRows = (body: string) => body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);

  test('the matrix as CSV, XLSX, SVG and PNG: a file of the right type holding the same numbers', async () => {
    const m = await matrixQuery(project, { columns: { by: 'site' }, count: 'segments' });
    const csv = await download(`${base}/matrix?count=segments&format=csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /^text\/csv/);
    assert.match(csv.headers['content-disposition'] as string, /^attachment; filename="matrix\.csv"/);
    const lines = csvRows(csv.body);
    assert.equal(lines.length, m.rows.length + 2, 'a header, a row per code and the totals');
    assert.match(lines.at(-1)!, new RegExp(`,${m.total}$`));

    const xlsx = await download(`${base}/matrix?count=segments&format=xlsx`);
    assert.equal(xlsx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString('latin1'), 'PK');

    const svg = await download(`${base}/matrix?count=segments&format=svg`);
    assert.equal(svg.headers['content-type'], 'image/svg+xml');
    assert.match(svg.body, /^(<\?xml[^>]*>\s*)?<svg[\s>]/);
    assert.match(svg.body, /Montreal/);

    const png = await download(`${base}/matrix?count=segments&format=png`);
    assert.equal(png.headers['content-type'], 'image/png');
    assert.deepEqual([...png.rawPayload.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.match(await badRequest('GET', `${base}/matrix?format=pdf`), /^query\.format:/);
  });

  test('search hits, co-occurrence (matrix or pairs) and site comparison download too', async () => {
    const hits = await keywordsInContext(project, 'shelter', { limit: 100_000 });
    const kwic = await download(`${base}/search?q=shelter&format=csv`);
    assert.match(kwic.headers['content-type'] as string, /^text\/csv/);
    assert.equal(csvRows(kwic.body).length >= hits.hits.length + 1, true, 'every hit (a sentence may span lines)');
    assert.match(await badRequest('GET', `${base}/search?q=shelter&format=png`), /^query\.format:/);

    const c = await cooccurrence(project, {});
    const pairs = await download(`${base}/cooccurrence?format=csv&table=pairs`);
    assert.equal(csvRows(pairs.body).length, c.pairs.length + 1);
    const matrix = await download(`${base}/cooccurrence?format=csv`);
    assert.equal(csvRows(matrix.body).length, c.codes.length + 1);
    const heatmap = await download(`${base}/cooccurrence?format=svg`);
    assert.match(heatmap.body, /<svg[\s>]/);

    const sites = await compareSites(project, {});
    const table = await download(`${base}/site-comparison?format=csv`);
    assert.equal(csvRows(table.body).length, sites.themes.length + 1);
    const chart = await download(`${base}/site-comparison?format=png`);
    assert.equal(chart.headers['content-type'], 'image/png');
    assert.equal(chart.rawPayload.subarray(1, 4).toString('latin1'), 'PNG');
  });
});
