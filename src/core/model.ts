// The domain of a multi-site qualitative study. Pure types: every other layer
// (store, formats, analysis, server, web, CLI) speaks in these.
//
// Text positions are Unicode code points, 0-based, end exclusive (the REFI-QDA
// rule); see core/text/offsets.ts for conversions at the edges.

export type Id = string;
export type ProjectId = Id;
export type UserId = Id;
export type CaseId = Id;
export type AttributeId = Id;
export type DocumentId = Id;
export type CodeId = Id;
export type SegmentId = Id;
export type CodingId = Id;
export type MemoId = Id;
export type InterviewId = Id;
export type IssueAreaId = Id;
export type QuestionId = Id;

/** ISO 8601 timestamp, UTC, e.g. "2005-01-18T14:00:00.000Z". */
export type Timestamp = string;
/** ISO 8601 calendar date, e.g. "2005-01-18". */
export type IsoDate = string;

/** Languages the project's documents and interface use (BCP 47 primary tags). */
export type Language = 'en' | 'fr';
export const LANGUAGES: readonly Language[] = ['en', 'fr'];

export interface WorkingDefinition {
  term: string;
  definition: string;
  /** Where the definition comes from, e.g. the UN Trafficking Protocol. */
  source?: string;
}

export interface Project {
  id: ProjectId;
  title: string;
  description: string;
  objectives: string[];
  definitions: WorkingDefinition[];
  languages: Language[];
  createdAt: Timestamp;
}

export type UserRole = 'lead' | 'coder' | 'interviewer' | 'analyst';
export const USER_ROLES: readonly UserRole[] = ['lead', 'coder', 'interviewer', 'analyst'];

export interface User {
  id: UserId;
  name: string;
  role: UserRole;
  /** The interface language this user chose; null until they choose. */
  language: Language | null;
}

/**
 * Who made a change: a project user, or a named non-human actor
 * (the demo builder, an importer) for changes no person made.
 */
export type Actor = { userId: UserId } | { system: string };

/** Units of analysis. Sites are cases too, so matrices can use any level as rows or columns. */
export type CaseKind = 'site' | 'organisation' | 'participant';
export const CASE_KINDS: readonly CaseKind[] = ['site', 'organisation', 'participant'];

/** The REFI-QDA variable types. */
export type AttributeType = 'text' | 'boolean' | 'integer' | 'float' | 'date' | 'datetime';
export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['text', 'boolean', 'integer', 'float', 'date', 'datetime'];

/** A typed attribute value: booleans and numbers as JS values, dates as ISO strings. */
export type AttributeValue = string | number | boolean;

export interface AttributeDefinition {
  id: AttributeId;
  name: string;
  type: AttributeType;
  /** Case kinds the attribute describes; empty means any kind. */
  caseKinds: CaseKind[];
  description: string;
}

export interface Case {
  id: CaseId;
  kind: CaseKind;
  name: string;
  /** Enclosing case: a participant's organisation, an organisation's site. */
  parentId: CaseId | null;
  description: string;
  /** Values keyed by attribute name. */
  attributes: Record<string, AttributeValue>;
}

export interface IssueArea {
  id: IssueAreaId;
  position: number;
  title: string;
  description: string;
  questions: GuideQuestion[];
}

export interface GuideQuestion {
  id: QuestionId;
  position: number;
  text: string;
}

export type InterviewMode = 'telephone' | 'in_person' | 'video';
export const INTERVIEW_MODES: readonly InterviewMode[] = ['telephone', 'in_person', 'video'];

/** Ordered: each status implies the ones before it. */
export type InterviewStatus = 'planned' | 'done' | 'transcribed' | 'coded';
export const INTERVIEW_STATUSES: readonly InterviewStatus[] = ['planned', 'done', 'transcribed', 'coded'];

export interface Interview {
  id: InterviewId;
  participantId: CaseId;
  interviewerId: UserId | null;
  date: IsoDate | null;
  mode: InterviewMode;
  status: InterviewStatus;
  consentRecorded: boolean;
  notes: string;
}

export interface SpeakerTurn {
  speaker: string;
  start: number;
  end: number;
  /** Media time in milliseconds, when the transcript is timed. */
  startMs?: number;
  endMs?: number;
}

export interface OriginalFile {
  filename: string;
  mediaType: string;
  sha256: string;
  size: number;
}

/** Where a page of the original (a PDF) starts and ends in the text. */
export interface PageRange {
  /** 1-based page number. */
  page: number;
  start: number;
  end: number;
}

