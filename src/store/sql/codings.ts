import type { CodedSegment, CodingId, DocumentId, Segment, SegmentId } from '../../core/model.ts';
import { notFound } from '../../core/errors.ts';
import { assertCodable, checkSegmentRange } from '../../core/invariants/segments.ts';
import { CodePointIndex } from '../../core/text/offsets.ts';
import { quoteOf } from '../../core/text/quote.ts';
import type { CodingFilter, NewCoding } from '../store.ts';
import { dropUnbackedQuotes } from './report-draft.ts';
import { type Ctx, assertVersion, inTransaction, newId, now, recordChange } from './context.ts';
import { getDocument } from './documents.ts';
import { findCode } from './codes.ts';
import { findUser } from './users.ts';

function codedSegments(ctx: Ctx) {
  return ctx.db
    .selectFrom('codings as c')
    .innerJoin('segments as s', (j) => j.onRef('s.project_id', '=', 'c.project_id').onRef('s.id', '=', 'c.segment_id'))
    .select([
      'c.id', 'c.segment_id', 'c.code_id', 'c.coder_id', 'c.created_at',
      's.document_id', 's.start_cp', 's.end_cp', 's.exact', 's.prefix', 's.suffix', 's.version',
    ])
    .where('c.project_id', '=', ctx.projectId);
}

type CodedRow = Awaited<ReturnType<ReturnType<typeof codedSegments>['executeTakeFirstOrThrow']>>;

const toCodedSegment = (r: CodedRow): CodedSegment => ({
  id: r.id,
  segmentId: r.segment_id,
  codeId: r.code_id,
  coderId: r.coder_id,
  createdAt: r.created_at,
  documentId: r.document_id,
  start: r.start_cp,
  end: r.end_cp,
  quote: { exact: r.exact, prefix: r.prefix, suffix: r.suffix },
  segmentVersion: r.version,
});

export async function listCodings(ctx: Ctx, filter: CodingFilter = {}): Promise<CodedSegment[]> {
  let query = codedSegments(ctx);
  if (filter.documentId) query = query.where('s.document_id', '=', filter.documentId);
  if (filter.codeId) query = query.where('c.code_id', '=', filter.codeId);
  if (filter.codeIds) query = query.where('c.code_id', 'in', filter.codeIds.length ? filter.codeIds : ['']);
  if (filter.coderId) query = query.where('c.coder_id', '=', filter.coderId);
  const rows = await query.orderBy('s.document_id').orderBy('s.start_cp').orderBy('s.end_cp').orderBy('c.id').execute();
  return rows.map(toCodedSegment);
}

export async function getSegment(ctx: Ctx, id: SegmentId): Promise<Segment> {
  const r = await ctx.db.selectFrom('segments').selectAll().where('project_id', '=', ctx.projectId).where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound(`no segment ${id} in this project`);
  return { id: r.id, documentId: r.document_id, start: r.start_cp, end: r.end_cp, quote: { exact: r.exact, prefix: r.prefix, suffix: r.suffix }, version: r.version };
}

/** The segment of a document with exactly this range, if there is one (a range is one segment). */
async function segmentWithRange(ctx: Ctx, documentId: DocumentId, start: number, end: number): Promise<SegmentId | undefined> {
  const segment = await ctx.db
    .selectFrom('segments')
    .select('id')
    .where('project_id', '=', ctx.projectId)
    .where('document_id', '=', documentId)
    .where('start_cp', '=', start)
    .where('end_cp', '=', end)
    .executeTakeFirst();
  return segment?.id;
}

/** The segment of a document with exactly this range, created (with its quote) if there is none. */
async function segmentAt(ctx: Ctx, doc: { id: DocumentId; text: string }, start: number, end: number): Promise<SegmentId> {
  const existing = await segmentWithRange(ctx, doc.id, start, end);
  if (existing) return existing;
  const id = newId();
  const quote = quoteOf(new CodePointIndex(doc.text), start, end);
  await ctx.db
    .insertInto('segments')
    .values({ project_id: ctx.projectId, id, document_id: doc.id, start_cp: start, end_cp: end, ...quote, version: 1 })
    .execute();
  await recordChange(ctx, 'create', 'segment', id, { documentId: doc.id, start, end });
  return id;
}

export async function applyCode(ctx: Ctx, input: NewCoding): Promise<CodedSegment> {
  return inTransaction(ctx, async (tx) => {
    const doc = await getDocument(tx, input.documentId);
    checkSegmentRange(input.start, input.end, doc.length, `"${doc.name}"`);
    const code = await findCode(tx, input.codeId);
    assertCodable(code);
    const coder = await findUser(tx, input.coderId);
    const segmentId = await segmentAt(tx, doc, input.start, input.end);
    const existing = await codedSegments(tx)
      .where('c.segment_id', '=', segmentId)
      .where('c.code_id', '=', code.id)
      .where('c.coder_id', '=', coder.id)
      .executeTakeFirst();
    if (existing) return toCodedSegment(existing);
    const id = newId();
    await tx.db
      .insertInto('codings')
      .values({ project_id: tx.projectId, id, segment_id: segmentId, code_id: code.id, coder_id: coder.id, created_at: input.createdAt ?? now() })
      .execute();
    await recordChange(tx, 'create', 'coding', id, { segmentId, codeId: code.id, coderId: coder.id });
    return toCodedSegment(await codedSegments(tx).where('c.id', '=', id).executeTakeFirstOrThrow());
  });
}

