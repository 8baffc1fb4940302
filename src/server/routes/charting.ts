// Charting and case-oriented analyses over HTTP: framework matrices (Ritchie and
// Spencer) with their cells' summaries, segments and pre-fill; a case's profile;
// word frequencies; coding queries. Query lists are comma-separated ids. With
// `format`, an analysis answers its table (CSV, XLSX) or chart (SVG, PNG) as a file.

import { z } from 'zod';
import { CrosswiseError, invalid, notFound } from '../../core/errors.ts';
import { mapCodes, parseQuery } from '../../core/analysis/query-syntax.ts';
import type { ProjectStore } from '../../store/store.ts';
import { caseProfile } from '../../analysis/case-profile.ts';
import { codingQuery } from '../../analysis/coding-query.ts';
import { frameworkCellSegments, frameworkView, prefillSummary } from '../../analysis/framework.ts';
import { wordFrequencies } from '../../analysis/words.ts';
import { wordCloud, wordsBarChart } from '../../analysis/outputs/charts.ts';
import { CHART_FORMATS, outputBytes, TABLE_FORMATS, type AnalysisOutputs, type OutputFormat } from '../../analysis/outputs/files.ts';
import { caseProfileTable, codingQueryTable, frameworkTable, wordsTable } from '../../analysis/outputs/tables.ts';
import { Download, route } from '../route.ts';
import * as s from '../schemas.ts';

const P = '/api/projects/:projectId';
const M = `${P}/framework-matrices/:id`;
const CELL = `${M}/cells/:caseId/:codeId`;

const flag = z.enum(['true', 'false']).optional();
const ids = z
  .string()
  .transform((v) => v.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(s.id).max(1000));
/** A case attribute filter written name=value, as the retrieval route takes it. */
const attributePair = z
  .string()
  .regex(/^[^=]+=.*$/, 'name=value')
  .transform((v) => ({ name: v.slice(0, v.indexOf('=')).trim(), value: v.slice(v.indexOf('=') + 1) }));
const coderQuery = z.object({ coderId: s.id.optional() });
const tableFormat = z.enum(TABLE_FORMATS).optional();
const anyFormat = z.enum([...TABLE_FORMATS, ...CHART_FORMATS]).optional();

const MEDIA_TYPES: Record<OutputFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  svg: 'image/svg+xml',
  png: 'image/png',
};

/** The result as JSON, or with `format` its tables and chart as a file. */
async function answer<T>(result: T, format: OutputFormat | undefined, name: string, outputs: (result: T) => AnalysisOutputs): Promise<T | Download> {
  if (!format) return result;
  return new Download(`${name}.${format}`, MEDIA_TYPES[format], await outputBytes(outputs(result), format));
}
const cellParams = z.object({ projectId: s.id, id: s.id, caseId: s.id, codeId: s.id });

export const wordsQuery = z.object({
  siteId: s.id.optional(),
  attribute: attributePair.optional(),
  documents: ids.optional(),
  /** Only documents in this language. */
  language: s.language.optional(),
  stem: flag,
  ngram: z.coerce.number().int().min(1).max(3).optional(),
  top: z.coerce.number().int().min(1).max(500).optional(),
  excludeInterviewer: flag,
  format: anyFormat,
  /** Which chart an SVG or PNG holds: the bar chart (default) or the word cloud. */
  chart: z.enum(['bar', 'cloud']).optional(),
});

export const codingQueryQuery = z.object({
  q: z.string().min(1, 'a query such as "Needs" AND "Obstacles"').max(5000),
  siteId: s.id.optional(),
  /** One name=value, or several (each must hold). */
  attribute: z.union([attributePair, z.array(attributePair).max(20)]).optional(),
  documentId: s.id.optional(),
  coderId: s.id.optional(),
  excludeInterviewer: flag,
  format: tableFormat,
});

/** The matrix of the route, and the cell's theme checked against it. */
async function cellOf(project: ProjectStore, params: z.infer<typeof cellParams>) {
  const matrix = await project.findFrameworkMatrix(params.id);
  if (!matrix.themeIds.includes(params.codeId)) throw notFound(`code ${params.codeId} is not a theme of "${matrix.name}"`);
  return matrix;
}

/** The expression with code names resolved; a name not in the codebook is bad input, named as such. */
async function parseCodingQuery(project: ProjectStore, q: string) {
  try {
    return await mapCodes(parseQuery(q), async (ref) => (await project.findCode(ref)).id);
  } catch (err) {
    if (err instanceof CrosswiseError && err.kind !== 'conflict') throw invalid(`query.q: ${err.message}`);
    throw err;
  }
}

