import { createHash } from 'node:crypto';
import type { Document, DocumentId, DocumentSummary, ImportInfo, Language, PageRange, SpeakerTurn } from '../../core/model.ts';
import type { Selectable } from 'kysely';
import { LANGUAGES } from '../../core/model.ts';
import { invalid, notFound } from '../../core/errors.ts';
import { codePointLength } from '../../core/text/offsets.ts';
import type { DocumentsTable } from '../schema.ts';
import type { NewDocument } from '../store.ts';
import { findCase } from './cases.ts';
import { listInterviews } from './interviews.ts';
import { type Ctx, inTransaction, newId, now, recordChange } from './context.ts';
import { indexNewDocument } from './search.ts';

const SUMMARY_COLUMNS = [
  'id', 'name', 'language', 'length', 'interview_id', 'case_id', 'original_filename',
  'original_media_type', 'original_sha256', 'original_size', 'import_info', 'created_at',
] as const;

type SummaryRow = Pick<Selectable<DocumentsTable>, (typeof SUMMARY_COLUMNS)[number]>;

const toSummary = (r: SummaryRow): DocumentSummary => ({
  id: r.id,
  name: r.name,
  language: r.language as Language | null,
  length: r.length,
  interviewId: r.interview_id,
  caseId: r.case_id,
  original:
    r.original_sha256 === null
      ? null
      : {
          filename: r.original_filename ?? '',
          mediaType: r.original_media_type ?? 'application/octet-stream',
          sha256: r.original_sha256,
          size: r.original_size ?? 0,
        },
  importInfo: JSON.parse(r.import_info) as ImportInfo,
  createdAt: r.created_at,
});

export async function listDocuments(ctx: Ctx): Promise<DocumentSummary[]> {
  const rows = await ctx.db
    .selectFrom('documents')
    .select(SUMMARY_COLUMNS)
    .where('project_id', '=', ctx.projectId)
    .orderBy('name')
    .execute();
  return rows.map(toSummary);
}

