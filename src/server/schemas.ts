// Zod schemas of what the API takes and gives. Each is typed against the core
// model (z.ZodType<T>), so a schema that drifts from the domain fails to compile;
// the same schemas validate requests and describe the API in /api/openapi.json.

import { z } from 'zod';
import {
  ATTRIBUTE_TYPES,
  CASE_KINDS,
  CHANGE_ACTIONS,
  ENTITY_KINDS,
  INTERVIEW_MODES,
  INTERVIEW_STATUSES,
  LANGUAGES,
  USER_ROLES,
  type AttributeDefinition,
  type Case,
  type Change,
  type CodedSegment,
  type Code,
  type Document,
  type DocumentSummary,
  type FrameworkCell,
  type FrameworkMatrix,
  type Interview,
  type IssueArea,
  type Memo,
  type MemoTarget,
  type Project,
  type ProjectStats,
  type Segment,
  type User,
} from '../core/model.ts';
import type { CodeCounts, CodeWithCounts, CoderProgress, DocumentRow, RetrievedSegment, SiteInterviewProgress } from '../core/read-models.ts';
import { GAP_STATUSES, NEED_HORIZONS, NEED_PURPOSES, type Barrier, type GapDecision, type GapStatusCodes, type Need } from '../core/needs.ts';
import type { Service, ServiceOrganisation } from '../core/services.ts';
import type { ReportDraft, ReportQuote } from '../core/findings.ts';
import type { BarrierPrevalence, GapMatrix } from '../analysis/gaps.ts';

export const id = z.string().min(1).max(200);
const offset = z.number().int().min(0);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f77b4');
const timestamp = z.string();
export const language = z.enum(LANGUAGES);
const attributeValue = z.union([z.string(), z.number(), z.boolean()]);

export const project: z.ZodType<Project> = z.object({
  id,
  title: z.string(),
  description: z.string(),
  objectives: z.array(z.string()),
  definitions: z.array(z.object({ term: z.string(), definition: z.string(), source: z.string().optional() })),
  languages: z.array(language),
  createdAt: timestamp,
});

export const projectStats: z.ZodType<ProjectStats> = z.object({
  sites: z.number(), organisations: z.number(), participants: z.number(), interviews: z.number(), documents: z.number(),
  codes: z.number(), codableCodes: z.number(), segments: z.number(), codings: z.number(), coders: z.number(), memos: z.number(),
});

export const user: z.ZodType<User> = z.object({ id, name: z.string(), role: z.enum(USER_ROLES), language: language.nullable() });

export const attributeDefinition: z.ZodType<AttributeDefinition> = z.object({
  id, name: z.string(), type: z.enum(ATTRIBUTE_TYPES), caseKinds: z.array(z.enum(CASE_KINDS)), description: z.string(),
});

export const caseSchema: z.ZodType<Case> = z.object({
  id, kind: z.enum(CASE_KINDS), name: z.string(), parentId: id.nullable(), description: z.string(), attributes: z.record(z.string(), attributeValue),
});

export const issueArea: z.ZodType<IssueArea> = z.object({
  id, position: z.number(), title: z.string(), description: z.string(),
  questions: z.array(z.object({ id, position: z.number(), text: z.string() })),
});

export const interview: z.ZodType<Interview> = z.object({
  id, participantId: id, interviewerId: id.nullable(), date: z.string().nullable(), mode: z.enum(INTERVIEW_MODES),
  status: z.enum(INTERVIEW_STATUSES), consentRecorded: z.boolean(), notes: z.string(),
});

const caseRef = z.object({ id, name: z.string() });
const statusCounts = z.object({ planned: z.number(), done: z.number(), transcribed: z.number(), coded: z.number() });

export const progress: z.ZodType<{ coders: CoderProgress[]; sites: SiteInterviewProgress[] }> = z.object({
  coders: z.array(z.object({ coderId: id, documents: z.number(), codings: z.number() })),
  sites: z.array(z.object({ site: caseRef, counts: statusCounts })),
});

const documentSummaryShape = {
  id, name: z.string(), language: language.nullable(), length: z.number(), interviewId: id.nullable(), caseId: id.nullable(),
  original: z.object({ filename: z.string(), mediaType: z.string(), sha256: z.string(), size: z.number() }).nullable(),
  importInfo: z.object({
    format: z.string().optional(), encoding: z.string().optional(), lineEndings: z.string().optional(),
    bom: z.boolean().optional(), warnings: z.array(z.string()).optional(),
  }),
  createdAt: timestamp,
};
export const documentSummary: z.ZodType<DocumentSummary> = z.object(documentSummaryShape);

