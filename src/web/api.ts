// The web UI's only door to the server: one typed function per API route.
// Shapes come from core, so the UI, the server and the CLI speak one model.

import type {
  AttributeDefinition,
  Case,
  Change,
  CodedSegment,
  Code,
  Document,
  Interview,
  IssueArea,
  Language,
  Memo,
  MemoTarget,
  Project,
  ProjectStats,
  Segment,
  User,
} from '../core/model.ts';
import type { CodeWithCounts, CoderProgress, DocumentRow, RetrievedSegment, SiteInterviewProgress } from '../core/read-models.ts';
import type { FileOutcome } from '../import/pipeline.ts';
import type { CodePatch, NewCode } from '../store/store.ts';
import type { ExchangeReport } from '../exchange/report.ts';
import type { AgreementReport, AgreementUnit } from '../analysis/agreement.ts';

export type ApiErrorKind = 'invalid' | 'not_found' | 'conflict' | 'server';

/** An error the server answered with; `kind` says what to do (fix input, reload, retry). */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

let actingUser: string | null = null;

/** Who the following requests act for: the change log records them as that user. */
export const setActingUser = (userId: string | null) => {
  actingUser = userId;
};

/** One request to the API (path after /api); views with their own client module (views/<view>/api.ts) build on it. */
export async function call<T>(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = actingUser ? { 'x-crosswise-user': actingUser } : {};
  let payload: BodyInit | undefined;
  if (body instanceof Blob || body instanceof ArrayBuffer) {
    headers['content-type'] = 'application/octet-stream';
    payload = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`/api${path}`, { method, headers, body: payload ?? null, ...init });
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => null)) as { error?: { kind: ApiErrorKind; message: string } } | null;
  if (!res.ok) throw new ApiError(json?.error?.kind ?? 'server', json?.error?.message ?? res.statusText, res.status);
  return json as T;
}

/** A query string from the parameters that have a value. */
export const q = (params: Record<string, string | number | boolean | undefined>) => {
  const entries = Object.entries(params).filter((e): e is [string, string | number | boolean] => e[1] !== undefined && e[1] !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
};

export type { NewCode as NewCodeInput, CodePatch as CodeChanges } from '../store/store.ts';

export interface RetrievalFilter {
  coderId?: string;
  siteId?: string;
  /** Case attribute filter: name=value (as typed, e.g. "Organisation type=Shelter"). */
  attribute?: string;
  /** Include codings of the code's descendants. */
  descendants?: boolean;
}

export function api(projectId: string) {
  const p = `/projects/${encodeURIComponent(projectId)}`;
  return {
    project: () => call<{ project: Project; stats: ProjectStats }>('GET', p),
    users: () => call<User[]>('GET', `${p}/users`),
    setUserLanguage: (userId: string, language: Language) => call<User>('PATCH', `${p}/users/${userId}`, { language }),
    cases: () => call<Case[]>('GET', `${p}/cases`),
    attributes: () => call<AttributeDefinition[]>('GET', `${p}/attributes`),
    guide: () => call<IssueArea[]>('GET', `${p}/guide`),
    interviews: () => call<Interview[]>('GET', `${p}/interviews`),
    progress: () => call<{ coders: CoderProgress[]; sites: SiteInterviewProgress[] }>('GET', `${p}/progress`),

    documents: () => call<DocumentRow[]>('GET', `${p}/documents`),
    document: (id: string) => call<Document>('GET', `${p}/documents/${id}`),
    documentCodings: (id: string) => call<CodedSegment[]>('GET', `${p}/documents/${id}/codings`),
    /** Imports one file through the import pipeline; the entry says imported, duplicate or failed (with the reason). */
    importFile: (file: File, options: { caseName?: string; siteName?: string } = {}) =>
      call<FileOutcome>('POST', `${p}/documents/import${q({ filename: file.name, case: options.caseName, site: options.siteName })}`, file),

    codes: () => call<CodeWithCounts[]>('GET', `${p}/codes`),
    createCode: (input: NewCode) => call<Code>('POST', `${p}/codes`, input),
    /** `version` is the version the edit was based on; a stale one gives ApiError kind 'conflict' (409). */
    updateCode: (id: string, version: number, changes: CodePatch) => call<Code>('PATCH', `${p}/codes/${id}`, { version, ...changes }),
    deleteCode: (id: string) => call<void>('DELETE', `${p}/codes/${id}`),
    /** Moves every coding of `id` to `into` (duplicates collapse) and deletes `id`; returns the target. */
    mergeCode: (id: string, into: string) => call<Code>('POST', `${p}/codes/${id}/merge`, { into }),
    retrieve: (codeId: string, filter: RetrievalFilter = {}) =>
      call<RetrievedSegment[]>('GET', `${p}/codes/${codeId}/segments${q({ ...filter })}`),

    applyCode: (input: { documentId: string; start: number; end: number; codeId: string; coderId: string }) =>
      call<CodedSegment>('POST', `${p}/codings`, input),
    segment: (id: string) => call<Segment>('GET', `${p}/segments/${id}`),
    removeCoding: (id: string) => call<void>('DELETE', `${p}/codings/${id}`),
    /**
     * Moves one coding's boundaries (code points). Other coders' codings of the same passage stay put.
     * `segmentVersion` is the version of the segment the drag started from (409 if it changed).
     */
    resizeCoding: (id: string, segmentVersion: number, start: number, end: number) =>
      call<CodedSegment>('PATCH', `${p}/codings/${id}`, { segmentVersion, start, end }),

    memos: () => call<Memo[]>('GET', `${p}/memos`),
    addMemo: (input: { target: MemoTarget; authorId: string; title?: string; text: string }) => call<Memo>('POST', `${p}/memos`, input),
    updateMemo: (id: string, version: number, changes: { title?: string; text?: string }) => call<Memo>('PATCH', `${p}/memos/${id}`, { version, ...changes }),
    deleteMemo: (id: string) => call<void>('DELETE', `${p}/memos/${id}`),

    /** Agreement between coders (at least two ids), per code and overall, with the disagreements. */
    agreement: (coderIds: string[], options: { unit?: AgreementUnit; onlyCoded?: boolean; codeIds?: string[] } = {}) =>
      call<AgreementReport>(
        'GET',
        `${p}/agreement${q({ coders: coderIds.join(','), unit: options.unit, onlyCoded: options.onlyCoded, codes: options.codeIds?.join(',') })}`,
      ),

    /** Where the browser downloads the project as a REFI-QDA project (.qdpx) or codebook (.qdc). */
    exportUrl: (format: 'qdpx' | 'qdc') => `/api${p}/exports/${format}`,
    /** What an export carries and what REFI-QDA cannot (the data-loss report). */
    exportReport: (format: 'qdpx' | 'qdc') => call<ExchangeReport>('GET', `${p}/exports/${format}/report`),
    /** Imports a REFI-QDA codebook (.qdc) into this project. */
    importCodebook: (file: File) => call<ExchangeReport>('POST', `${p}/codebook/import`, file),

    changes: (afterSeq?: number) => call<Change[]>('GET', `${p}/changes${q({ after: afterSeq })}`),
  };
}

export type Api = ReturnType<typeof api>;

export const listProjects = () => call<Project[]>('GET', '/projects');

/** Imports a REFI-QDA project (.qdpx or .qde) as a new project. */
export const importProject = (file: File, title?: string) =>
  call<{ project: Project; report: ExchangeReport }>('POST', `/projects/import${q({ title })}`, file);
