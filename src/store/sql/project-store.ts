import type { Project } from '../../core/model.ts';
import { notFound } from '../../core/errors.ts';
import type { ProjectStore } from '../store.ts';
import { type Ctx, releaseMemory, withSavepoint } from './context.ts';
import { createUser, findUser, listUsers, setUserLanguage } from './users.ts';
import { createCase, defineAttribute, findCase, listAttributes, listCases, setAttribute, updateCase } from './cases.ts';
import { addIssueArea, guide } from './guide.ts';
import { createInterview, listInterviews, setInterviewStatus } from './interviews.ts';
import { addDocument, findDocument, findDocumentBySha256, getDocument, listDocuments, originalBytes } from './documents.ts';
import { createCode, deleteCode, findCode, listCodes, updateCode } from './codes.ts';
import { applyCode, getSegment, listCodings, removeCoding, resizeCoding } from './codings.ts';
import { mergeCodes } from './code-merge.ts';
import { addMemo, deleteMemo, listMemos, updateMemo } from './memos.ts';
import { codeCounts, documentCodingCounts } from './tallies.ts';
import { changes } from './changes.ts';
import { stats } from './stats.ts';
import { indexText, matchDocuments, searchText } from './search.ts';
import { toProject } from './projects.ts';
import { codedPassages, codingRanges, codingTally, quotedCodingRanges } from './analysis.ts';
import {
  createFrameworkMatrix,
  deleteFrameworkMatrix,
  findFrameworkMatrix,
  listFrameworkCells,
  listFrameworkMatrices,
  updateFrameworkMatrix,
  writeFrameworkCell,
} from './framework.ts';
import { createNeed, deleteNeed, findNeed, listNeeds, updateNeed } from './needs.ts';
import { createBarrier, deleteBarrier, findBarrier, listBarriers, updateBarrier } from './barriers.ts';
import { clearGapDecision, decideGap, gapStatusCodes, listGapDecisions, setGapStatusCodes } from './gaps.ts';
import { chooseReportQuote, removeReportQuote, reportDraft, updateReportDraft } from './report-draft.ts';
import {
  createService,
  createServiceOrganisation,
  deleteService,
  deleteServiceOrganisation,
  findServiceOrganisation,
  listServiceOrganisations,
  listServices,
  updateService,
  updateServiceOrganisation,
} from './services.ts';

type Bound<F> = F extends (ctx: Ctx, ...args: infer A) => infer R ? (...args: A) => R : never;

/** One project seen through one connection or transaction; each method is a query module's function. */
export class SqlProjectStore implements ProjectStore {
  readonly id: string;
  constructor(private readonly ctx: Ctx) {
    this.id = ctx.projectId;
  }

  private bind<F extends (ctx: Ctx, ...args: never[]) => unknown>(fn: F): Bound<F> {
    return ((...args: never[]) => fn(this.ctx, ...args)) as Bound<F>;
  }

  transaction<T>(fn: (project: ProjectStore) => Promise<T>): Promise<T> {
    if (this.ctx.db.isTransaction) return withSavepoint(this.ctx, () => fn(this));
    return this.ctx.db.transaction().execute((db) => fn(new SqlProjectStore({ ...this.ctx, db })));
  }

  async get(): Promise<Project> {
    const row = await this.ctx.db.selectFrom('projects').selectAll().where('id', '=', this.id).executeTakeFirst();
    if (!row) throw notFound(`no project ${this.id}`);
    return toProject(row);
  }