/** How a document came in, so a reader can judge what the text may have lost. */
export interface ImportInfo {
  /** Extractor that read the file: "text", "docx", "pdf", … */
  format?: string;
  /** Character encoding of a text file, as detected. */
  encoding?: string;
  /** Line endings of the original, before normalisation to LF. */
  lineEndings?: string;
  /** The original started with a byte-order mark (removed). */
  bom?: boolean;
  warnings?: string[];
}

/** A document without its text: what lists show. */
export interface DocumentSummary {
  id: DocumentId;
  name: string;
  language: Language | null;
  /** Length of the text in code points. */
  length: number;
  interviewId: InterviewId | null;
  caseId: CaseId | null;
  original: OriginalFile | null;
  importInfo: ImportInfo;
  createdAt: Timestamp;
}

export interface Document extends DocumentSummary {
  /** The canonical plain text every offset points into. */
  text: string;
  turns: SpeakerTurn[];
  pages: PageRange[];
}

export interface Code {
  id: CodeId;
  parentId: CodeId | null;
  name: string;
  /** #rrggbb */
  color: string;
  definition: string;
  inclusion: string;
  exclusion: string;
  example: string;
  /** False for pure categories and themes that only group other codes. */
  codable: boolean;
  position: number;
  /** Bumped by every change; an edit naming an older version is refused (optimistic concurrency). */
  version: number;
}

/** A passage of text quoted with its context so it can be re-anchored if offsets drift. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Segment {
  id: SegmentId;
  documentId: DocumentId;
  start: number;
  end: number;
  quote: TextQuote;
  version: number;
}

export interface Coding {
  id: CodingId;
  segmentId: SegmentId;
  codeId: CodeId;
  coderId: UserId;
  createdAt: Timestamp;
}

/** A coding joined with its segment, the shape analysis reads. */
export interface CodedSegment extends Coding {
  documentId: DocumentId;
  start: number;
  end: number;
  quote: TextQuote;
  segmentVersion: number;
}

export type MemoTarget =
  | { kind: 'project' }
  | { kind: 'document'; id: DocumentId }
  | { kind: 'case'; id: CaseId }
  | { kind: 'code'; id: CodeId }
  | { kind: 'segment'; id: SegmentId };
export type MemoTargetKind = MemoTarget['kind'];
export const MEMO_TARGET_KINDS: readonly MemoTargetKind[] = ['project', 'document', 'case', 'code', 'segment'];

export interface Memo {
  id: MemoId;
  target: MemoTarget;
  authorId: UserId;
  title: string;
  text: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  version: number;
}

export const ENTITY_KINDS = [
  'project',
  'user',
  'case',
  'attribute',
  'issue_area',
  'question',
  'interview',
  'document',
  'code',
  'segment',
  'coding',
  'memo',
  'framework_matrix',
  'framework_cell',
  'need',
  'barrier',
  'gap_status_codes',
  'gap_decision',
  'service_organisation',
  'service',
  'report_draft',
  'report_quote',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const CHANGE_ACTIONS = ['create', 'update', 'delete'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** One recorded mutation. `data` describes the change (never a document's text). */
export interface Change {
  seq: number;
  at: Timestamp;
  actor: Actor;
  action: ChangeAction;
  entity: EntityKind;
  entityId: Id;
  data: Record<string, unknown>;
}

export interface ProjectStats {
  sites: number;
  organisations: number;
  participants: number;
  interviews: number;
  documents: number;
  codes: number;
  codableCodes: number;
  segments: number;
  codings: number;
  coders: number;
  memos: number;
}

/** Where a coding sits, without its quote: what analyses over many codings read. */
export interface CodingRange {
  id: CodingId;
  segmentId: SegmentId;
  codeId: CodeId;
  coderId: UserId;
  documentId: DocumentId;
  start: number;
  end: number;
}

export type FrameworkMatrixId = Id;

/**
 * A framework matrix (Ritchie and Spencer's charting): cases of one kind as rows,
 * themes (codes, each with its sub-codes) as columns, an analyst's summary per cell.
 */
export interface FrameworkMatrix {
  id: FrameworkMatrixId;
  name: string;
  description: string;
  rowKind: CaseKind;
  themeIds: CodeId[];
  createdAt: Timestamp;
  version: number;
}

/** One cell's summary, linked to the coded segments it condenses. */
export interface FrameworkCell {
  matrixId: FrameworkMatrixId;
  caseId: CaseId;
  codeId: CodeId;
  summary: string;
  segmentIds: SegmentId[];
  authorId: UserId;
  updatedAt: Timestamp;
  /** Bumped by every edit (optimistic concurrency, as for codes and memos). */
  version: number;
}
