import { createHash } from 'node:crypto';
import type { Document, DocumentId, DocumentSummary, Language, SpeakerTurn } from '../../core/model.ts';
import { LANGUAGES } from '../../core/model.ts';
import { invalid, notFound } from '../../core/errors.ts';
import { codePointLength } from '../../core/text/offsets.ts';
import type { DocumentsTable } from '../schema.ts';
import type { NewDocument } from '../store.ts';
import { findCase } from './cases.ts';
import { listInterviews } from './interviews.ts';
import { type Ctx, inTransaction, newId, now, recordChange } from './context.ts';

const SUMMARY_COLUMNS = [
  'id', 'name', 'language', 'length', 'interview_id', 'case_id', 'original_filename',
  'original_media_type', 'original_sha256', 'original_size', 'created_at',
] as const;

type SummaryRow = Pick<DocumentsTable, (typeof SUMMARY_COLUMNS)[number]>;

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
  return { ...toSummary(row), text: row.text, turns: JSON.parse(row.turns) as SpeakerTurn[] };
}

export async function findDocument(ctx: Ctx, ref: string): Promise<DocumentSummary> {
  const docs = await listDocuments(ctx);
  const found = docs.find((d) => d.id === ref) ?? docs.find((d) => d.name === ref);
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

export async function originalBytes(ctx: Ctx, id: DocumentId): Promise<Uint8Array | null> {
  const row = await ctx.db
    .selectFrom('document_originals')
    .select('bytes')
    .where('project_id', '=', ctx.projectId)
    .where('document_id', '=', id)
    .executeTakeFirst();
  return row ? new Uint8Array(row.bytes) : null;
}

function checkTurns(turns: readonly SpeakerTurn[], length: number): void {
  for (const t of turns) {
    if (!Number.isSafeInteger(t.start) || !Number.isSafeInteger(t.end) || t.start < 0 || t.end > length || t.start > t.end) {
      throw invalid(`speaker turn of "${t.speaker}" (${t.start}..${t.end}) is outside the text (0..${length})`);
    }
  }
}

export async function addDocument(ctx: Ctx, input: NewDocument): Promise<DocumentSummary> {
  const name = input.name.trim();
  if (!name) throw invalid('a document needs a name');
  const language = input.language ?? null;
  if (language !== null && !LANGUAGES.includes(language)) throw invalid(`document language must be one of ${LANGUAGES.join(', ')}`);
  const length = codePointLength(input.text);
  const turns = input.turns ?? [];
  checkTurns(turns, length);
  const original = input.original
    ? { ...input.original, sha256: createHash('sha256').update(input.original.bytes).digest('hex') }
    : null;
  return inTransaction(ctx, async (tx) => {
    if ((await listDocuments(tx)).some((d) => d.name === name)) throw invalid(`a document named "${name}" already exists`);
    if (original) {
      const twin = await findDocumentBySha256(tx, original.sha256);
      if (twin) throw invalid(`the same file is already in the project as "${twin.name}"`);
    }
    if (input.caseId) await findCase(tx, input.caseId);
    if (input.interviewId && !(await listInterviews(tx)).some((i) => i.id === input.interviewId)) {
      throw notFound(`no interview ${input.interviewId} in this project`);
    }
    const id = newId();
    await tx.db
      .insertInto('documents')
      .values({
        project_id: tx.projectId,
        id,
        name,
        language,
        text: input.text,
        length,
        turns: JSON.stringify(turns),
        interview_id: input.interviewId ?? null,
        case_id: input.caseId ?? null,
        original_filename: original?.filename ?? null,
        original_media_type: original?.mediaType ?? null,
        original_sha256: original?.sha256 ?? null,
        original_size: original?.bytes.byteLength ?? null,
        created_at: now(),
      })
      .execute();
    if (original) {
      await tx.db
        .insertInto('document_originals')
        .values({ project_id: tx.projectId, document_id: id, bytes: Buffer.from(original.bytes.buffer, original.bytes.byteOffset, original.bytes.byteLength) })
        .execute();
    }
    const summary = await findDocument(tx, id);
    // The text itself stays out of the log: it is in the documents table, and logs get copied around.
    await recordChange(tx, 'create', 'document', id, { name, language, length, turns: turns.length, original: summary.original });
    return summary;
  });
}
