import type { Memo, MemoId, MemoTarget, MemoTargetKind } from '../../core/model.ts';
import { MEMO_TARGET_KINDS } from '../../core/model.ts';
import { invalid, notFound } from '../../core/errors.ts';
import type { MemosTable } from '../schema.ts';
import type { MemoPatch, NewMemo } from '../store.ts';
import { type Ctx, assertUpdated, assertVersion, inTransaction, newId, now, recordChange } from './context.ts';
import { findUser } from './users.ts';
import { pruneUncodedSegments } from './codings.ts';

const TARGET_TABLE = { document: 'documents', case: 'cases', code: 'codes', segment: 'segments' } as const;

const toMemo = (r: MemosTable): Memo => ({
  id: r.id,
  target:
    r.target_kind === 'project'
      ? { kind: 'project' }
      : { kind: r.target_kind as Exclude<MemoTargetKind, 'project'>, id: r.target_id ?? '' },
  authorId: r.author_id,
  title: r.title,
  text: r.text,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

const targetId = (target: MemoTarget) => (target.kind === 'project' ? null : target.id);

export async function listMemos(ctx: Ctx, target?: MemoTarget): Promise<Memo[]> {
  let query = ctx.db.selectFrom('memos').selectAll().where('project_id', '=', ctx.projectId);
  if (target) {
    query = query.where('target_kind', '=', target.kind);
    const id = targetId(target);
    if (id !== null) query = query.where('target_id', '=', id);
  }
  return (await query.orderBy('created_at').orderBy('id').execute()).map(toMemo);
}

async function assertTargetExists(ctx: Ctx, target: MemoTarget): Promise<void> {
  if (!MEMO_TARGET_KINDS.includes(target.kind)) throw invalid(`a memo can be about ${MEMO_TARGET_KINDS.join(', ')}`);
  if (target.kind === 'project') return;
  const row = await ctx.db
    .selectFrom(TARGET_TABLE[target.kind])
    .select('id')
    .where('project_id', '=', ctx.projectId)
    .where('id', '=', target.id)
    .executeTakeFirst();
  if (!row) throw notFound(`no ${target.kind} ${target.id} to attach the memo to`);
}

export async function addMemo(ctx: Ctx, input: NewMemo): Promise<Memo> {
  if (!input.text.trim()) throw invalid('a memo needs some text');
  return inTransaction(ctx, async (tx) => {
    await assertTargetExists(tx, input.target);
    const author = await findUser(tx, input.authorId);
    const at = now();
    const memo: Memo = { id: newId(), target: input.target, authorId: author.id, title: input.title?.trim() ?? '', text: input.text, createdAt: at, updatedAt: at, version: 1 };
    await tx.db
      .insertInto('memos')
      .values({
        project_id: tx.projectId,
        id: memo.id,
        target_kind: memo.target.kind,
        target_id: targetId(memo.target),
        author_id: memo.authorId,
        title: memo.title,
        text: memo.text,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
    await recordChange(tx, 'create', 'memo', memo.id, { ...memo });
    return memo;
  });
}

/** Memos point at their target by kind and id, which no foreign key can follow: delete them with it. */
export async function deleteMemosOn(ctx: Ctx, target: MemoTarget): Promise<void> {
  const memos = await listMemos(ctx, target);
  await ctx.db
    .deleteFrom('memos')
    .where('project_id', '=', ctx.projectId)
    .where('id', 'in', memos.length ? memos.map((m) => m.id) : [''])
    .execute();
  for (const memo of memos) await recordChange(ctx, 'delete', 'memo', memo.id, { ...memo });
}

async function getMemo(ctx: Ctx, id: MemoId): Promise<Memo> {
  const row = await ctx.db.selectFrom('memos').selectAll().where('project_id', '=', ctx.projectId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`no memo ${id} in this project`);
  return toMemo(row);
}

/** Edits a memo's title or text; with `expectedVersion`, refuses (conflict) an edit based on an older version. */
export async function updateMemo(ctx: Ctx, id: MemoId, patch: MemoPatch, expectedVersion?: number): Promise<Memo> {
  if (patch.text !== undefined && !patch.text.trim()) throw invalid('a memo needs some text');
  return inTransaction(ctx, async (tx) => {
    const current = await getMemo(tx, id);
    assertVersion(current, expectedVersion, 'this memo');
    const next: Memo = {
      ...current,
      title: patch.title?.trim() ?? current.title,
      text: patch.text ?? current.text,
      updatedAt: now(),
      version: current.version + 1,
    };
    const updated = await tx.db
      .updateTable('memos')
      .set({ title: next.title, text: next.text, updated_at: next.updatedAt, version: next.version })
      .where('project_id', '=', tx.projectId)
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    assertUpdated(updated, 'this memo');
    await recordChange(tx, 'update', 'memo', id, { before: current, after: next });
    return next;
  });
}

export async function deleteMemo(ctx: Ctx, id: MemoId): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const memo = await getMemo(tx, id);
    await tx.db.deleteFrom('memos').where('project_id', '=', tx.projectId).where('id', '=', id).execute();
    await recordChange(tx, 'delete', 'memo', id, { ...memo });
    // A segment kept only for this memo goes with it.
    if (memo.target.kind === 'segment') await pruneUncodedSegments(tx, [memo.target.id]);
  });
}
