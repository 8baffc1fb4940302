// What the analyst writes for the findings report (summary, recommendations, comparison:
// one versioned row per project) and the quotes they choose for it, ordered per theme.
// The change log names each quote's segment and theme, never its text.

import type { CodeId, SegmentId, UserId } from '../../core/model.ts';
import type { ReportDraft, ReportQuote } from '../../core/findings.ts';
import { invalid, notFound } from '../../core/errors.ts';
import { PATH_SEPARATOR, pathOf, subtreeOf } from '../../core/invariants/tree.ts';
import type { ReportDraftPatch } from '../store.ts';
import { type Ctx, assertUpdated, assertVersion, inTransaction, now, recordChange } from './context.ts';
import { listCodes } from './codes.ts';
import { getSegment } from './codings.ts';
import { findUser } from './users.ts';

/** Quotes grouped by theme in codebook order, each theme's in its printed order. */
async function listQuotes(ctx: Ctx): Promise<ReportQuote[]> {
  const rows = await ctx.db.selectFrom('report_quotes').selectAll().where('project_id', '=', ctx.projectId).orderBy('position').execute();
  const order = new Map((await listCodes(ctx)).map((c, i) => [c.id, i]));
  return rows
    .map((r) => ({ segmentId: r.segment_id, codeId: r.code_id, position: r.position, chosenBy: r.chosen_by }))
    .sort((a, b) => order.get(a.codeId)! - order.get(b.codeId)! || a.position - b.position);
}

