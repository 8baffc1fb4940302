// Analyses over HTTP: text search with keyword in context and auto-coding, the
// matrix query, co-occurrence and site comparison. Every number has a drill-down
// route that answers the passages behind it; the tables and charts download as
// CSV, XLSX, SVG or PNG.

import { z } from 'zod';
import { CASE_KINDS, type CaseKind, type CodeId, type UserId } from '../../core/model.ts';
import type { CaseRef, PassagePair } from '../../core/read-models.ts';
import { subtreeOf } from '../../core/invariants/tree.ts';
import { CrosswiseError, invalid } from '../../core/errors.ts';
import { parseQuery } from '../../core/text/query.ts';
import { autocodeSearch, WIDENINGS, type AutocodeResult } from '../../analysis/autocode.ts';
import { cooccurrence, cooccurringPairs, type CooccurrenceResult } from '../../analysis/cooccurrence.ts';
import { MATRIX_COUNTS, matrixCellSegments, matrixQuery, type MatrixColumns, type MatrixOptions, type MatrixResult } from '../../analysis/matrix.ts';
import { cooccurrenceHeatmap, matrixHeatmap, siteComparisonChart } from '../../analysis/outputs/charts.ts';
import { CHART_FORMATS, outputBytes, TABLE_FORMATS, type AnalysisOutputs, type OutputFormat } from '../../analysis/outputs/files.ts';
import { cooccurrenceTable, kwicTable, matrixTable, siteComparisonTable, strongestPairsTable } from '../../analysis/outputs/tables.ts';
import { keywordsInContext, type KwicPage } from '../../analysis/search.ts';
import { compareSites, type SiteComparison, type ThemeAcrossSites } from '../../analysis/site-comparison.ts';
import type { ProjectStore } from '../../store/store.ts';
import { Download, route } from '../route.ts';
import * as s from '../schemas.ts';

const P = '/api/projects/:projectId';
const tag = 'analysis';

// ---- requests ----

const flag = z.enum(['true', 'false']).optional();
const attribute = z.string().regex(/^[^=]+=.*$/, 'name=value').optional();
const share = z.coerce.number().min(0).max(1);
const count = (max: number) => z.coerce.number().int().min(0).max(max);
/** Without it the route answers JSON; with it, the table or chart as a file. */
const anyFormat = z.enum([...TABLE_FORMATS, ...CHART_FORMATS]).optional();

export const searchQuery = z.object({
  q: z.string().max(1000).refine((q) => parseQuery(q).length > 0, 'the query has no words to search for'),
  stem: flag,
  siteId: s.id.optional(),
  attribute,
  limit: count(1000).min(1).optional(),
  offset: count(1_000_000).optional(),
  format: z.enum(TABLE_FORMATS).optional(),
});

export const autocodeRequest = z.object({
  query: z.string().max(1000).refine((q) => parseQuery(q).length > 0, 'the query has no words to search for'),
  codeId: s.id,
  coderId: s.id,
  widen: z.enum(WIDENINGS).optional(),
  stem: z.boolean().optional(),
  siteId: s.id.optional(),
  attribute,
  /** Count what would be coded, and code nothing (for the confirmation). */
  dryRun: z.boolean().optional(),
});

const COLUMN_KINDS = [...CASE_KINDS, 'attribute'] as const;
const matrixFields = {
  rows: s.id.optional(),
  columns: z.enum(COLUMN_KINDS).optional(),
  attribute: z.string().min(1).max(200).optional(),
  count: z.enum(MATRIX_COUNTS).optional(),
  coderId: s.id.optional(),
};
const needsAttribute = (v: { columns?: string | undefined; attribute?: string | undefined }, ctx: z.RefinementCtx) => {
  if (v.columns === 'attribute' && !v.attribute) ctx.addIssue({ code: 'custom', path: ['attribute'], message: 'columns=attribute needs the attribute’s name' });
};
export const matrixRequest = z.object({ ...matrixFields, format: anyFormat }).superRefine(needsAttribute);
export const matrixCellRequest = z.object({ ...matrixFields, codeId: s.id, column: z.string().min(1).max(500) }).superRefine(needsAttribute);

