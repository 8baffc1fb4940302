// The one interface over the study's data. Two adapters implement it (SQLite,
// PostgreSQL) and pass the same contract tests (store/contract/).
//
// Every change runs in a transaction together with its change-log entry, and
// checks the core invariants first, so a refused change leaves nothing behind.

import type {
  Actor,
  AttributeDefinition,
  AttributeType,
  AttributeValue,
  Case,
  CaseId,
  CaseKind,
  Change,
  CodeId,
  Code,
  CodedSegment,
  CodingId,
  CodingRange,
  Document,
  DocumentId,
  DocumentSummary,
  FrameworkCell,
  FrameworkMatrix,
  FrameworkMatrixId,
  Interview,
  InterviewId,
  InterviewMode,
  InterviewStatus,
  ImportInfo,
  IsoDate,
  IssueArea,
  Language,
  Memo,
  MemoId,
  MemoTarget,
  PageRange,
  Project,
  ProjectId,
  ProjectStats,
  Segment,
  SegmentId,
  SpeakerTurn,
  Timestamp,
  User,
  UserId,
  UserRole,
  WorkingDefinition,
} from '../core/model.ts';
import type { CodeCounts } from '../core/read-models.ts';
import type { Barrier, BarrierId, GapDecision, GapStatusCodes, Need, NeedHorizon, NeedId, NeedPurpose } from '../core/needs.ts';
import type { Service, ServiceId, ServiceOrganisation, ServiceOrganisationId } from '../core/services.ts';
import type { ReportDraft } from '../core/findings.ts';
import type { DialectName } from './dialect.ts';

export interface NewProject {
  title: string;
  description?: string;
  objectives?: string[];
  definitions?: WorkingDefinition[];
  languages?: Language[];
}

export interface NewUser {
  name: string;
  role: UserRole;
  language?: Language | null;
}

export interface NewCase {
  kind: CaseKind;
  name: string;
  parentId?: CaseId | null;
  description?: string;
  /** Values by attribute name; each attribute must be defined first. */
  attributes?: Record<string, AttributeValue>;
}

export interface CasePatch {
  name?: string;
  parentId?: CaseId | null;
  description?: string;
}

export interface NewAttribute {
  name: string;
  type: AttributeType;
  caseKinds?: CaseKind[];
  description?: string;
}

export interface NewIssueArea {
  title: string;
  description?: string;
  questions?: string[];
}

export interface NewInterview {
  participantId: CaseId;
  interviewerId?: UserId | null;
  date?: IsoDate | null;
  mode: InterviewMode;
  status: InterviewStatus;
  consentRecorded: boolean;
  notes?: string;
}

export interface NewDocument {
  name: string;
  text: string;
  language?: Language | null;
  turns?: SpeakerTurn[];
  pages?: PageRange[];
  importInfo?: ImportInfo;
  interviewId?: InterviewId | null;
  caseId?: CaseId | null;
  /**
   * The file the text came from, kept byte for byte with its SHA-256: computed here unless given
   * (an import has hashed the bytes already, to report a duplicate before it reads the file).
   */
  original?: { filename: string; mediaType: string; bytes: Uint8Array; sha256?: string };
  /** A name already taken becomes "name (2)", "name (3)", … instead of being refused (an import's files). */
  numberTakenName?: boolean;
}

export interface NewCode {
  name: string;
  parentId?: CodeId | null;
  color?: string;
  definition?: string;
  inclusion?: string;
  exclusion?: string;
  example?: string;
  codable?: boolean;
}

export type CodePatch = Partial<Omit<NewCode, 'name'>> & { name?: string };

export interface NewCoding {
  documentId: DocumentId;
  start: number;
  end: number;
  codeId: CodeId;
  coderId: UserId;
  createdAt?: Timestamp;
}

export interface CodingFilter {
  documentId?: DocumentId;
  codeId?: CodeId;
  /** Codings of any of these codes (a code with its descendants, say). */
  codeIds?: CodeId[];
  coderId?: UserId;
}

export interface CodingRangeFilter {
  codeIds?: CodeId[];
  coderId?: UserId;
  documentIds?: DocumentId[];
}

/** A coding's range with the exact text of its segment. */
export interface QuotedCodingRange extends CodingRange {
  exact: string;
}

/**
 * Codes on passages, one per (segment, code) however many coders applied it: per document in
 * order of start, as parallel columns (a million passages need no object each).
 */
export interface CodedPassages {
  /** The codes, at the indexes the documents' `codes` give. */
  codeIds: CodeId[];
  documents: { documentId: DocumentId; starts: Int32Array; ends: Int32Array; codes: Int32Array }[];
}

