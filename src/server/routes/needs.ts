// Needs and barriers: their catalogues, the gap status codes, the gap matrix with
// the analyst's decisions and each cell's quotes, barrier prevalence per site;
// the services inventory with its HSDS exchange; the report draft and its chosen quotes.

import { z } from 'zod';
import type { ReportDraft, ReportQuote } from '../../core/findings.ts';
import type { Change } from '../../core/model.ts';
import type { RetrievedSegment } from '../../core/read-models.ts';
import { barrierCellSegments, barrierPrevalence, gapCellSegments, gapMatrix } from '../../analysis/gaps.ts';
import { retrieveSegments } from '../../analysis/retrieval.ts';
import { importHsds, inventoryToHsds, type HsdsImportReport } from '../../exchange/hsds.ts';
import { readHsdsJson, readHsdsZip } from '../../formats/hsds/read.ts';
import { hsdsJson, hsdsZip } from '../../formats/hsds/write.ts';
import { sniffContainer } from '../../formats/zip.ts';
import type { ProjectStore } from '../../store/store.ts';
import { Download, route } from '../route.ts';
import * as s from '../schemas.ts';

const P = '/api/projects/:projectId';
const needs = 'needs';
const inventory = 'services';
const report = 'report';

/** Options for the analyses from a query: only the coder asked for, if any. */
const byCoder = (query: { coderId?: string | undefined }) => (query.coderId ? { coderId: query.coderId } : {});

/** A chosen quote with the passage it quotes (null if the passage has no coding left to read it by). */
export interface ChosenQuote {
  quote: ReportQuote;
  passage: RetrievedSegment | null;
}

/** The draft with each chosen quote's text, case and site, read through code retrieval. */
async function withPassages(project: ProjectStore, draft: ReportDraft): Promise<{ draft: ReportDraft; quotes: ChosenQuote[] }> {
  const passages = new Map<string, RetrievedSegment>();
  for (const codeId of new Set(draft.quotes.map((q) => q.codeId))) {
    // The quote may have been chosen while reading the theme with its sub-codes.
    for (const r of await retrieveSegments(project, codeId, { descendants: true })) {
      const key = `${r.coding.segmentId}\u0000${codeId}`;
      if (!passages.has(key) || r.coding.codeId === codeId) passages.set(key, r);
    }
  }
  return { draft, quotes: draft.quotes.map((quote) => ({ quote, passage: passages.get(`${quote.segmentId}\u0000${quote.codeId}`) ?? null })) };
}

/** The change-log entries of one gap cell's decision, oldest first (the log is read a page at a time). */
async function cellHistory(project: ProjectStore, needId: string, siteId: string): Promise<Change[]> {
  const entityId = `${needId}/${siteId}`;
  const found: Change[] = [];
  for (let afterSeq = 0; ; ) {
    const page = await project.changes({ afterSeq, limit: 1000 });
    found.push(...page.filter((c) => c.entity === 'gap_decision' && c.entityId === entityId));
    if (page.length < 1000) return found;
    afterSeq = page.at(-1)!.seq;
  }
}

const hsdsParams = z.object({ projectId: s.id, format: z.enum(['json', 'csv']) });
const outcome = z.enum(['created', 'updated', 'unchanged', 'skipped']);
const hsdsImportReport: z.ZodType<HsdsImportReport> = z.object({
  organisations: z.record(outcome, z.number()),
  services: z.record(z.enum(['created', 'updated', 'unchanged']), z.number()),
  outcomes: z.array(z.object({ organisation: z.string(), site: z.string().nullable(), outcome, reason: z.string().optional() })),
  accepted: z.array(z.string()),
  dropped: z.array(z.object({ what: z.string(), count: z.number(), reason: z.string(), examples: z.array(z.string()) })),
});

