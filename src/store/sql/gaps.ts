// The gap matrix's stored parts: which codes qualify a need's passages as met, ad hoc
// or unmet, and analysts' decisions on need × site cells (a status with a note, always,
// versioned and logged so a reviewer sees who set what). The proposal itself is computed
// from the codings by analysis/gaps.ts.

import type { CaseId } from '../../core/model.ts';
import { EVIDENCED_STATUSES, GAP_STATUSES, type GapDecision, type GapStatus, type GapStatusCodes, type NeedId } from '../../core/needs.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import type { GapDecisionsTable } from '../schema.ts';
import type { GapDecisionInput } from '../store.ts';
import { type Ctx, assertUpdated, assertVersion, inTransaction, now, recordChange } from './context.ts';
import { listCases } from './cases.ts';
import { listCodes } from './codes.ts';
import { listNeeds } from './needs.ts';
import { findUser } from './users.ts';

export async function gapStatusCodes(ctx: Ctx): Promise<GapStatusCodes> {
  const rows = await ctx.db.selectFrom('gap_status_codes').select(['status', 'code_id']).where('project_id', '=', ctx.projectId).orderBy('status').orderBy('position').execute();
  const out: GapStatusCodes = { met: [], ad_hoc: [], unmet: [] };
  for (const r of rows) out[r.status as keyof GapStatusCodes].push(r.code_id);
  return out;
}

/** Replaces the status codes; a code qualifies one status only, so a passage is never both met and unmet by definition. */
export async function setGapStatusCodes(ctx: Ctx, codes: GapStatusCodes): Promise<GapStatusCodes> {
  const next: GapStatusCodes = { met: [...(codes.met ?? [])], ad_hoc: [...(codes.ad_hoc ?? [])], unmet: [...(codes.unmet ?? [])] };
  return inTransaction(ctx, async (tx) => {
    const known = new Set((await listCodes(tx)).map((c) => c.id));
    const seen = new Map<string, string>();
    for (const status of EVIDENCED_STATUSES) {
      for (const id of next[status]) {
        if (!known.has(id)) throw invalid(`gap status codes, ${status}: no code ${id} in the codebook`);
        const other = seen.get(id);
        if (other !== undefined) throw invalid(`gap status codes: code ${id} is given for both ${other} and ${status}`);
        seen.set(id, status);
      }
    }
    const before = await gapStatusCodes(tx);
    await tx.db.deleteFrom('gap_status_codes').where('project_id', '=', tx.projectId).execute();
    const rows = EVIDENCED_STATUSES.flatMap((status) => next[status].map((code_id, i) => ({ project_id: tx.projectId, status, code_id, position: i + 1 })));
    if (rows.length) await tx.db.insertInto('gap_status_codes').values(rows).execute();
    await recordChange(tx, 'update', 'gap_status_codes', tx.projectId, { before, after: next });
    return next;
  });
}

const toDecision = (r: GapDecisionsTable): GapDecision => ({
  needId: r.need_id,
  siteId: r.site_id,
  status: r.status as GapStatus,
  note: r.note,
  authorId: r.author_id,
  updatedAt: r.updated_at,
  version: r.version,
});

export async function listGapDecisions(ctx: Ctx): Promise<GapDecision[]> {
  const rows = await ctx.db.selectFrom('gap_decisions').selectAll().where('project_id', '=', ctx.projectId).orderBy('need_id').orderBy('site_id').execute();
  return rows.map(toDecision);
}

const cellId = (needId: NeedId, siteId: CaseId) => `${needId}/${siteId}`;

async function findDecision(ctx: Ctx, needId: NeedId, siteId: CaseId): Promise<GapDecision | undefined> {
  const row = await ctx.db
    .selectFrom('gap_decisions')
    .selectAll()
    .where('project_id', '=', ctx.projectId)
    .where('need_id', '=', needId)
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  return row ? toDecision(row) : undefined;
}

/** The need and the site of a cell, named for messages and the change log. */
async function cellOf(ctx: Ctx, needId: NeedId, siteId: CaseId): Promise<{ need: string; site: string }> {
  const need = (await listNeeds(ctx)).find((n) => n.id === needId);
  if (!need) throw notFound(`no need ${needId} in this project`);
  const site = (await listCases(ctx)).find((c) => c.id === siteId);
  if (!site) throw notFound(`no case ${siteId} in this project`);
  if (site.kind !== 'site') throw invalid(`gap decisions are per site, not per ${site.kind}: ${site.name}`);
  return { need: need.name, site: site.name };
}

export async function decideGap(ctx: Ctx, input: GapDecisionInput, expectedVersion?: number): Promise<GapDecision> {
  if (!GAP_STATUSES.includes(input.status)) throw invalid(`a gap status is one of ${GAP_STATUSES.join(', ')}, not "${input.status}"`);
  const note = (input.note ?? '').trim();
  if (!note) throw invalid('a gap decision needs a note saying why (the evidence, or why the proposal is overridden)');
  return inTransaction(ctx, async (tx) => {
    const names = await cellOf(tx, input.needId, input.siteId);
    const author = await findUser(tx, input.authorId);
    const current = await findDecision(tx, input.needId, input.siteId);
    const next: GapDecision = {
      needId: input.needId,
      siteId: input.siteId,
      status: input.status,
      note,
      authorId: author.id,
      updatedAt: now(),
      version: (current?.version ?? 0) + 1,
    };
    const values = { status: next.status, note: next.note, author_id: next.authorId, updated_at: next.updatedAt, version: next.version };
    if (current) {
      assertVersion(current, expectedVersion, `the decision on ${names.need} at ${names.site}`);
      const updated = await tx.db
        .updateTable('gap_decisions')
        .set(values)
        .where('project_id', '=', tx.projectId)
        .where('need_id', '=', next.needId)
        .where('site_id', '=', next.siteId)
        .where('version', '=', current.version)
        .executeTakeFirst();
      assertUpdated(updated, `the decision on ${names.need} at ${names.site}`);
    } else {
      if (expectedVersion !== undefined && expectedVersion !== 0) {
        throw conflict(`the decision on ${names.need} at ${names.site} was withdrawn by someone else: reload and try again`);
      }
      await tx.db.insertInto('gap_decisions').values({ project_id: tx.projectId, need_id: next.needId, site_id: next.siteId, ...values }).execute();
    }
    await recordChange(tx, current ? 'update' : 'create', 'gap_decision', cellId(next.needId, next.siteId), current ? { ...names, before: current, after: next } : { ...names, ...next });
    return next;
  });
}

export async function clearGapDecision(ctx: Ctx, needId: NeedId, siteId: CaseId): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const names = await cellOf(tx, needId, siteId);
    const current = await findDecision(tx, needId, siteId);
    if (!current) throw notFound(`no decision on ${names.need} at ${names.site} to withdraw`);
    await tx.db.deleteFrom('gap_decisions').where('project_id', '=', tx.projectId).where('need_id', '=', needId).where('site_id', '=', siteId).execute();
    await recordChange(tx, 'delete', 'gap_decision', cellId(needId, siteId), { ...names, ...current });
  });
}