/** Counts over codings in one pass of the database: each row key stands for a set of codes. */
export interface CodingTallyRequest {
  rows: { key: string; codeIds: CodeId[] }[];
  /** The group (a site, a column, a row case) each case's figures are summed into; other cases are left out. */
  groups: ReadonlyMap<CaseId, string>;
  coderId?: UserId;
  /** Also sum the words of the distinct segments (costs reading their text). */
  words?: boolean;
  /**
   * Only which documents (and so cases) each row reaches, read from the per-code tallies the
   * store maintains, without reading codings: far cheaper on large projects. Segments and words are 0.
   */
  reachOnly?: boolean;
}

/**
 * One row's figures in one group's cases: distinct segments, documents and cases the row's codes
 * reach, and words only when asked for. A case lies in one group, so groups add up.
 */
export interface CodingTally {
  row: string;
  group: string;
  segments: number;
  documents: number;
  cases: number;
  words: number;
}

export interface NewFrameworkMatrix {
  name: string;
  description?: string;
  rowKind: CaseKind;
  themeIds: CodeId[];
}

export type FrameworkMatrixPatch = Partial<Omit<NewFrameworkMatrix, 'rowKind'>>;

/** A cell as its author writes it; the segments must lie in documents of the case (or the cases under it). */
export type FrameworkCellInput = Omit<FrameworkCell, 'updatedAt' | 'version'>;

export interface NewNeed {
  name: string;
  description?: string;
  horizon: NeedHorizon;
  purpose: NeedPurpose;
  codeIds?: CodeId[];
}
export type NeedPatch = Partial<NewNeed>;

export interface NewBarrier {
  name: string;
  description?: string;
  codeIds?: CodeId[];
}
export type BarrierPatch = Partial<NewBarrier>;

/** An analyst's decision on a need × site cell, as they write it. */
export type GapDecisionInput = Omit<GapDecision, 'updatedAt' | 'version'>;

export interface NewServiceOrganisation {
  name: string;
  siteId: CaseId;
  caseId?: CaseId | null;
  description?: string;
  type?: string;
  populations?: string[];
  languages?: string[];
  email?: string;
  phone?: string;
  url?: string;
}
export type ServiceOrganisationPatch = Partial<NewServiceOrganisation>;

export interface NewService {
  organisationId: ServiceOrganisationId;
  name: string;
  description?: string;
  needIds?: NeedId[];
}
export type ServicePatch = Partial<Omit<NewService, 'organisationId'>>;

export type ReportDraftPatch = Partial<Pick<ReportDraft, 'summary' | 'recommendations' | 'comparison'>>;

export interface NewMemo {
  target: MemoTarget;
  authorId: UserId;
  title?: string;
  text: string;
}

export interface MemoPatch {
  title?: string;
  text?: string;
}

export interface SearchHit {
  documentId: DocumentId;
  name: string;
}

/** A word (or word prefix) for the full-text index, as matchDocuments takes it. */
export interface IndexTerm {
  text: string;
  prefix: boolean;
}

/** Everything about one project; obtained from Store.openProject. */
export interface ProjectStore {
  readonly id: ProjectId;
  /**
   * Runs `fn` in one transaction: all of its changes land, or none. Called inside another, it
   * runs under a savepoint: its failure undoes its own changes and leaves the outer one going.
   */
  transaction<T>(fn: (project: ProjectStore) => Promise<T>): Promise<T>;

  get(): Promise<Project>;

  createUser(input: NewUser): Promise<User>;
  listUsers(): Promise<User[]>;
  /** By id or name (case-insensitive). */
  findUser(ref: string): Promise<User>;
  setUserLanguage(id: UserId, language: Language): Promise<User>;

  defineAttribute(input: NewAttribute): Promise<AttributeDefinition>;
  listAttributes(): Promise<AttributeDefinition[]>;
  setAttribute(caseId: CaseId, attribute: string, value: AttributeValue | null): Promise<void>;

  createCase(input: NewCase): Promise<Case>;
  listCases(filter?: { kind?: CaseKind }): Promise<Case[]>;
  /** By id, path ("Montreal/Maison L'Escale") or unique name. */
  findCase(ref: string): Promise<Case>;
  updateCase(id: CaseId, patch: CasePatch): Promise<Case>;

  addIssueArea(input: NewIssueArea): Promise<IssueArea>;
  guide(): Promise<IssueArea[]>;

  createInterview(input: NewInterview): Promise<Interview>;
  listInterviews(): Promise<Interview[]>;
  setInterviewStatus(id: InterviewId, status: InterviewStatus): Promise<Interview>;

