// Row shapes of the database, shared by both adapters. Every table but
// `projects` is keyed by (project_id, id) so a team server can shard by project.
// Booleans are 0/1 integers and JSON is text in both dialects, so one set of
// queries serves SQLite and PostgreSQL alike.

import type { Generated } from 'kysely';

export interface ProjectsTable {
  id: string;
  title: string;
  description: string;
  objectives: string; // JSON string[]
  definitions: string; // JSON WorkingDefinition[]
  languages: string; // JSON Language[]
  created_at: string;
  change_seq: Generated<number>;
}

export interface UsersTable {
  project_id: string;
  id: string;
  name: string;
  role: string;
  language: string | null;
}

export interface CasesTable {
  project_id: string;
  id: string;
  kind: string;
  name: string;
  parent_id: string | null;
  description: string;
}

export interface AttributesTable {
  project_id: string;
  id: string;
  name: string;
  type: string;
  case_kinds: string; // JSON CaseKind[]
  description: string;
}

export interface AttributeValuesTable {
  project_id: string;
  case_id: string;
  attribute_id: string;
  value: string; // JSON of the typed value
}

export interface IssueAreasTable {
  project_id: string;
  id: string;
  position: number;
  title: string;
  description: string;
}

export interface GuideQuestionsTable {
  project_id: string;
  id: string;
  area_id: string;
  position: number;
  text: string;
}

export interface InterviewsTable {
  project_id: string;
  id: string;
  participant_id: string;
  interviewer_id: string | null;
  date: string | null;
  mode: string;
  status: string;
  consent_recorded: number;
  notes: string;
}

export interface DocumentsTable {
  project_id: string;
  id: string;
  name: string;
  language: string | null;
  text: string;
  length: number;
  turns: string; // JSON SpeakerTurn[]
  interview_id: string | null;
  case_id: string | null;
  original_filename: string | null;
  original_media_type: string | null;
  original_sha256: string | null;
  original_size: number | null;
  created_at: string;
  pages: Generated<string>; // JSON PageRange[]
  import_info: Generated<string>; // JSON ImportInfo
}

export interface DocumentOriginalsTable {
  project_id: string;
  document_id: string;
  bytes: Uint8Array;
}

export interface CodesTable {
  project_id: string;
  id: string;
  parent_id: string | null;
  name: string;
  color: string;
  definition: string;
  inclusion: string;
  exclusion: string;
  example: string;
  codable: number;
  position: number;
  version: number;
}

export interface SegmentsTable {
  project_id: string;
  id: string;
  document_id: string;
  start_cp: number;
  end_cp: number;
  exact: string;
  prefix: string;
  suffix: string;
  version: number;
}

export interface CodingsTable {
  project_id: string;
  id: string;
  segment_id: string;
  code_id: string;
  coder_id: string;
  created_at: string;
}

export interface MemosTable {
  project_id: string;
  id: string;
  target_kind: string;
  target_id: string | null;
  author_id: string;
  title: string;
  text: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ChangeLogTable {
  project_id: string;
  seq: number;
  at: string;
  actor_user_id: string | null;
  actor_system: string | null;
  action: string;
  entity: string;
  entity_id: string;
  data: string; // JSON
}

export interface ServiceOrganisationsTable {
  project_id: string;
  id: string;
  name: string;
  description: string;
  site_id: string;
  case_id: string | null;
  type: string;
  populations: string; // JSON string[]
  languages: string; // JSON string[]
  email: string;
  phone: string;
  url: string;
  created_at: string;
  version: number;
}

export interface ServicesTable {
  project_id: string;
  id: string;
  organisation_id: string;
  name: string;
  description: string;
  version: number;
}

export interface ServiceNeedsTable {
  project_id: string;
  service_id: string;
  need_id: string;
  position: number;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

// Migration 007: needs and barriers catalogues, gap status codes and decisions, the report draft.
export interface NeedsTable {
  project_id: string;
  id: string;
  name: string;
  description: string;
  horizon: string;
  purpose: string;
  position: number;
  version: number;
}

export interface BarriersTable {
  project_id: string;
  id: string;
  name: string;
  description: string;
  position: number;
  version: number;
}

export interface NeedCodesTable {
  project_id: string;
  need_id: string;
  code_id: string;
  position: number;
}

export interface BarrierCodesTable {
  project_id: string;
  barrier_id: string;
  code_id: string;
  position: number;
}

export interface GapStatusCodesTable {
  project_id: string;
  status: string;
  code_id: string;
  position: number;
}

export interface GapDecisionsTable {
  project_id: string;
  need_id: string;
  site_id: string;
  status: string;
  note: string;
  author_id: string;
  updated_at: string;
  version: number;
}

export interface ReportDraftsTable {
  project_id: string;
  summary: string;
  recommendations: string; // JSON string[]
  comparison: string;
  updated_at: string;
  version: number;
}

export interface ReportQuotesTable {
  project_id: string;
  segment_id: string;
  code_id: string;
  position: number;
  chosen_by: string;
}

export interface Database {
  projects: ProjectsTable;
  users: UsersTable;
  cases: CasesTable;
  attributes: AttributesTable;
  attribute_values: AttributeValuesTable;
  issue_areas: IssueAreasTable;
  guide_questions: GuideQuestionsTable;
  interviews: InterviewsTable;
  documents: DocumentsTable;
  document_originals: DocumentOriginalsTable;
  codes: CodesTable;
  segments: SegmentsTable;
  codings: CodingsTable;
  memos: MemosTable;
  change_log: ChangeLogTable;
  schema_migrations: SchemaMigrationsTable;
  service_organisations: ServiceOrganisationsTable;
  services: ServicesTable;
  service_needs: ServiceNeedsTable;
  needs: NeedsTable;
  need_codes: NeedCodesTable;
  barriers: BarriersTable;
  barrier_codes: BarrierCodesTable;
  gap_status_codes: GapStatusCodesTable;
  gap_decisions: GapDecisionsTable;
  report_drafts: ReportDraftsTable;
  report_quotes: ReportQuotesTable;
}