export async function getDocument(ctx: Ctx, id: DocumentId): Promise<Document> {
  const row = await ctx.db
    .selectFrom('documents')
    .selectAll()
    .where('project_id', '=', ctx.projectId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(`no document ${id} in this project`);
  return { ...toSummary(row), text: row.text, turns: JSON.parse(row.turns) as SpeakerTurn[], pages: JSON.parse(row.pages) as PageRange[] };
}

async function documentWhere(ctx: Ctx, column: 'id' | 'name', value: string): Promise<DocumentSummary | null> {
  const row = await ctx.db
    .selectFrom('documents')
    .select(SUMMARY_COLUMNS)
    .where('project_id', '=', ctx.projectId)
    .where(column, '=', value)
    .executeTakeFirst();
  return row ? toSummary(row) : null;
}

export async function findDocument(ctx: Ctx, ref: string): Promise<DocumentSummary> {
  const found = (await documentWhere(ctx, 'id', ref)) ?? (await documentWhere(ctx, 'name', ref));
  if (!found) throw notFound(`no document "${ref}" in this project`);
  return found;
}

export async function findDocumentBySha256(ctx: Ctx, sha256: string): Promise<DocumentSummary | null> {
  const row = await ctx.db
    .selectFrom('documents')
    .select(SUMMARY_COLUMNS)
    .where('project_id', '=', ctx.projectId)
    .where('original_sha256', '=', sha256.toLowerCase())
    .executeTakeFirst();
  return row ? toSummary(row) : null;
}

const isUtf8Of = (bytes: Uint8Array, text: string) =>
  bytes.byteLength === Buffer.byteLength(text) && Buffer.from(text).equals(bytes);

/**
 * The imported file's bytes: stored, or, when addDocument found them equal to the text, the
 * text in UTF-8, checked against the file's SHA-256 (a document from before originals were
 * kept has a hash but no bytes).
 */
export async function originalBytes(ctx: Ctx, id: DocumentId): Promise<Uint8Array | null> {
  const row = await ctx.db
    .selectFrom('document_originals')
    .select('bytes')
    .where('project_id', '=', ctx.projectId)
    .where('document_id', '=', id)
    .executeTakeFirst();
  if (row) return new Uint8Array(row.bytes);
  const document = await ctx.db.selectFrom('documents').select(['text', 'original_sha256']).where('project_id', '=', ctx.projectId).where('id', '=', id).executeTakeFirst();
  if (!document?.original_sha256) return null;
  const bytes = Buffer.from(document.text);
  return createHash('sha256').update(bytes).digest('hex') === document.original_sha256 ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : null;
}

/** Turns and pages must lie inside the text. */
function checkRanges(ranges: readonly { start: number; end: number }[], length: number, what: (i: number) => string): void {
  ranges.forEach((r, i) => {
    if (!Number.isSafeInteger(r.start) || !Number.isSafeInteger(r.end) || r.start < 0 || r.end > length || r.start > r.end) {
      throw invalid(`${what(i)} (${r.start}..${r.end}) is outside the text (0..${length})`);
    }
  });
}

/** The wanted name if free; else, when asked to, the first of "name (2)", "name (3)", … that is. */
async function freeName(ctx: Ctx, wanted: string, number: boolean): Promise<string> {
  for (let n = 1; ; n++) {
    const name = n === 1 ? wanted : `${wanted} (${n})`;
    if (!(await documentWhere(ctx, 'name', name))) return name;
    if (!number) throw invalid(`a document named "${name}" already exists`);
  }
}

export async function addDocument(ctx: Ctx, input: NewDocument): Promise<DocumentSummary> {
  const wanted = input.name.trim();
  if (!wanted) throw invalid('a document needs a name');
  const language = input.language ?? null;
  if (language !== null && !LANGUAGES.includes(language)) throw invalid(`document language must be one of ${LANGUAGES.join(', ')}`);
  const length = codePointLength(input.text);
  const turns = input.turns ?? [];
  const pages = input.pages ?? [];
  checkRanges(turns, length, (i) => `speaker turn of "${turns[i]!.speaker}"`);
  checkRanges(pages, length, (i) => `page ${pages[i]!.page}`);
  const original = input.original
    ? { ...input.original, sha256: input.original.sha256?.toLowerCase() ?? createHash('sha256').update(input.original.bytes).digest('hex') }
    : null;
  return inTransaction(ctx, async (tx) => {
    const name = await freeName(tx, wanted, input.numberTakenName === true);
    if (original) {
      const twin = await findDocumentBySha256(tx, original.sha256);
      if (twin) throw invalid(`the same file is already in the project as "${twin.name}"`);
    }
    if (input.caseId) await findCase(tx, input.caseId);
    if (input.interviewId && !(await listInterviews(tx)).some((i) => i.id === input.interviewId)) {
      throw notFound(`no interview ${input.interviewId} in this project`);
    }
    const id = newId();
    const row = {
      project_id: tx.projectId,
      id,
      name,
      language,
      text: input.text,
      length,
      turns: JSON.stringify(turns),
      pages: JSON.stringify(pages),
      import_info: JSON.stringify(input.importInfo ?? {}),
      interview_id: input.interviewId ?? null,
      case_id: input.caseId ?? null,
      original_filename: original?.filename ?? null,
      original_media_type: original?.mediaType ?? null,
      original_sha256: original?.sha256 ?? null,
      original_size: original?.bytes.byteLength ?? null,
      created_at: now(),
    };
    await tx.db.insertInto('documents').values(row).execute();
    await indexNewDocument(tx, id);
    // Bytes that are the text in UTF-8 (most plain-text transcripts) are not stored twice: originalBytes rebuilds them.
    if (original && !isUtf8Of(original.bytes, input.text)) {
      await tx.db
        .insertInto('document_originals')
        .values({ project_id: tx.projectId, document_id: id, bytes: Buffer.from(original.bytes.buffer, original.bytes.byteOffset, original.bytes.byteLength) })
        .execute();
    }
    const summary = toSummary(row);
    // The text itself stays out of the log: it is in the documents table, and logs get copied around.
    await recordChange(tx, 'create', 'document', id, { name, language, length, turns: turns.length, original: summary.original });
    return summary;
  });
}