  addDocument(input: NewDocument): Promise<DocumentSummary>;
  listDocuments(): Promise<DocumentSummary[]>;
  getDocument(id: DocumentId): Promise<Document>;
  /** By id or exact name. */
  findDocument(ref: string): Promise<DocumentSummary>;
  findDocumentBySha256(sha256: string): Promise<DocumentSummary | null>;
  originalBytes(id: DocumentId): Promise<Uint8Array | null>;

  createCode(input: NewCode): Promise<Code>;
  listCodes(): Promise<Code[]>;
  /** By id, path ("Obstacles/Fear of deportation") or unique name. */
  findCode(ref: string): Promise<Code>;
  /** With `expectedVersion`, refuses (conflict) an edit based on an older version of the code. */
  updateCode(id: CodeId, patch: CodePatch, expectedVersion?: number): Promise<Code>;
  /** Moves every coding, child code and memo of `sourceId` to `targetId` (duplicate codings collapse) and deletes it. */
  mergeCodes(sourceId: CodeId, targetId: CodeId): Promise<Code>;
  /** Per code: distinct segments, documents and cases it reaches, alone and with its descendants. */
  codeCounts(): Promise<Map<CodeId, { counts: CodeCounts; totalCounts: CodeCounts }>>;
  /** Deletes a code with its codings; refuses while it has child codes. */
  deleteCode(id: CodeId): Promise<void>;

  /** Codes a range of a document; coding the same range with the same code again is a no-op. */
  applyCode(input: NewCoding): Promise<CodedSegment>;
  listCodings(filter?: CodingFilter): Promise<CodedSegment[]>;
  getSegment(id: SegmentId): Promise<Segment>;
  removeCoding(id: CodingId): Promise<void>;
  /**
   * Moves one coding to another range of its document; other codings of the old range stay.
   * With `expectedSegmentVersion`, refuses (conflict) if the passage changed meanwhile.
   */
  resizeCoding(id: CodingId, start: number, end: number, expectedSegmentVersion?: number): Promise<CodedSegment>;
  /** Codings per document and coder. */
  documentCodingCounts(): Promise<{ documentId: DocumentId; coderId: UserId; codings: number }[]>;

  addMemo(input: NewMemo): Promise<Memo>;
  listMemos(target?: MemoTarget): Promise<Memo[]>;
  /** With `expectedVersion`, refuses (conflict) an edit based on an older version of the memo. */
  updateMemo(id: MemoId, patch: MemoPatch, expectedVersion?: number): Promise<Memo>;
  deleteMemo(id: MemoId): Promise<void>;

  /** Codings without their quotes, ordered by document, start, end: what analyses over many codings read. */
  codingRanges(filter?: CodingRangeFilter): Promise<CodingRange[]>;
  /** The same with each segment's exact text. */
  quotedCodingRanges(filter?: CodingRangeFilter): Promise<QuotedCodingRange[]>;
  /** Distinct (segment, code) passages per document: what sweeps over every passage read. */
  codedPassages(filter?: CodingRangeFilter): Promise<CodedPassages>;
  /** Distinct segments, documents, cases (and words) per row of codes and group of cases, counted by the database. */
  codingTally(request: CodingTallyRequest): Promise<CodingTally[]>;

  createFrameworkMatrix(input: NewFrameworkMatrix): Promise<FrameworkMatrix>;
  listFrameworkMatrices(): Promise<FrameworkMatrix[]>;
  /** By id or name (case-insensitive). */
  findFrameworkMatrix(ref: string): Promise<FrameworkMatrix>;
  /** With `expectedVersion`, refuses (conflict) an edit based on an older version. */
  updateFrameworkMatrix(id: FrameworkMatrixId, patch: FrameworkMatrixPatch, expectedVersion?: number): Promise<FrameworkMatrix>;
  /** Deletes the matrix with its cells. */
  deleteFrameworkMatrix(id: FrameworkMatrixId): Promise<void>;
  listFrameworkCells(matrixId: FrameworkMatrixId, filter?: { caseIds?: CaseId[]; codeIds?: CodeId[] }): Promise<FrameworkCell[]>;
  /**
   * Writes a cell's summary and linked segments (creating the cell). With `expectedVersion`
   * (0 for a cell not written yet), refuses (conflict) an edit based on an older version.
   */
  writeFrameworkCell(input: FrameworkCellInput, expectedVersion?: number): Promise<FrameworkCell>;