/** Removes segments left without codings or memos, so no empty selections linger. */
export async function pruneUncodedSegments(ctx: Ctx, segmentIds: readonly SegmentId[]): Promise<void> {
  for (const id of new Set(segmentIds)) {
    const coded = await ctx.db
      .selectFrom('codings')
      .select('id')
      .where('project_id', '=', ctx.projectId)
      .where('segment_id', '=', id)
      .executeTakeFirst();
    const memo = await ctx.db
      .selectFrom('memos')
      .select('id')
      .where('project_id', '=', ctx.projectId)
      .where('target_kind', '=', 'segment')
      .where('target_id', '=', id)
      .executeTakeFirst();
    if (coded || memo) continue;
    const removed = await ctx.db
      .deleteFrom('segments')
      .where('project_id', '=', ctx.projectId)
      .where('id', '=', id)
      .returning(['document_id', 'start_cp', 'end_cp'])
      .executeTakeFirst();
    if (removed) {
      await recordChange(ctx, 'delete', 'segment', id, { documentId: removed.document_id, start: removed.start_cp, end: removed.end_cp });
    }
  }
}

export async function removeCoding(ctx: Ctx, id: CodingId): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const coding = await codedSegments(tx).where('c.id', '=', id).executeTakeFirst();
    if (!coding) throw notFound(`no coding ${id} in this project`);
    await tx.db.deleteFrom('codings').where('project_id', '=', tx.projectId).where('id', '=', id).execute();
    await recordChange(tx, 'delete', 'coding', id, { segmentId: coding.segment_id, codeId: coding.code_id, coderId: coding.coder_id });
    await dropUnbackedQuotes(tx, [coding.segment_id]);
    await pruneUncodedSegments(tx, [coding.segment_id]);
  });
}

/**
 * Moves one coding to a new range of its document. The segment moves with it when the
 * coding is alone on it (memos on the segment follow); otherwise the coding leaves the
 * segment, so other codes' and other coders' codings of the passage stay where they were.
 * A coding that lands where the same code and coder already coded collapses into that one.
 */
export async function resizeCoding(ctx: Ctx, id: CodingId, start: number, end: number, expectedSegmentVersion?: number): Promise<CodedSegment> {
  return inTransaction(ctx, async (tx) => {
    const coding = await codedSegments(tx).where('c.id', '=', id).executeTakeFirst();
    if (!coding) throw notFound(`no coding ${id} in this project`);
    assertVersion({ version: coding.version }, expectedSegmentVersion, 'this passage');
    const doc = await getDocument(tx, coding.document_id);
    checkSegmentRange(start, end, doc.length, `"${doc.name}"`);
    if (start === coding.start_cp && end === coding.end_cp) return toCodedSegment(coding);
    const others = await tx.db
      .selectFrom('codings')
      .select('id')
      .where('project_id', '=', tx.projectId)
      .where('segment_id', '=', coding.segment_id)
      .where('id', '!=', id)
      .executeTakeFirst();
    const occupied = await segmentWithRange(tx, doc.id, start, end);
    const before = { start: coding.start_cp, end: coding.end_cp };
    if (!others && !occupied) {
      const quote = quoteOf(new CodePointIndex(doc.text), start, end);
      await tx.db
        .updateTable('segments')
        .set({ start_cp: start, end_cp: end, ...quote, version: coding.version + 1 })
        .where('project_id', '=', tx.projectId)
        .where('id', '=', coding.segment_id)
        .execute();
      await recordChange(tx, 'update', 'segment', coding.segment_id, { before, after: { start, end } });
      return toCodedSegment(await codedSegments(tx).where('c.id', '=', id).executeTakeFirstOrThrow());
    }
    const segmentId = occupied ?? (await segmentAt(tx, doc, start, end));
    const twin = await codedSegments(tx)
      .where('c.segment_id', '=', segmentId)
      .where('c.code_id', '=', coding.code_id)
      .where('c.coder_id', '=', coding.coder_id)
      .executeTakeFirst();
    if (twin) await tx.db.deleteFrom('codings').where('project_id', '=', tx.projectId).where('id', '=', id).execute();
    else await tx.db.updateTable('codings').set({ segment_id: segmentId }).where('project_id', '=', tx.projectId).where('id', '=', id).execute();
    if (!others) {
      // The old segment is left empty: its memos go with the coding to the new range.
      await tx.db
        .updateTable('memos')
        .set({ target_id: segmentId })
        .where('project_id', '=', tx.projectId)
        .where('target_kind', '=', 'segment')
        .where('target_id', '=', coding.segment_id)
        .execute();
    }
    await recordChange(tx, 'update', 'coding', id, { before: { segmentId: coding.segment_id, ...before }, after: { segmentId, start, end }, collapsedInto: twin?.id });
    await dropUnbackedQuotes(tx, [coding.segment_id]);
    await pruneUncodedSegments(tx, [coding.segment_id]);
    return toCodedSegment(twin ?? (await codedSegments(tx).where('c.id', '=', id).executeTakeFirstOrThrow()));
  });
}