const cooccurrenceFields = {
  rows: s.id.optional(),
  within: count(100_000).optional(),
  coderId: s.id.optional(),
  siteId: s.id.optional(),
  attribute,
};
export const cooccurrenceRequest = z.object({
  ...cooccurrenceFields,
  top: count(500).optional(),
  format: anyFormat,
  /** Which table a CSV holds (an XLSX holds both). */
  table: z.enum(['matrix', 'pairs']).optional(),
});
export const cooccurrencePairsRequest = z.object({ ...cooccurrenceFields, a: s.id, b: s.id }).refine((v) => v.a !== v.b, {
  path: ['b'],
  message: 'two different codes (a code’s own passages are its retrieval)',
});

export const siteComparisonRequest = z
  .object({ rows: s.id.optional(), threshold: share.gt(0).optional(), weak: share.optional(), coderId: s.id.optional(), format: anyFormat })
  .refine((v) => (v.weak ?? 0) < (v.threshold ?? 0.5), { path: ['weak'], message: 'the weak share must be below the threshold' });

// ---- responses ----

const caseRef: z.ZodType<CaseRef> = z.object({ id: s.id, name: z.string() });
const numbers = z.array(z.number());
const shares = z.array(z.number().nullable());

const kwicPage: z.ZodType<KwicPage> = z.object({
  hits: z.array(
    z.object({
      document: caseRef, case: caseRef.nullable(), site: caseRef.nullable(), speaker: z.string().nullable(),
      start: z.number(), end: z.number(), sentence: z.object({ start: z.number(), end: z.number() }),
      before: z.string(), hit: z.string(), after: z.string(),
    }),
  ),
  more: z.boolean(),
});

const autocodeResult: z.ZodType<AutocodeResult> = z.object({
  documents: z.number(), hits: z.number(), ranges: z.number(), created: z.number(), existing: z.number(), skipped: z.number(),
});

const matrixResult: z.ZodType<MatrixResult> = z.object({
  count: z.enum(MATRIX_COUNTS),
  rows: z.array(z.object({ codeId: s.id, path: z.string(), depth: z.number() })),
  columns: z.array(z.object({ key: z.string(), label: z.string(), codedCases: z.number() })),
  cells: z.array(numbers), cases: z.array(numbers), percentOfCases: z.array(shares),
  rowTotals: numbers, columnTotals: numbers, total: z.number(),
});

const codePath = z.object({ codeId: s.id, path: z.string() });
const cooccurrenceResult: z.ZodType<CooccurrenceResult> = z.object({
  codes: z.array(codePath),
  counts: z.array(numbers),
  pairs: z.array(z.object({ a: codePath, b: codePath, count: z.number() })),
});

const passagePair: z.ZodType<PassagePair> = z.object({ a: s.retrievedSegment, b: s.retrievedSegment });

const theme: z.ZodType<ThemeAcrossSites> = z.object({
  codeId: s.id, path: z.string(), cases: numbers, shares,
  verdict: z.enum(['similarity', 'difference']).nullable(), strongAt: z.array(caseRef), weakAt: z.array(caseRef),
});
const siteComparison: z.ZodType<SiteComparison> = z.object({
  threshold: z.number(), weak: z.number(),
  sites: z.array(z.object({ id: s.id, name: z.string(), codedCases: z.number() })),
  themes: z.array(theme), similarities: z.array(theme), differences: z.array(theme),
});

// ---- downloads ----

const MEDIA_TYPES: Record<OutputFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  svg: 'image/svg+xml',
  png: 'image/png',
};
/** Hits a search download holds at most. */
const DOWNLOAD_HITS = 100_000;

/** The result as JSON, or with `format` its tables and chart as a file. */
async function answer<T>(result: T, format: OutputFormat | undefined, name: string, outputs: (result: T) => AnalysisOutputs): Promise<T | Download> {
  if (!format) return result;
  return new Download(`${name}.${format}`, MEDIA_TYPES[format], await outputBytes(outputs(result), format));
}

// ---- filters ----

/** A filter naming something that is not there is bad input: a 400 naming the field. */
async function field<T>(name: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof CrosswiseError && error.kind !== 'conflict') throw invalid(`${name}: ${error.message}`);
    throw error;
  }
}