export const documentRow: z.ZodType<DocumentRow> = z.object({
  ...documentSummaryShape,
  case: caseRef.nullable(), organisation: caseRef.nullable(), site: caseRef.nullable(),
  interviewStatus: z.enum(INTERVIEW_STATUSES).nullable(), coderIds: z.array(id), codings: z.number(),
});

export const documentSchema: z.ZodType<Document> = z.object({
  ...documentSummaryShape,
  text: z.string(),
  turns: z.array(z.object({ speaker: z.string(), start: offset, end: offset, startMs: z.number().optional(), endMs: z.number().optional() })),
  pages: z.array(z.object({ page: z.number(), start: offset, end: offset })),
});

export const importOutcome = z.object({
  file: z.string(),
  status: z.enum(['imported', 'duplicate', 'failed', 'skipped']),
  documentId: id.optional(),
  name: z.string().optional(),
  format: z.string().optional(),
  encoding: z.string().optional(),
  language: language.nullable().optional(),
  characters: z.number().optional(),
  turns: z.number().optional(),
  speakers: z.array(z.string()).optional(),
  pages: z.number().optional(),
  warnings: z.array(z.string()).optional(),
  existing: z.object({ id, name: z.string() }).optional(),
  reason: z.string().optional(),
});

const codeShape = {
  id, parentId: id.nullable(), name: z.string(), color, definition: z.string(), inclusion: z.string(), exclusion: z.string(),
  example: z.string(), codable: z.boolean(), position: z.number(), version: z.number(),
};
export const code: z.ZodType<Code> = z.object(codeShape);
const counts: z.ZodType<CodeCounts> = z.object({ codings: z.number(), segments: z.number(), documents: z.number(), cases: z.number() });
export const codeWithCounts: z.ZodType<CodeWithCounts> = z.object({ ...codeShape, counts, totalCounts: counts });

const codeFields = {
  parentId: id.nullable().optional(),
  color: color.optional(),
  definition: z.string().max(20_000).optional(),
  inclusion: z.string().max(20_000).optional(),
  exclusion: z.string().max(20_000).optional(),
  example: z.string().max(20_000).optional(),
  codable: z.boolean().optional(),
};
const codeName = z.string().trim().min(1, 'a code needs a name').max(200);
export const newCode = z.object({ name: codeName, ...codeFields });
export const codePatch = z.object({ version: z.number().int().min(1), name: codeName.optional(), ...codeFields });
export const mergeRequest = z.object({ into: id });

export const codedSegment: z.ZodType<CodedSegment> = z.object({
  id, segmentId: id, codeId: id, coderId: id, createdAt: timestamp, documentId: id, start: offset, end: offset,
  quote: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }), segmentVersion: z.number(),
});

export const segment: z.ZodType<Segment> = z.object({
  id, documentId: id, start: offset, end: offset, quote: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }), version: z.number(),
});

export const newCoding = z.object({ documentId: id, start: offset, end: offset, codeId: id, coderId: id });
export const codingPatch = z.object({ segmentVersion: z.number().int().min(1), start: offset, end: offset });

export const retrievedSegment: z.ZodType<RetrievedSegment> = z.object({
  coding: codedSegment, document: caseRef, case: caseRef.nullable(), site: caseRef.nullable(), before: z.string(), after: z.string(),
});
export const retrievalQuery = z.object({
  coderId: id.optional(),
  siteId: id.optional(),
  attribute: z.string().regex(/^[^=]+=.*$/, 'name=value').optional(),
  descendants: z.enum(['true', 'false']).optional(),
});

const targetOf = <K extends Exclude<MemoTarget['kind'], 'project'>>(kind: K) => z.object({ kind: z.literal(kind), id });
export const memoTarget: z.ZodType<MemoTarget> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project') }),
  targetOf('document'),
  targetOf('case'),
  targetOf('code'),
  targetOf('segment'),
]);
export const memo: z.ZodType<Memo> = z.object({
  id, target: memoTarget, authorId: id, title: z.string(), text: z.string(), createdAt: timestamp, updatedAt: timestamp, version: z.number(),
});
const memoText = z.string().max(200_000).refine((t) => t.trim().length > 0, 'a memo needs some text');
export const newMemo = z.object({ target: memoTarget, authorId: id, title: z.string().max(500).optional(), text: memoText });
export const memoPatch = z.object({ version: z.number().int().min(1), title: z.string().max(500).optional(), text: memoText.optional() });