export async function reportDraft(ctx: Ctx): Promise<ReportDraft> {
  const row = await ctx.db.selectFrom('report_drafts').selectAll().where('project_id', '=', ctx.projectId).executeTakeFirst();
  const quotes = await listQuotes(ctx);
  if (!row) return { summary: '', recommendations: [], comparison: '', quotes, updatedAt: null, version: 0 };
  return {
    summary: row.summary,
    recommendations: JSON.parse(row.recommendations) as string[],
    comparison: row.comparison,
    quotes,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

function checkRecommendations(list: unknown): string[] {
  if (!Array.isArray(list)) throw invalid('recommendations must be a list of texts');
  return list.map((r, i) => {
    const text = typeof r === 'string' ? r.trim() : '';
    if (!text) throw invalid(`recommendation ${i + 1} is empty`);
    return text;
  });
}

export async function updateReportDraft(ctx: Ctx, patch: ReportDraftPatch, expectedVersion?: number): Promise<ReportDraft> {
  const recommendations = patch.recommendations === undefined ? undefined : checkRecommendations(patch.recommendations);
  return inTransaction(ctx, async (tx) => {
    const current = await reportDraft(tx);
    assertVersion(current, expectedVersion, 'the report draft');
    const next: ReportDraft = {
      ...current,
      summary: patch.summary ?? current.summary,
      recommendations: recommendations ?? current.recommendations,
      comparison: patch.comparison ?? current.comparison,
      updatedAt: now(),
      version: current.version + 1,
    };
    const values = { summary: next.summary, recommendations: JSON.stringify(next.recommendations), comparison: next.comparison, updated_at: next.updatedAt!, version: next.version };
    if (current.version === 0) {
      await tx.db.insertInto('report_drafts').values({ project_id: tx.projectId, ...values }).execute();
    } else {
      const updated = await tx.db.updateTable('report_drafts').set(values).where('project_id', '=', tx.projectId).where('version', '=', current.version).executeTakeFirst();
      assertUpdated(updated, 'the report draft');
    }
    const { quotes: _before, ...before } = current;
    const { quotes: _after, ...after } = next;
    await recordChange(tx, current.version === 0 ? 'create' : 'update', 'report_draft', tx.projectId, { before, after });
    return next;
  });
}

const quoteId = (segmentId: SegmentId, codeId: CodeId) => `${segmentId}/${codeId}`;

/** Shifts the positions of a theme's quotes at or after `from` by `by`. */
async function shiftQuotes(ctx: Ctx, codeId: CodeId, from: number, by: 1 | -1): Promise<void> {
  await ctx.db
    .updateTable('report_quotes')
    .set((eb) => ({ position: eb('position', '+', by) }))
    .where('project_id', '=', ctx.projectId)
    .where('code_id', '=', codeId)
    .where('position', '>=', from)
    .execute();
}

/**
 * Drops the chosen quotes on these segments that their theme no longer backs (no coding of the
 * theme or a code under it is left on the passage), closing the gap in their theme's order, so
 * a report never prints a quote under a finding it has stopped illustrating. Run by every
 * change that takes codings off a passage, before emptied segments are pruned.
 */
export async function dropUnbackedQuotes(ctx: Ctx, segmentIds: readonly SegmentId[]): Promise<void> {
  const segments = new Set(segmentIds);
  const quotes = (await listQuotes(ctx)).filter((q) => segments.has(q.segmentId));
  if (quotes.length === 0) return;
  const codes = await listCodes(ctx);
  const codings = await ctx.db
    .selectFrom('codings')
    .select(['segment_id', 'code_id'])
    .where('project_id', '=', ctx.projectId)
    .where('segment_id', 'in', [...new Set(quotes.map((q) => q.segmentId))])
    .execute();
  // Last first, so that closing one gap leaves the positions of the others as read.
  for (const quote of quotes.sort((a, b) => b.position - a.position)) {
    const theme = subtreeOf(codes, quote.codeId);
    if (codings.some((c) => c.segment_id === quote.segmentId && theme.has(c.code_id))) continue;
    await ctx.db.deleteFrom('report_quotes').where('project_id', '=', ctx.projectId).where('segment_id', '=', quote.segmentId).where('code_id', '=', quote.codeId).execute();
    await shiftQuotes(ctx, quote.codeId, quote.position + 1, -1);
    await recordChange(ctx, 'delete', 'report_quote', quoteId(quote.segmentId, quote.codeId), { ...quote, reason: 'no longer coded with its theme' });
  }
}

export async function chooseReportQuote(
  ctx: Ctx,
  input: { segmentId: SegmentId; codeId: CodeId; position?: number; chosenBy?: UserId },
): Promise<ReportDraft> {
  return inTransaction(ctx, async (tx) => {
    const chooser = input.chosenBy ?? ('userId' in tx.actor ? tx.actor.userId : undefined);
    if (chooser === undefined) throw invalid('a report quote is chosen by a user: say who chooses it');
    const chosenBy = (await findUser(tx, chooser)).id;
    const segment = await getSegment(tx, input.segmentId);
    const codes = await listCodes(tx);
    const code = codes.find((c) => c.id === input.codeId);
    if (!code) throw notFound(`no code ${input.codeId} in the codebook`);
    const theme = subtreeOf(codes, code.id);
    const coded = await tx.db
      .selectFrom('codings')
      .select('id')
      .where('project_id', '=', tx.projectId)
      .where('segment_id', '=', segment.id)
      .where('code_id', 'in', [...theme])
      .executeTakeFirst();
    const path = pathOf(codes, code.id).join(PATH_SEPARATOR);
    if (!coded) throw invalid(`segment ${segment.id} is not coded with "${path}" or a code under it, so it cannot illustrate it`);
    const mine = (await listQuotes(tx)).filter((q) => q.codeId === code.id);
    if (mine.some((q) => q.segmentId === segment.id)) return reportDraft(tx);
    if (input.position !== undefined && !(Number.isInteger(input.position) && input.position >= 1)) {
      throw invalid(`a quote's position is a whole number from 1, not ${input.position}`);
    }
    const position = Math.min(input.position ?? mine.length + 1, mine.length + 1);
    await shiftQuotes(tx, code.id, position, 1);
    await tx.db.insertInto('report_quotes').values({ project_id: tx.projectId, segment_id: segment.id, code_id: code.id, position, chosen_by: chosenBy }).execute();
    await recordChange(tx, 'create', 'report_quote', quoteId(segment.id, code.id), { segmentId: segment.id, codeId: code.id, theme: path, position, chosenBy });
    return reportDraft(tx);
  });
}

export async function removeReportQuote(ctx: Ctx, segmentId: SegmentId, codeId: CodeId): Promise<ReportDraft> {
  return inTransaction(ctx, async (tx) => {
    const quote = (await listQuotes(tx)).find((q) => q.segmentId === segmentId && q.codeId === codeId);
    if (!quote) throw notFound(`segment ${segmentId} is not a chosen quote for code ${codeId}`);
    await tx.db.deleteFrom('report_quotes').where('project_id', '=', tx.projectId).where('segment_id', '=', segmentId).where('code_id', '=', codeId).execute();
    await shiftQuotes(tx, codeId, quote.position + 1, -1);
    await recordChange(tx, 'delete', 'report_quote', quoteId(segmentId, codeId), { ...quote });
    return reportDraft(tx);
  });
}