export const chartingRoutes = [
  route({
    method: 'GET', url: `${P}/framework-matrices`, tag: 'framework', summary: 'Saved framework matrices',
    params: s.projectParams, response: z.array(s.frameworkMatrix),
    handler: async ({ project }) => (await project()).listFrameworkMatrices(),
  }),
  route({
    method: 'POST', url: `${P}/framework-matrices`, tag: 'framework', summary: 'Create a framework matrix: cases of one kind as rows, themes (codes) as columns',
    params: s.projectParams, body: s.newFrameworkMatrix, status: 201, response: s.frameworkMatrix,
    handler: async ({ project, body }) => (await project()).createFrameworkMatrix(body),
  }),
  route({
    method: 'GET', url: M, tag: 'framework',
    summary: 'A framework matrix charted: per case and theme the summary, its linked segments and the number of coded segments; `fill` drafts empty cells from their quotes',
    params: s.withId, query: coderQuery.extend({ fill: flag, format: tableFormat }),
    handler: async ({ project, params, query }) => {
      const view = await frameworkView(await project(), { matrix: params.id, fill: query.fill === 'true', ...(query.coderId ? { coderId: query.coderId } : {}) });
      return answer(view, query.format, 'framework-matrix', (v) => ({ tables: [frameworkTable(v)] }));
    },
  }),
  route({
    method: 'PATCH', url: M, tag: 'framework', summary: 'Rename a framework matrix or change its themes (409 if `version` is stale)',
    params: s.withId, body: s.frameworkMatrixPatch, response: s.frameworkMatrix,
    handler: async ({ project, params, body }) => {
      const { version, ...patch } = body;
      const p = await project();
      return p.updateFrameworkMatrix((await p.findFrameworkMatrix(params.id)).id, patch, version);
    },
  }),
  route({
    method: 'DELETE', url: M, tag: 'framework', summary: 'Delete a framework matrix with its summaries', params: s.withId, status: 204,
    handler: async ({ project, params }) => {
      const p = await project();
      await p.deleteFrameworkMatrix((await p.findFrameworkMatrix(params.id)).id);
    },
  }),
  route({
    method: 'PATCH', url: `${CELL}`, tag: 'framework',
    summary: 'Write a cell’s summary and linked segments (`version` 0 for a new cell; 409 if it is stale)',
    params: cellParams, body: s.frameworkCellWrite, response: s.frameworkCell,
    handler: async ({ project, params, body }) => {
      const p = await project();
      const matrix = await cellOf(p, params);
      const { version, ...cell } = body;
      return p.writeFrameworkCell({ ...cell, matrixId: matrix.id, caseId: params.caseId, codeId: params.codeId }, version);
    },
  }),
  route({
    method: 'GET', url: `${CELL}/segments`, tag: 'framework', summary: 'The coded segments behind a cell: the theme (with sub-codes) in the case’s documents',
    params: cellParams, query: coderQuery,
    handler: async ({ project, params, query }) => {
      const p = await project();
      await cellOf(p, params);
      return frameworkCellSegments(p, params.caseId, params.codeId, query.coderId ? { coderId: query.coderId } : {});
    },
  }),
  route({
    method: 'GET', url: `${CELL}/prefill`, tag: 'framework', summary: 'A draft summary made of the cell’s segments’ quotes, with those segments to link',
    params: cellParams, query: coderQuery,
    response: z.object({ summary: z.string(), segmentIds: z.array(s.id) }),
    handler: async ({ project, params, query }) => {
      const p = await project();
      await cellOf(p, params);
      const segments = await frameworkCellSegments(p, params.caseId, params.codeId, query.coderId ? { coderId: query.coderId } : {});
      return { summary: prefillSummary(segments), segmentIds: segments.map((x) => x.segmentId) };
    },
  }),
  route({
    method: 'GET', url: `${P}/cases/:id/profile`, tag: 'analysis', summary: 'One case across every theme: counts, quotes, attributes (own and inherited), documents and memos',
    params: s.withId, query: coderQuery.extend({ quotes: z.coerce.number().int().min(0).max(50).optional(), format: tableFormat }),
    handler: async ({ project, params, query }) => {
      const profile = await caseProfile(await project(), params.id, { ...(query.quotes !== undefined ? { quotes: query.quotes } : {}), ...(query.coderId ? { coderId: query.coderId } : {}) });
      return answer(profile, query.format, 'case-profile', (p) => ({ tables: [caseProfileTable(p)] }));
    },
  }),
  route({
    method: 'GET', url: `${P}/words`, tag: 'analysis', summary: 'Word or n-gram frequencies without stop words, for a site, an attribute value, a language or chosen documents',
    params: s.projectParams, query: wordsQuery,
    handler: async ({ project, query }) => {
      const p = await project();
      let documentIds = query.documents;
      if (query.language) {
        const inLanguage = (await p.listDocuments()).filter((d) => d.language === query.language).map((d) => d.id);
        documentIds = documentIds ? documentIds.filter((id) => inLanguage.includes(id)) : inLanguage;
      }
      const words = await wordFrequencies(p, {
        ...(query.siteId ? { siteId: query.siteId } : {}),
        ...(query.attribute ? { attribute: query.attribute } : {}),
        ...(documentIds ? { documentIds } : {}),
        stem: query.stem === 'true',
        ...(query.ngram ? { ngram: query.ngram } : {}),
        ...(query.top ? { top: query.top } : {}),
        excludeInterviewer: query.excludeInterviewer === 'true',
      });
      return answer(words, query.format, query.chart === 'cloud' ? 'word-cloud' : 'word-frequency', (w) => ({
        tables: [wordsTable(w)],
        chart: query.chart === 'cloud' ? wordCloud(w) : wordsBarChart(w),
      }));
    },
  }),
  route({
    method: 'GET', url: `${P}/coding-query`, tag: 'analysis',
    summary: 'Coded passages matching a Boolean combination of codes (AND, OR, AND NOT, NEAR/N, NEAR/PARAGRAPH, NEAR/TURN, INSIDE), filtered by site, attributes, document and coder',
    params: s.projectParams, query: codingQueryQuery,
    handler: async ({ project, query }) => {
      const p = await project();
      const expr = await parseCodingQuery(p, query.q);
      const attributes = query.attribute === undefined ? [] : Array.isArray(query.attribute) ? query.attribute : [query.attribute];
      const result = await codingQuery(p, expr, {
        ...(query.siteId ? { siteId: query.siteId } : {}),
        ...(attributes.length ? { attributes } : {}),
        ...(query.documentId ? { documentIds: [query.documentId] } : {}),
        ...(query.coderId ? { coderId: query.coderId } : {}),
        excludeInterviewer: query.excludeInterviewer === 'true',
      });
      return answer(result, query.format, 'coding-query', (r) => ({ tables: [codingQueryTable(r)] }));
    },
  }),
];