export const change: z.ZodType<Change> = z.object({
  seq: z.number(), at: timestamp,
  actor: z.union([z.object({ userId: id }), z.object({ system: z.string() })]),
  action: z.enum(CHANGE_ACTIONS),
  entity: z.enum(ENTITY_KINDS),
  entityId: id,
  data: z.record(z.string(), z.unknown()),
});
export const changesQuery = z.object({ after: z.coerce.number().int().min(0).optional(), limit: z.coerce.number().int().min(1).max(1000).optional() });

export const userPatch = z.object({ language });
export const importQuery = z.object({
  filename: z.string().min(1).max(255),
  case: z.string().max(200).optional(),
  site: z.string().max(200).optional(),
});

export const projectParams = z.object({ projectId: id });
export const withId = z.object({ projectId: id, id });

export const frameworkMatrix: z.ZodType<FrameworkMatrix> = z.object({
  id, name: z.string(), description: z.string(), rowKind: z.enum(CASE_KINDS), themeIds: z.array(id), createdAt: timestamp, version: z.number(),
});
const matrixName = z.string().trim().min(1, 'a framework matrix needs a name').max(200);
const themeIds = z.array(id).min(1, 'a framework matrix needs at least one theme').max(100);
export const newFrameworkMatrix = z.object({ name: matrixName, description: z.string().max(20_000).optional(), rowKind: z.enum(CASE_KINDS), themeIds });
export const frameworkMatrixPatch = z.object({ version: z.number().int().min(1), name: matrixName.optional(), description: z.string().max(20_000).optional(), themeIds: themeIds.optional() });
export const frameworkCell: z.ZodType<FrameworkCell> = z.object({
  matrixId: id, caseId: id, codeId: id, summary: z.string(), segmentIds: z.array(id), authorId: id, updatedAt: timestamp, version: z.number(),
});
/** `version` is the cell's version the edit was based on: 0 for a cell not written yet. */
export const frameworkCellWrite = z.object({ version: z.number().int().min(0), authorId: id, summary: z.string().max(200_000), segmentIds: z.array(id).max(5_000) });

// Needs, barriers and the gap matrix; the services inventory; the report draft.
const catalogueName = z.string().trim().min(1, 'a name is needed').max(200);
const longText = z.string().max(100_000);
const codeIds = z.array(id).max(1_000);
const needHorizon = z.enum(NEED_HORIZONS);
const needPurpose = z.enum(NEED_PURPOSES);
const gapStatus = z.enum(GAP_STATUSES);
const version = z.number().int().min(1);

export const need: z.ZodType<Need> = z.object({
  id, name: z.string(), description: z.string(), horizon: needHorizon, purpose: needPurpose, codeIds: z.array(id), position: z.number(), version: z.number(),
});
export const newNeed = z.object({ name: catalogueName, description: longText.optional(), horizon: needHorizon, purpose: needPurpose, codeIds: codeIds.optional() });
export const needPatch = z.object({
  version, name: catalogueName.optional(), description: longText.optional(), horizon: needHorizon.optional(), purpose: needPurpose.optional(), codeIds: codeIds.optional(),
});
export const barrier: z.ZodType<Barrier> = z.object({ id, name: z.string(), description: z.string(), codeIds: z.array(id), position: z.number(), version: z.number() });
export const newBarrier = z.object({ name: catalogueName, description: longText.optional(), codeIds: codeIds.optional() });
export const barrierPatch = z.object({ version, name: catalogueName.optional(), description: longText.optional(), codeIds: codeIds.optional() });

export const gapStatusCodes: z.ZodType<GapStatusCodes> = z.object({ met: codeIds, ad_hoc: codeIds, unmet: codeIds });
export const gapDecision: z.ZodType<GapDecision> = z.object({
  needId: id, siteId: id, status: gapStatus, note: z.string(), authorId: id, updatedAt: timestamp, version: z.number(),
});
/** `version` is the decision's version the edit was based on: 0 for a cell not decided yet. */
export const gapDecisionWrite = z.object({
  version: z.number().int().min(0), status: gapStatus, authorId: id,
  note: z.string().max(20_000).refine((t) => t.trim().length > 0, 'a decision needs a note saying why'),
});
export const gapCellParams = z.object({ projectId: id, needId: id, siteId: id });
export const barrierCellParams = z.object({ projectId: id, id, siteId: id });
export const coderQuery = z.object({ coderId: id.optional() });
const share = z.coerce.number().min(0).max(1);
export const prevalenceQuery = z.object({ coderId: id.optional(), threshold: share.optional(), weak: share.optional() });

