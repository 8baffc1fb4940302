import type { Code, CodeId } from '../../core/model.ts';
import { invalid, notFound } from '../../core/errors.ts';
import { assertCodable } from '../../core/invariants/segments.ts';
import { assertUniqueSiblingName } from '../../core/invariants/tree.ts';
import { type Ctx, inTransaction, recordChange } from './context.ts';
import { listCodes } from './codes.ts';
import { moveCodeLinks } from './code-links.ts';

/**
 * Merges `sourceId` into `targetId`: its codings move to the target (a coding the
 * target already has for the same segment and coder collapses into it), its child
 * codes and memos move too, and so does what analysts attached to it (code-links.ts);
 * then the source is deleted. Returns the target.
 */
export async function mergeCodes(ctx: Ctx, sourceId: CodeId, targetId: CodeId): Promise<Code> {
  return inTransaction(ctx, async (tx) => {
    const codes = await listCodes(tx);
    const source = codes.find((c) => c.id === sourceId);
    const target = codes.find((c) => c.id === targetId);
    if (!source) throw notFound(`no code ${sourceId} in the codebook`);
    if (!target) throw notFound(`no code ${targetId} in the codebook`);
    if (source.id === target.id) throw invalid(`a code cannot be merged into itself`);
    const isAncestor = (id: CodeId | null): boolean => id !== null && (id === source.id || isAncestor(codes.find((c) => c.id === id)?.parentId ?? null));
    if (isAncestor(target.parentId)) throw invalid(`"${target.name}" is inside "${source.name}": move it out before merging`);
    const sourceCodings = await tx.db
      .selectFrom('codings')
      .select(['id', 'segment_id', 'coder_id'])
      .where('project_id', '=', tx.projectId)
      .where('code_id', '=', source.id)
      .execute();
    if (sourceCodings.length) assertCodable(target);

    const targetKeys = new Set(
      (
        await tx.db
          .selectFrom('codings')
          .select(['segment_id', 'coder_id'])
          .where('project_id', '=', tx.projectId)
          .where('code_id', '=', target.id)
          .execute()
      ).map((c) => `${c.segment_id} ${c.coder_id}`),
    );
    const duplicates = sourceCodings.filter((c) => targetKeys.has(`${c.segment_id} ${c.coder_id}`)).map((c) => c.id);
    if (duplicates.length) {
      await tx.db.deleteFrom('codings').where('project_id', '=', tx.projectId).where('id', 'in', duplicates).execute();
    }
    await tx.db.updateTable('codings').set({ code_id: target.id }).where('project_id', '=', tx.projectId).where('code_id', '=', source.id).execute();

    const children = codes.filter((c) => c.parentId === source.id);
    for (const child of children) assertUniqueSiblingName(codes, target.id, child.name, 'code', child.id);
    const siblings = codes.filter((c) => c.parentId === target.id).length;
    for (const [i, child] of children.entries()) {
      await tx.db
        .updateTable('codes')
        .set({ parent_id: target.id, position: siblings + i + 1, version: child.version + 1 })
        .where('project_id', '=', tx.projectId)
        .where('id', '=', child.id)
        .execute();
    }
    await tx.db
      .updateTable('memos')
      .set({ target_id: target.id })
      .where('project_id', '=', tx.projectId)
      .where('target_kind', '=', 'code')
      .where('target_id', '=', source.id)
      .execute();
    const links = await moveCodeLinks(tx, source.id, target.id);
    await tx.db.deleteFrom('codes').where('project_id', '=', tx.projectId).where('id', '=', source.id).execute();
    const merged = { ...target, version: target.version + 1 };
    await tx.db.updateTable('codes').set({ version: merged.version }).where('project_id', '=', tx.projectId).where('id', '=', target.id).execute();
    await recordChange(tx, 'delete', 'code', source.id, {
      code: source,
      mergedInto: target.id,
      movedCodings: sourceCodings.length - duplicates.length,
      collapsedCodings: duplicates,
      movedChildren: children.map((c) => c.id),
      movedLinks: links,
    });
    return merged;
  });
}
