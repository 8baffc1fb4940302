import type { Code, CodeId } from '../../core/model.ts';
import { invalid, notFound } from '../../core/errors.ts';
import { paletteColor } from '../../core/colors.ts';
import { checkColor } from '../../core/invariants/segments.ts';
import { assertParentAllowed, assertUniqueSiblingName, findInTree } from '../../core/invariants/tree.ts';
import type { CodesTable } from '../schema.ts';
import type { CodePatch, NewCode } from '../store.ts';
import { type Ctx, assertUpdated, assertVersion, inTransaction, newId, recordChange } from './context.ts';
import { deleteMemosOn } from './memos.ts';
import { pruneUncodedSegments } from './codings.ts';
import { dropUnbackedQuotes } from './report-draft.ts';

const toCode = (r: CodesTable): Code => ({
  id: r.id,
  parentId: r.parent_id,
  name: r.name,
  color: r.color,
  definition: r.definition,
  inclusion: r.inclusion,
  exclusion: r.exclusion,
  example: r.example,
  codable: r.codable === 1,
  position: r.position,
  version: r.version,
});

/** All codes, parents before children, siblings in their order. */
export async function listCodes(ctx: Ctx): Promise<Code[]> {
  const rows = await ctx.db
    .selectFrom('codes')
    .selectAll()
    .where('project_id', '=', ctx.projectId)
    .orderBy('position')
    .orderBy('name')
    .execute();
  const codes = rows.map(toCode);
  const children = new Map<CodeId | null, Code[]>();
  for (const c of codes) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const ordered: Code[] = [];
  const walk = (parent: CodeId | null) => {
    for (const c of children.get(parent) ?? []) {
      ordered.push(c);
      walk(c.id);
    }
  };
  walk(null);
  return ordered;
}

export async function findCode(ctx: Ctx, ref: string): Promise<Code> {
  const found = findInTree(await listCodes(ctx), ref, 'code');
  if (!found) throw notFound(`no code "${ref}" in the codebook`);
  return found;
}

export async function createCode(ctx: Ctx, input: NewCode): Promise<Code> {
  return inTransaction(ctx, async (tx) => {
    const codes = await listCodes(tx);
    const id = newId();
    const parentId = input.parentId ?? null;
    assertParentAllowed(codes, id, parentId, 'code');
    assertUniqueSiblingName(codes, parentId, input.name, 'code');
    const code: Code = {
      id,
      parentId,
      name: input.name.trim(),
      color: checkColor(input.color ?? paletteColor(codes.length)),
      definition: input.definition ?? '',
      inclusion: input.inclusion ?? '',
      exclusion: input.exclusion ?? '',
      example: input.example ?? '',
      codable: input.codable ?? true,
      position: codes.filter((c) => c.parentId === parentId).length + 1,
      version: 1,
    };
    await tx.db.insertInto('codes').values(toRow(tx, code)).execute();
    await recordChange(tx, 'create', 'code', id, { ...code });
    return code;
  });
}

const toRow = (ctx: Ctx, c: Code): CodesTable => ({
  project_id: ctx.projectId,
  id: c.id,
  parent_id: c.parentId,
  name: c.name,
  color: c.color,
  definition: c.definition,
  inclusion: c.inclusion,
  exclusion: c.exclusion,
  example: c.example,
  codable: c.codable ? 1 : 0,
  position: c.position,
  version: c.version,
});

/**
 * Renames, recolours, redefines or moves a code; moving refuses cycles and name clashes.
 * With `expectedVersion`, refuses (conflict) if someone changed the code since that version.
 */
export async function updateCode(ctx: Ctx, id: CodeId, patch: CodePatch, expectedVersion?: number): Promise<Code> {
  return inTransaction(ctx, async (tx) => {
    const codes = await listCodes(tx);
    const current = codes.find((c) => c.id === id);
    if (!current) throw notFound(`no code ${id} in the codebook`);
    assertVersion(current, expectedVersion, `code "${current.name}"`);
    const parentId = patch.parentId === undefined ? current.parentId : patch.parentId;
    const name = patch.name?.trim() ?? current.name;
    assertParentAllowed(codes, id, parentId, 'code');
    assertUniqueSiblingName(codes, parentId, name, 'code', id);
    if (patch.codable === false && current.codable) {
      const used = await tx.db
        .selectFrom('codings')
        .select('id')
        .where('project_id', '=', tx.projectId)
        .where('code_id', '=', id)
        .executeTakeFirst();
      if (used) throw invalid(`code "${current.name}" has codings; it cannot become a category`);
    }
    const next: Code = {
      ...current,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      name,
      parentId,
      color: checkColor(patch.color ?? current.color),
      position:
        parentId === current.parentId ? current.position : codes.filter((c) => c.parentId === parentId).length + 1,
      version: current.version + 1,
    };
    const updated = await tx.db
      .updateTable('codes')
      .set(toRow(tx, next))
      .where('project_id', '=', tx.projectId)
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    assertUpdated(updated, `code "${current.name}"`);
    await recordChange(tx, 'update', 'code', id, { before: current, after: next });
    return next;
  });
}

export async function deleteCode(ctx: Ctx, id: CodeId): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const codes = await listCodes(tx);
    const code = codes.find((c) => c.id === id);
    if (!code) throw notFound(`no code ${id} in the codebook`);
    if (codes.some((c) => c.parentId === id)) throw invalid(`code "${code.name}" has child codes: move or delete them first`);
    const codings = await tx.db
      .deleteFrom('codings')
      .where('project_id', '=', tx.projectId)
      .where('code_id', '=', id)
      .returning(['id', 'segment_id', 'coder_id'])
      .execute();
    await deleteMemosOn(tx, { kind: 'code', id });
    await dropUnbackedQuotes(tx, codings.map((c) => c.segment_id));
    await tx.db.deleteFrom('codes').where('project_id', '=', tx.projectId).where('id', '=', id).execute();
    await pruneUncodedSegments(tx, codings.map((c) => c.segment_id));
    await recordChange(tx, 'delete', 'code', id, { code, codings });
  });
}