  createNeed(input: NewNeed): Promise<Need>;
  /** In catalogue order. */
  listNeeds(): Promise<Need[]>;
  /** By id or name (case-insensitive). */
  findNeed(ref: string): Promise<Need>;
  /** With `expectedVersion`, refuses (conflict) an edit based on an older version. */
  updateNeed(id: NeedId, patch: NeedPatch, expectedVersion?: number): Promise<Need>;
  /** Deletes the need with its gap decisions and its links to services. */
  deleteNeed(id: NeedId): Promise<void>;

  createBarrier(input: NewBarrier): Promise<Barrier>;
  listBarriers(): Promise<Barrier[]>;
  findBarrier(ref: string): Promise<Barrier>;
  updateBarrier(id: BarrierId, patch: BarrierPatch, expectedVersion?: number): Promise<Barrier>;
  deleteBarrier(id: BarrierId): Promise<void>;

  /** The codes that qualify a need's passages as met, ad hoc or unmet (empty lists until set). */
  gapStatusCodes(): Promise<GapStatusCodes>;
  setGapStatusCodes(codes: GapStatusCodes): Promise<GapStatusCodes>;
  listGapDecisions(): Promise<GapDecision[]>;
  /**
   * Confirms or overrides a need × site cell. With `expectedVersion` (0 for a cell
   * not decided yet), refuses (conflict) an edit based on an older version.
   */
  decideGap(input: GapDecisionInput, expectedVersion?: number): Promise<GapDecision>;
  /** Withdraws a decision: the cell shows its proposal again. */
  clearGapDecision(needId: NeedId, siteId: CaseId): Promise<void>;

  createServiceOrganisation(input: NewServiceOrganisation): Promise<ServiceOrganisation>;
  listServiceOrganisations(filter?: { siteId?: CaseId }): Promise<ServiceOrganisation[]>;
  /** By id or name (case-insensitive). */
  findServiceOrganisation(ref: string): Promise<ServiceOrganisation>;
  updateServiceOrganisation(id: ServiceOrganisationId, patch: ServiceOrganisationPatch, expectedVersion?: number): Promise<ServiceOrganisation>;
  /** Deletes the organisation with its services. */
  deleteServiceOrganisation(id: ServiceOrganisationId): Promise<void>;
  createService(input: NewService): Promise<Service>;
  listServices(filter?: { organisationId?: ServiceOrganisationId; needId?: NeedId }): Promise<Service[]>;
  updateService(id: ServiceId, patch: ServicePatch, expectedVersion?: number): Promise<Service>;
  deleteService(id: ServiceId): Promise<void>;

  /** The analyst-written parts of the findings report and the quotes chosen for it. */
  reportDraft(): Promise<ReportDraft>;
  /** With `expectedVersion`, refuses (conflict) an edit based on an older version. */
  updateReportDraft(patch: ReportDraftPatch, expectedVersion?: number): Promise<ReportDraft>;
  /**
   * Chooses a segment as a quote for a theme (appended, or at 1-based `position`); choosing it again
   * is a no-op. `chosenBy` defaults to the acting user (required when a system actor, such as the demo, acts).
   */
  chooseReportQuote(input: { segmentId: SegmentId; codeId: CodeId; position?: number; chosenBy?: UserId }): Promise<ReportDraft>;
  removeReportQuote(segmentId: SegmentId, codeId: CodeId): Promise<ReportDraft>;

  /** The change log, oldest first. */
  changes(options?: { afterSeq?: number; limit?: number }): Promise<Change[]>;
  stats(): Promise<ProjectStats>;
  /** Documents containing every word of `query`, ignoring case and accents. */
  searchText(query: string): Promise<SearchHit[]>;
  /**
   * Ids (sorted) of documents with every term as a word, or a word starting with
   * it for a prefix term, ignoring case and accents: candidates for text search.
   */
  matchDocuments(terms: readonly IndexTerm[]): Promise<DocumentId[]>;
  /** Adds new documents to the full-text index (SQLite, on another thread; PostgreSQL indexes at once). Search does it first. */
  indexText(): Promise<void>;
  /** Lets go of what the store caches for speed: a bulk writer calls it between batches, so its memory stays flat. */
  releaseMemory(): Promise<void>;
}

export interface Store {
  readonly dialect: DialectName;
  /** Where the data lives, safe to print (no password). */
  readonly location: string;
  /**
   * Creates a project; `fill`, if given, adds its initial content in the same
   * transaction, so a project is never left half-made (demo, whole-project imports).
   */
  createProject(input: NewProject, actor: Actor, fill?: (project: ProjectStore) => Promise<void>): Promise<ProjectStore>;
  listProjects(): Promise<Project[]>;
  /** By id or title (case-insensitive). */
  openProject(ref: string, actor: Actor): Promise<ProjectStore>;
  /** The schema version the database is at. */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}
