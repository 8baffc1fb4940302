// Counts the codebook and document lists show beside each row, computed in the
// database so they stay cheap on large projects.

import type { CodeId, DocumentId, UserId } from '../../core/model.ts';
import type { CodeCounts } from '../../core/read-models.ts';
import { type Ctx, toCount } from './context.ts';
import { listCodes } from './codes.ts';

function codingReach(ctx: Ctx) {
  return ctx.db
    .selectFrom('codings as c')
    .innerJoin('segments as s', (j) => j.onRef('s.project_id', '=', 'c.project_id').onRef('s.id', '=', 'c.segment_id'))
    .innerJoin('documents as d', (j) => j.onRef('d.project_id', '=', 's.project_id').onRef('d.id', '=', 's.document_id'))
    .select((eb) => [
      eb.fn.count('c.id').as('codings'),
      eb.fn.count('c.segment_id').distinct().as('segments'),
      eb.fn.count('s.document_id').distinct().as('documents'),
      eb.fn.count('d.case_id').distinct().as('cases'),
    ])
    .where('c.project_id', '=', ctx.projectId);
}

type Count = string | number | bigint;
type ReachRow = { codings: Count; segments: Count; documents: Count; cases: Count };
const toCounts = (r: ReachRow | undefined): CodeCounts => ({
  codings: toCount(r?.codings),
  segments: toCount(r?.segments),
  documents: toCount(r?.documents),
  cases: toCount(r?.cases),
});

/**
 * For every code: its codings and the distinct segments, documents and cases they fall in, and the same
 * for it together with its descendants (a category's reach; distinct, not summed).
 */
export async function codeCounts(ctx: Ctx): Promise<Map<CodeId, { counts: CodeCounts; totalCounts: CodeCounts }>> {
  const codes = await listCodes(ctx);
  const direct = new Map(
    (await codingReach(ctx).select('c.code_id').groupBy('c.code_id').execute()).map((r) => [r.code_id, toCounts(r)]),
  );
  const children = new Map<CodeId, CodeId[]>();
  for (const c of codes) if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  const subtree = (id: CodeId): CodeId[] => [id, ...(children.get(id) ?? []).flatMap(subtree)];
  const result = new Map<CodeId, { counts: CodeCounts; totalCounts: CodeCounts }>();
  for (const code of codes) {
    const counts = direct.get(code.id) ?? toCounts(undefined);
    const ids = subtree(code.id);
    const totalCounts = ids.length === 1 ? counts : toCounts(await codingReach(ctx).where('c.code_id', 'in', ids).executeTakeFirst());
    result.set(code.id, { counts, totalCounts });
  }
  return result;
}

/** How many codings each coder made in each document. */
export async function documentCodingCounts(ctx: Ctx): Promise<{ documentId: DocumentId; coderId: UserId; codings: number }[]> {
  const rows = await ctx.db
    .selectFrom('codings as c')
    .innerJoin('segments as s', (j) => j.onRef('s.project_id', '=', 'c.project_id').onRef('s.id', '=', 'c.segment_id'))
    .select((eb) => ['s.document_id', 'c.coder_id', eb.fn.countAll().as('n')])
    .where('c.project_id', '=', ctx.projectId)
    .groupBy(['s.document_id', 'c.coder_id'])
    .execute();
  return rows.map((r) => ({ documentId: r.document_id, coderId: r.coder_id, codings: toCount(r.n) }));
}