export const needsRoutes = [
  route({
    method: 'GET', url: `${P}/needs`, tag: needs, summary: 'The needs catalogue, in order', params: s.projectParams, response: z.array(s.need),
    handler: async ({ project }) => (await project()).listNeeds(),
  }),
  route({
    method: 'POST', url: `${P}/needs`, tag: needs, summary: 'Add a need (short or long term, prevention or protection) evidenced by codes',
    params: s.projectParams, body: s.newNeed, status: 201, response: s.need,
    handler: async ({ project, body }) => (await project()).createNeed(body),
  }),
  route({
    method: 'PATCH', url: `${P}/needs/:id`, tag: needs, summary: 'Edit a need (409 if `version` is stale)', params: s.withId, body: s.needPatch, response: s.need,
    handler: async ({ project, params, body }) => {
      const { version, ...patch } = body;
      return (await project()).updateNeed(params.id, patch, version);
    },
  }),
  route({
    method: 'DELETE', url: `${P}/needs/:id`, tag: needs, summary: 'Delete a need with its gap decisions and links to services', params: s.withId, status: 204,
    handler: async ({ project, params }) => (await project()).deleteNeed(params.id),
  }),

  route({
    method: 'GET', url: `${P}/barriers`, tag: needs, summary: 'The barriers catalogue, in order', params: s.projectParams, response: z.array(s.barrier),
    handler: async ({ project }) => (await project()).listBarriers(),
  }),
  route({
    method: 'POST', url: `${P}/barriers`, tag: needs, summary: 'Add a barrier evidenced by codes', params: s.projectParams, body: s.newBarrier, status: 201,
    response: s.barrier,
    handler: async ({ project, body }) => (await project()).createBarrier(body),
  }),
  route({
    method: 'PATCH', url: `${P}/barriers/:id`, tag: needs, summary: 'Edit a barrier (409 if `version` is stale)', params: s.withId, body: s.barrierPatch,
    response: s.barrier,
    handler: async ({ project, params, body }) => {
      const { version, ...patch } = body;
      return (await project()).updateBarrier(params.id, patch, version);
    },
  }),
  route({
    method: 'DELETE', url: `${P}/barriers/:id`, tag: needs, summary: 'Delete a barrier', params: s.withId, status: 204,
    handler: async ({ project, params }) => (await project()).deleteBarrier(params.id),
  }),
  route({
    method: 'GET', url: `${P}/barriers/prevalence`, tag: needs,
    summary: 'Barriers × sites: the share of coded cases citing each barrier, with strong and weak sites (`threshold`, `weak` are shares 0–1)',
    params: s.projectParams, query: s.prevalenceQuery, response: s.barrierPrevalence,
    handler: async ({ project, query }) =>
      barrierPrevalence(await project(), {
        ...byCoder(query),
        ...(query.threshold !== undefined ? { threshold: query.threshold } : {}),
        ...(query.weak !== undefined ? { weak: query.weak } : {}),
      }),
  }),
  route({
    method: 'GET', url: `${P}/barriers/:id/sites/:siteId/segments`, tag: needs, summary: 'The passages citing a barrier at a site',
    params: s.barrierCellParams, query: s.coderQuery, response: z.array(s.retrievedSegment),
    handler: async ({ project, params, query }) => barrierCellSegments(await project(), params.id, params.siteId, byCoder(query)),
  }),

  route({
    method: 'GET', url: `${P}/gaps/status-codes`, tag: needs, summary: 'The codes that qualify a need’s passages as met, met only ad hoc, or unmet',
    params: s.projectParams, response: s.gapStatusCodes,
    handler: async ({ project }) => (await project()).gapStatusCodes(),
  }),
  route({
    method: 'PATCH', url: `${P}/gaps/status-codes`, tag: needs, summary: 'Set the status codes (all three lists)', params: s.projectParams,
    body: s.gapStatusCodes, response: s.gapStatusCodes,
    handler: async ({ project, body }) => (await project()).setGapStatusCodes(body),
  }),
  route({
    method: 'GET', url: `${P}/gaps`, tag: needs,
    summary: 'The gap matrix: needs × sites, each cell’s proposed status from the evidence, the analyst’s decision and the status shown',
    params: s.projectParams, query: s.coderQuery, response: s.gapMatrix,
    handler: async ({ project, query }) => gapMatrix(await project(), byCoder(query)),
  }),
  route({
    method: 'GET', url: `${P}/gaps/:needId/:siteId/segments`, tag: needs, summary: 'The passages evidencing a need at a site (the cell’s quotes)',
    params: s.gapCellParams, query: s.coderQuery, response: z.array(s.retrievedSegment),
    handler: async ({ project, params, query }) => gapCellSegments(await project(), params.needId, params.siteId, byCoder(query)),
  }),
  route({
    method: 'PATCH', url: `${P}/gaps/:needId/:siteId`, tag: needs,
    summary: 'Confirm or override a cell’s status with a note (409 if `version` is stale; 0 for a cell not decided yet)',
    params: s.gapCellParams, body: s.gapDecisionWrite, response: s.gapDecision,
    handler: async ({ project, params, body }) => {
      const { version, ...decision } = body;
      return (await project()).decideGap({ ...decision, needId: params.needId, siteId: params.siteId }, version);
    },
  }),
  route({
    method: 'GET', url: `${P}/gaps/:needId/:siteId/history`, tag: needs, summary: 'Who decided what on a cell, and when: its change-log entries, oldest first',
    params: s.gapCellParams, response: z.array(s.change),
    handler: async ({ project, params }) => cellHistory(await project(), params.needId, params.siteId),
  }),
  route({
    method: 'DELETE', url: `${P}/gaps/:needId/:siteId`, tag: needs, summary: 'Withdraw a cell’s decision: it shows its proposal again',
    params: s.gapCellParams, status: 204,
    handler: async ({ project, params }) => (await project()).clearGapDecision(params.needId, params.siteId),
  }),

  route({
    method: 'GET', url: `${P}/service-organisations`, tag: inventory, summary: 'Organisations in the services inventory, optionally at one site',
    params: s.projectParams, query: s.organisationQuery, response: z.array(s.serviceOrganisation),
    handler: async ({ project, query }) => (await project()).listServiceOrganisations(query.siteId ? { siteId: query.siteId } : {}),
  }),
  route({
    method: 'POST', url: `${P}/service-organisations`, tag: inventory, summary: 'Add an organisation at a site', params: s.projectParams,
    body: s.newServiceOrganisation, status: 201, response: s.serviceOrganisation,
    handler: async ({ project, body }) => (await project()).createServiceOrganisation(body),
  }),
  route({
    method: 'PATCH', url: `${P}/service-organisations/:id`, tag: inventory, summary: 'Edit an organisation (409 if `version` is stale)', params: s.withId,
    body: s.serviceOrganisationPatch, response: s.serviceOrganisation,
    handler: async ({ project, params, body }) => {
      const { version, ...patch } = body;
      return (await project()).updateServiceOrganisation(params.id, patch, version);
    },
  }),
  route({
    method: 'DELETE', url: `${P}/service-organisations/:id`, tag: inventory, summary: 'Delete an organisation with its services', params: s.withId, status: 204,
    handler: async ({ project, params }) => (await project()).deleteServiceOrganisation(params.id),
  }),
  route({
    method: 'GET', url: `${P}/services`, tag: inventory, summary: 'Services, optionally of one organisation or meeting one need', params: s.projectParams,
    query: s.serviceQuery, response: z.array(s.service),
    handler: async ({ project, query }) =>
      (await project()).listServices({ ...(query.organisationId ? { organisationId: query.organisationId } : {}), ...(query.needId ? { needId: query.needId } : {}) }),
  }),
  route({
    method: 'POST', url: `${P}/services`, tag: inventory, summary: 'Add a service of an organisation, with the needs it meets', params: s.projectParams,
    body: s.newService, status: 201, response: s.service,
    handler: async ({ project, body }) => (await project()).createService(body),
  }),
  route({
    method: 'PATCH', url: `${P}/services/:id`, tag: inventory, summary: 'Edit a service (409 if `version` is stale)', params: s.withId, body: s.servicePatch,
    response: s.service,
    handler: async ({ project, params, body }) => {
      const { version, ...patch } = body;
      return (await project()).updateService(params.id, patch, version);
    },
  }),
  route({
    method: 'DELETE', url: `${P}/services/:id`, tag: inventory, summary: 'Delete a service', params: s.withId, status: 204,
    handler: async ({ project, params }) => (await project()).deleteService(params.id),
  }),

  route({
    method: 'GET', url: `${P}/services/export/:format`, tag: inventory,
    summary: 'The services inventory as Open Referral HSDS, as a file to save: one JSON document (`json`) or a zip of CSV tables (`csv`)',
    params: hsdsParams,
    handler: async ({ project, params }) => {
      const dataset = await inventoryToHsds(await project());
      return params.format === 'json'
        ? new Download('services-hsds.json', 'application/json', new TextEncoder().encode(hsdsJson(dataset)))
        : new Download('services-hsds.zip', 'application/zip', hsdsZip(dataset));
    },
  }),
  route({
    method: 'POST', url: `${P}/services/import`, tag: inventory,
    summary: 'Import an HSDS inventory (the request body: a JSON document or a zip of CSV tables) in one transaction, with its report',
    params: s.projectParams, body: 'raw', response: hsdsImportReport,
    handler: async ({ project, body }) => {
      const bytes = body as Uint8Array;
      const read = sniffContainer(bytes) === 'zip' ? readHsdsZip(bytes, 'the uploaded zip') : readHsdsJson(bytes, 'the uploaded file');
      return importHsds(await project(), read);
    },
  }),

  route({
    method: 'GET', url: `${P}/report/draft`, tag: report, summary: 'The report draft with each chosen quote’s passage, case and site',
    params: s.projectParams, response: s.chosenQuotes,
    handler: async ({ project }) => {
      const p = await project();
      return withPassages(p, await p.reportDraft());
    },
  }),
  route({
    method: 'PATCH', url: `${P}/report/draft`, tag: report, summary: 'Edit the summary, recommendations or comparison text (409 if `version` is stale)',
    params: s.projectParams, body: s.reportDraftPatch, response: s.reportDraft,
    handler: async ({ project, body }) => {
      const { version, ...patch } = body;
      return (await project()).updateReportDraft(patch, version);
    },
  }),
  route({
    method: 'POST', url: `${P}/report/quotes`, tag: report, summary: 'Choose a passage coded with a theme (or a code under it) as a quote for it: appended, or at `position` within the theme; again is a no-op',
    params: s.projectParams, body: s.chooseQuote, response: s.reportDraft,
    handler: async ({ project, body }) => (await project()).chooseReportQuote(body),
  }),
  route({
    method: 'PATCH', url: `${P}/report/quotes/:segmentId/:codeId`, tag: report, summary: 'Move a chosen quote to `position` (from 1) within its theme',
    params: s.quoteParams, body: s.moveQuote, response: s.reportDraft,
    handler: async ({ project, params, body }) =>
      (await project()).transaction(async (p) => {
        await p.removeReportQuote(params.segmentId, params.codeId);
        return p.chooseReportQuote({ segmentId: params.segmentId, codeId: params.codeId, position: body.position });
      }),
  }),
  route({
    method: 'DELETE', url: `${P}/report/quotes/:segmentId/:codeId`, tag: report, summary: 'Take a quote out of the report', params: s.quoteParams,
    response: s.reportDraft,
    handler: async ({ project, params }) => (await project()).removeReportQuote(params.segmentId, params.codeId),
  }),
];