const gapSite = z.object({ id, name: z.string(), codedCases: z.number() });
const byStatus = z.object({ met: z.number(), ad_hoc: z.number(), unmet: z.number() });
export const gapMatrix: z.ZodType<GapMatrix> = z.object({
  sites: z.array(gapSite),
  rows: z.array(z.object({
    need,
    cells: z.array(z.object({
      needId: id, siteId: id, proposed: gapStatus, cases: z.number(), casesByStatus: byStatus, services: z.number(), decision: gapDecision.nullable(), status: gapStatus,
    })),
    differs: z.boolean(),
  })),
  statusCodes: gapStatusCodes,
});
export const barrierPrevalence: z.ZodType<BarrierPrevalence> = z.object({
  threshold: z.number(), weak: z.number(), sites: z.array(gapSite),
  rows: z.array(z.object({
    barrier, cases: z.array(z.number()), shares: z.array(z.number().nullable()), verdict: z.enum(['similarity', 'difference']).nullable(),
    strongAt: z.array(caseRef), weakAt: z.array(caseRef),
  })),
});

const words = z.array(z.string().trim().min(1).max(200)).max(200);
export const serviceOrganisation: z.ZodType<ServiceOrganisation> = z.object({
  id, name: z.string(), description: z.string(), siteId: id, caseId: id.nullable(), type: z.string(), populations: z.array(z.string()), languages: z.array(z.string()),
  email: z.string(), phone: z.string(), url: z.string(), createdAt: timestamp, version: z.number(),
});
const organisationFields = {
  description: longText.optional(), caseId: id.nullable().optional(), type: z.string().trim().max(200).optional(), populations: words.optional(), languages: words.optional(),
  email: z.string().trim().max(320).regex(/^$|^[^\s@]+@[^\s@]+$/, 'an e-mail address like name@example.org').optional(),
  phone: z.string().trim().max(100).optional(),
  url: z.string().trim().max(2_000).regex(/^$|^https?:\/\/\S+$/, 'a web address starting with http:// or https://').optional(),
};
export const newServiceOrganisation = z.object({ name: catalogueName, siteId: id, ...organisationFields });
export const serviceOrganisationPatch = z.object({ version, name: catalogueName.optional(), siteId: id.optional(), ...organisationFields });
export const organisationQuery = z.object({ siteId: id.optional() });
export const service: z.ZodType<Service> = z.object({ id, organisationId: id, name: z.string(), description: z.string(), needIds: z.array(id), version: z.number() });
export const newService = z.object({ organisationId: id, name: catalogueName, description: longText.optional(), needIds: z.array(id).max(1_000).optional() });
export const servicePatch = z.object({ version, name: catalogueName.optional(), description: longText.optional(), needIds: z.array(id).max(1_000).optional() });
export const serviceQuery = z.object({ organisationId: id.optional(), needId: id.optional() });

export const reportQuote: z.ZodType<ReportQuote> = z.object({ segmentId: id, codeId: id, position: z.number(), chosenBy: id });
export const reportDraft: z.ZodType<ReportDraft> = z.object({
  summary: z.string(), recommendations: z.array(z.string()), comparison: z.string(), quotes: z.array(reportQuote), updatedAt: timestamp.nullable(), version: z.number(),
});
/** `version` is the draft's version the edit was based on: 0 before the first edit. */
export const reportDraftPatch = z.object({
  version: z.number().int().min(0), summary: longText.optional(), recommendations: z.array(z.string().trim().min(1, 'a recommendation needs some text').max(20_000)).max(500).optional(),
  comparison: longText.optional(),
});
/** A quote's `position` counts within its theme, from 1. */
const quotePosition = z.number().int().min(1, 'a position within the theme, from 1');
export const chooseQuote = z.object({ segmentId: id, codeId: id, position: quotePosition.optional() });
export const quoteParams = z.object({ projectId: id, segmentId: id, codeId: id });
export const moveQuote = z.object({ position: quotePosition });
export const chosenQuotes = z.object({
  draft: reportDraft,
  quotes: z.array(z.object({ quote: reportQuote, passage: retrievedSegment.nullable() })),
});