const coderOf = async (project: ProjectStore, coderId: UserId | undefined, name = 'query.coderId') =>
  coderId ? { coderId: (await field(name, project.findUser(coderId))).id } : {};

async function siteOf(project: ProjectStore, siteId: string | undefined, name = 'query.siteId') {
  if (!siteId) return {};
  const site = await field(name, project.findCase(siteId));
  if (site.kind !== 'site') throw invalid(`${name}: ${site.name} is a ${site.kind}, not a site`);
  return { siteId: site.id };
}

function attributeOf(value: string | undefined): { name: string; value: string } | undefined {
  if (!value) return undefined;
  const at = value.indexOf('=');
  return { name: value.slice(0, at).trim(), value: value.slice(at + 1) };
}

const codeOf = async (project: ProjectStore, codeId: CodeId, name: string) => (await field(name, project.findCode(codeId))).id;

async function matrixOptions(project: ProjectStore, q: z.infer<typeof matrixCellRequest> | z.infer<typeof matrixRequest>): Promise<MatrixOptions> {
  const kind = q.columns ?? 'site';
  const columns: MatrixColumns = kind === 'attribute' ? { by: 'attribute', name: q.attribute! } : kind === 'site' ? { by: 'site' } : { by: 'case', kind: kind as CaseKind };
  return {
    ...(q.rows ? { rootCodeId: await codeOf(project, q.rows, 'query.rows') } : {}),
    columns,
    count: q.count ?? 'cases',
    ...(await coderOf(project, q.coderId)),
  };
}

// ---- drill-down ----

async function cooccurrenceScope(project: ProjectStore, q: z.infer<typeof cooccurrenceRequest>) {
  return {
    ...(q.within !== undefined ? { within: q.within } : {}),
    ...(await coderOf(project, q.coderId)),
    ...(await siteOf(project, q.siteId)),
  };
}

/** Co-occurrence between the codable codes under `rows` (default: every code with codings). */
async function cooccurrenceCodes(project: ProjectStore, rows: CodeId | undefined): Promise<{ codeIds?: CodeId[] }> {
  if (!rows) return {};
  const root = await codeOf(project, rows, 'query.rows');
  const codes = await project.listCodes();
  const under = subtreeOf(codes, root);
  return { codeIds: codes.filter((c) => under.has(c.id) && c.codable).map((c) => c.id) };
}