  createUser = this.bind(createUser);
  listUsers = this.bind(listUsers);
  findUser = this.bind(findUser);
  setUserLanguage = this.bind(setUserLanguage);
  defineAttribute = this.bind(defineAttribute);
  listAttributes = this.bind(listAttributes);
  setAttribute = this.bind(setAttribute);
  createCase = this.bind(createCase);
  listCases = this.bind(listCases);
  findCase = this.bind(findCase);
  updateCase = this.bind(updateCase);
  addIssueArea = this.bind(addIssueArea);
  guide = this.bind(guide);
  createInterview = this.bind(createInterview);
  listInterviews = this.bind(listInterviews);
  setInterviewStatus = this.bind(setInterviewStatus);
  addDocument = this.bind(addDocument);
  listDocuments = this.bind(listDocuments);
  getDocument = this.bind(getDocument);
  findDocument = this.bind(findDocument);
  findDocumentBySha256 = this.bind(findDocumentBySha256);
  originalBytes = this.bind(originalBytes);
  createCode = this.bind(createCode);
  listCodes = this.bind(listCodes);
  findCode = this.bind(findCode);
  updateCode = this.bind(updateCode);
  deleteCode = this.bind(deleteCode);
  mergeCodes = this.bind(mergeCodes);
  codeCounts = this.bind(codeCounts);
  applyCode = this.bind(applyCode);
  listCodings = this.bind(listCodings);
  getSegment = this.bind(getSegment);
  removeCoding = this.bind(removeCoding);
  resizeCoding = this.bind(resizeCoding);
  documentCodingCounts = this.bind(documentCodingCounts);
  addMemo = this.bind(addMemo);
  listMemos = this.bind(listMemos);
  updateMemo = this.bind(updateMemo);
  deleteMemo = this.bind(deleteMemo);
  codingRanges = this.bind(codingRanges);
  quotedCodingRanges = this.bind(quotedCodingRanges);
  codedPassages = this.bind(codedPassages);
  codingTally = this.bind(codingTally);
  createFrameworkMatrix = this.bind(createFrameworkMatrix);
  listFrameworkMatrices = this.bind(listFrameworkMatrices);
  findFrameworkMatrix = this.bind(findFrameworkMatrix);
  updateFrameworkMatrix = this.bind(updateFrameworkMatrix);
  deleteFrameworkMatrix = this.bind(deleteFrameworkMatrix);
  listFrameworkCells = this.bind(listFrameworkCells);
  writeFrameworkCell = this.bind(writeFrameworkCell);
  createNeed = this.bind(createNeed);
  listNeeds = this.bind(listNeeds);
  findNeed = this.bind(findNeed);
  updateNeed = this.bind(updateNeed);
  deleteNeed = this.bind(deleteNeed);
  createBarrier = this.bind(createBarrier);
  listBarriers = this.bind(listBarriers);
  findBarrier = this.bind(findBarrier);
  updateBarrier = this.bind(updateBarrier);
  deleteBarrier = this.bind(deleteBarrier);
  gapStatusCodes = this.bind(gapStatusCodes);
  setGapStatusCodes = this.bind(setGapStatusCodes);
  listGapDecisions = this.bind(listGapDecisions);
  decideGap = this.bind(decideGap);
  clearGapDecision = this.bind(clearGapDecision);
  reportDraft = this.bind(reportDraft);
  updateReportDraft = this.bind(updateReportDraft);
  chooseReportQuote = this.bind(chooseReportQuote);
  removeReportQuote = this.bind(removeReportQuote);
  createServiceOrganisation = this.bind(createServiceOrganisation);
  listServiceOrganisations = this.bind(listServiceOrganisations);
  findServiceOrganisation = this.bind(findServiceOrganisation);
  updateServiceOrganisation = this.bind(updateServiceOrganisation);
  deleteServiceOrganisation = this.bind(deleteServiceOrganisation);
  createService = this.bind(createService);
  listServices = this.bind(listServices);
  updateService = this.bind(updateService);
  deleteService = this.bind(deleteService);
  changes = this.bind(changes);
  stats = this.bind(stats);
  searchText = this.bind(searchText);
  indexText = this.bind(indexText);
  releaseMemory = this.bind(releaseMemory);
  matchDocuments = this.bind(matchDocuments);
}