export const analysisRoutes = [
  route({
    method: 'GET', url: `${P}/search`, tag,
    summary: 'Text search (words, "phrases", prefix*, accent-insensitive, optionally stemmed): each hit in its sentence, with document, case and site',
    params: s.projectParams, query: searchQuery, response: kwicPage,
    handler: async ({ project, query }) => {
      const p = await project();
      const found = attributeOf(query.attribute);
      const page = await keywordsInContext(p, query.q, {
        stem: query.stem === 'true',
        ...(await siteOf(p, query.siteId)),
        ...(found ? { attribute: found } : {}),
        ...(query.limit !== undefined ? { limit: query.limit } : query.format ? { limit: DOWNLOAD_HITS } : {}),
        ...(query.offset !== undefined ? { offset: query.offset } : {}),
      });
      return answer(page, query.format, 'search', (r) => ({ tables: [kwicTable(r)] }));
    },
  }),
  route({
    method: 'POST', url: `${P}/autocode`, tag,
    summary: 'Code every hit of a search with one code, optionally widened to its sentence, paragraph or speaker turn, in one transaction; `dryRun` only counts',
    params: s.projectParams, body: autocodeRequest, response: autocodeResult,
    handler: async ({ project, body }) => {
      const p = await project();
      const found = attributeOf(body.attribute);
      const target = { codeId: await codeOf(p, body.codeId, 'body.codeId'), coderId: (await coderOf(p, body.coderId, 'body.coderId')).coderId! };
      const options = {
        stem: body.stem ?? false,
        widen: body.widen ?? 'hit',
        ...(await siteOf(p, body.siteId, 'body.siteId')),
        ...(found ? { attribute: found } : {}),
      };
      if (!body.dryRun) return autocodeSearch(p, body.query, target, options);
      // The exact count (ranges already coded included) is what coding would do: do it, then roll it back.
      const rollback = new Error('dry run');
      let result: AutocodeResult | undefined;
      await p
        .transaction(async (tx) => {
          result = await autocodeSearch(tx, body.query, target, options);
          throw rollback;
        })
        .catch((error: unknown) => {
          if (error !== rollback) throw error;
        });
      return result;
    },
  }),
  route({
    method: 'GET', url: `${P}/matrix`, tag,
    summary: 'Matrix query: codes (or a code’s subtree) × sites, organisations, participants or an attribute’s values; cells count segments, documents, cases or coded words, with totals and percent of cases',
    params: s.projectParams, query: matrixRequest, response: matrixResult,
    handler: async ({ project, query }) => {
      const p = await project();
      const m = await field('query.attribute', matrixQuery(p, await matrixOptions(p, query)));
      return answer(m, query.format, 'matrix', (r) => ({ tables: [matrixTable(r)], chart: matrixHeatmap(r) }));
    },
  }),
  route({
    method: 'GET', url: `${P}/matrix/cell`, tag,
    summary: 'The coded passages behind one matrix cell (the row’s code with its sub-codes, in the column’s cases)',
    params: s.projectParams, query: matrixCellRequest, response: z.array(s.retrievedSegment),
    handler: async ({ project, query }) => {
      const p = await project();
      const options = await matrixOptions(p, query);
      return field('query.column', matrixCellSegments(p, options, await codeOf(p, query.codeId, 'query.codeId'), query.column));
    },
  }),
  route({
    method: 'GET', url: `${P}/cooccurrence`, tag,
    summary: 'Code × code counts of overlapping passages (or within N code points), and the strongest pairs',
    params: s.projectParams, query: cooccurrenceRequest, response: cooccurrenceResult,
    handler: async ({ project, query }) => {
      const p = await project();
      const found = attributeOf(query.attribute);
      const result = await cooccurrence(p, {
        ...(await cooccurrenceCodes(p, query.rows)),
        ...(await cooccurrenceScope(p, query)),
        ...(found ? { attributes: [found] } : {}),
        ...(query.top !== undefined ? { top: query.top } : {}),
      });
      return answer(result, query.format, query.table === 'pairs' ? 'strongest-pairs' : 'cooccurrence', (r) => {
        const tables = [cooccurrenceTable(r), strongestPairsTable(r)];
        return { tables: query.table === 'pairs' ? tables.reverse() : tables, chart: cooccurrenceHeatmap(r) };
      });
    },
  }),
  route({
    method: 'GET', url: `${P}/cooccurrence/pairs`, tag,
    summary: 'The pairs of passages behind one co-occurrence count: passages of code `a` overlapping (or near) passages of code `b`',
    params: s.projectParams, query: cooccurrencePairsRequest, response: z.array(passagePair),
    handler: async ({ project, query }) => {
      const p = await project();
      const found = attributeOf(query.attribute);
      return cooccurringPairs(p, await codeOf(p, query.a, 'query.a'), await codeOf(p, query.b, 'query.b'), {
        ...(await cooccurrenceScope(p, query)),
        ...(found ? { attribute: found } : {}),
      });
    },
  }),
  route({
    method: 'GET', url: `${P}/site-comparison`, tag,
    summary: 'For each theme, the share of each site’s coded cases that mention it; similarities and differences at a threshold',
    params: s.projectParams, query: siteComparisonRequest, response: siteComparison,
    handler: async ({ project, query }) => {
      const p = await project();
      const c = await compareSites(p, {
        ...(query.rows ? { rootCodeId: await codeOf(p, query.rows, 'query.rows') } : {}),
        ...(query.threshold !== undefined ? { threshold: query.threshold } : {}),
        ...(query.weak !== undefined ? { weak: query.weak } : {}),
        ...(await coderOf(p, query.coderId)),
      });
      return answer(c, query.format, 'site-comparison', (r) => ({ tables: [siteComparisonTable(r)], chart: siteComparisonChart(r) }));
    },
  }),
];
