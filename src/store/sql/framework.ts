// Framework matrices: a matrix (rows: cases of one kind, columns: themes) and its
// cells, each an analyst's summary linked to the segments it condenses. Edits are
// versioned like codes and memos, and logged.

import type { Kysely } from 'kysely';
import type { CaseId, FrameworkCell, FrameworkMatrix, FrameworkMatrixId } from '../../core/model.ts';
import { CASE_KINDS } from '../../core/model.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import type { Database } from '../schema.ts';
import type { FrameworkCellInput, FrameworkMatrixPatch, NewFrameworkMatrix } from '../store.ts';
import { type Ctx, assertUpdated, assertVersion, inTransaction, newId, now, recordChange } from './context.ts';
import { listCases } from './cases.ts';
import { listCodes } from './codes.ts';
import { findUser } from './users.ts';

// A type alias (not an interface) so it has the index signature withTables wants.
type FrameworkTables = {
  framework_matrices: {
    project_id: string;
    id: string;
    name: string;
    description: string;
    row_kind: string;
    theme_ids: string; // JSON CodeId[]
    created_at: string;
    version: number;
  };
  framework_cells: {
    project_id: string;
    matrix_id: string;
    case_id: string;
    code_id: string;
    summary: string;
    author_id: string;
    updated_at: string;
    version: number;
  };
  framework_cell_segments: {
    project_id: string;
    matrix_id: string;
    case_id: string;
    code_id: string;
    segment_id: string;
  };
};

// The tables of migration 005, seen through the connection (or transaction) of ctx.
export const frameworkTables = (ctx: Ctx): Kysely<Database & FrameworkTables> => ctx.db.withTables<FrameworkTables>();

type MatrixRow = FrameworkTables['framework_matrices'];
const toMatrix = (r: MatrixRow): FrameworkMatrix => ({
  id: r.id,
  name: r.name,
  description: r.description,
  rowKind: r.row_kind as FrameworkMatrix['rowKind'],
  themeIds: JSON.parse(r.theme_ids) as string[],
  createdAt: r.created_at,
  version: r.version,
});

export async function listFrameworkMatrices(ctx: Ctx): Promise<FrameworkMatrix[]> {
  const rows = await frameworkTables(ctx).selectFrom('framework_matrices').selectAll().where('project_id', '=', ctx.projectId).orderBy('name').execute();
  return rows.map(toMatrix);
}

export async function findFrameworkMatrix(ctx: Ctx, ref: string): Promise<FrameworkMatrix> {
  const matrices = await listFrameworkMatrices(ctx);
  const key = ref.trim().toLocaleLowerCase();
  const found = matrices.find((m) => m.id === ref) ?? matrices.find((m) => m.name.toLocaleLowerCase() === key);
  if (!found) throw notFound(`no framework matrix "${ref}" in this project`);
  return found;
}

async function checkMatrix(ctx: Ctx, m: { name: string; themeIds: string[] }, exceptId?: FrameworkMatrixId): Promise<void> {
  if (!m.name.trim()) throw invalid('a framework matrix needs a name');
  const clash = (await listFrameworkMatrices(ctx)).find((x) => x.id !== exceptId && x.name.toLocaleLowerCase() === m.name.trim().toLocaleLowerCase());
  if (clash) throw invalid(`a framework matrix named "${clash.name}" already exists`);
  const codes = new Set((await listCodes(ctx)).map((c) => c.id));
  for (const id of m.themeIds) if (!codes.has(id)) throw notFound(`no code ${id} to use as a theme`);
  if (new Set(m.themeIds).size !== m.themeIds.length) throw invalid('a theme appears twice in the matrix');
}

export async function createFrameworkMatrix(ctx: Ctx, input: NewFrameworkMatrix): Promise<FrameworkMatrix> {
  if (!CASE_KINDS.includes(input.rowKind)) throw invalid(`rows must be cases of one kind: ${CASE_KINDS.join(', ')}`);
  return inTransaction(ctx, async (tx) => {
    await checkMatrix(tx, input);
    const matrix: FrameworkMatrix = {
      id: newId(),
      name: input.name.trim(),
      description: input.description ?? '',
      rowKind: input.rowKind,
      themeIds: [...input.themeIds],
      createdAt: now(),
      version: 1,
    };
    await frameworkTables(tx)
      .insertInto('framework_matrices')
      .values({
        project_id: tx.projectId,
        id: matrix.id,
        name: matrix.name,
        description: matrix.description,
        row_kind: matrix.rowKind,
        theme_ids: JSON.stringify(matrix.themeIds),
        created_at: matrix.createdAt,
        version: 1,
      })
      .execute();
    await recordChange(tx, 'create', 'framework_matrix', matrix.id, { ...matrix });
    return matrix;
  });
}

export async function updateFrameworkMatrix(ctx: Ctx, id: FrameworkMatrixId, patch: FrameworkMatrixPatch, expectedVersion?: number): Promise<FrameworkMatrix> {
  return inTransaction(ctx, async (tx) => {
    const current = await findFrameworkMatrix(tx, id);
    assertVersion(current, expectedVersion, 'this framework matrix');
    const next: FrameworkMatrix = {
      ...current,
      name: patch.name?.trim() ?? current.name,
      description: patch.description ?? current.description,
      themeIds: patch.themeIds ? [...patch.themeIds] : current.themeIds,
      version: current.version + 1,
    };
    await checkMatrix(tx, next, id);
    const updated = await frameworkTables(tx)
      .updateTable('framework_matrices')
      .set({ name: next.name, description: next.description, theme_ids: JSON.stringify(next.themeIds), version: next.version })
      .where('project_id', '=', tx.projectId)
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    assertUpdated(updated, 'this framework matrix');
    // Cells of themes taken out of the matrix go with them.
    const dropped = current.themeIds.filter((t) => !next.themeIds.includes(t));
    if (dropped.length) {
      await frameworkTables(tx).deleteFrom('framework_cells').where('project_id', '=', tx.projectId).where('matrix_id', '=', id).where('code_id', 'in', dropped).execute();
    }
    await recordChange(tx, 'update', 'framework_matrix', id, { before: current, after: next });
    return next;
  });
}

export async function deleteFrameworkMatrix(ctx: Ctx, id: FrameworkMatrixId): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const matrix = await findFrameworkMatrix(tx, id);
    await frameworkTables(tx).deleteFrom('framework_matrices').where('project_id', '=', tx.projectId).where('id', '=', matrix.id).execute();
    await recordChange(tx, 'delete', 'framework_matrix', matrix.id, { ...matrix });
  });
}

export async function listFrameworkCells(
  ctx: Ctx,
  matrixId: FrameworkMatrixId,
  filter: { caseIds?: CaseId[]; codeIds?: string[] } = {},
): Promise<FrameworkCell[]> {
  const db = frameworkTables(ctx);
  let cells = db.selectFrom('framework_cells').selectAll().where('project_id', '=', ctx.projectId).where('matrix_id', '=', matrixId);
  let links = db
    .selectFrom('framework_cell_segments')
    .select(['case_id', 'code_id', 'segment_id'])
    .where('project_id', '=', ctx.projectId)
    .where('matrix_id', '=', matrixId);
  if (filter.caseIds) {
    const ids = filter.caseIds.length ? filter.caseIds : [''];
    cells = cells.where('case_id', 'in', ids);
    links = links.where('case_id', 'in', ids);
  }
  if (filter.codeIds) {
    const ids = filter.codeIds.length ? filter.codeIds : [''];
    cells = cells.where('code_id', 'in', ids);
    links = links.where('code_id', 'in', ids);
  }
  const segments = new Map<string, string[]>();
  for (const l of await links.orderBy('segment_id').execute()) {
    const key = `${l.case_id}\u0000${l.code_id}`;
    segments.set(key, [...(segments.get(key) ?? []), l.segment_id]);
  }
  return (await cells.orderBy('case_id').orderBy('code_id').execute()).map((r) => ({
    matrixId: r.matrix_id,
    caseId: r.case_id,
    codeId: r.code_id,
    summary: r.summary,
    segmentIds: segments.get(`${r.case_id}\u0000${r.code_id}`) ?? [],
    authorId: r.author_id,
    updatedAt: r.updated_at,
    version: r.version,
  }));
}

/** Linked segments must lie in documents of the row's case or of a case under it. */
async function checkSegments(ctx: Ctx, caseId: CaseId, segmentIds: readonly string[]): Promise<void> {
  if (segmentIds.length === 0) return;
  const rows = await ctx.db
    .selectFrom('segments as s')
    .innerJoin('documents as d', (j) => j.onRef('d.project_id', '=', 's.project_id').onRef('d.id', '=', 's.document_id'))
    .select(['s.id', 'd.case_id'])
    .where('s.project_id', '=', ctx.projectId)
    .where('s.id', 'in', [...segmentIds])
    .execute();
  const parent = new Map((await listCases(ctx)).map((c) => [c.id, c.parentId]));
  const under = (id: string | null) => {
    for (let at = id, guard = 0; at !== null && at !== undefined && guard < 64; at = parent.get(at) ?? null, guard++) if (at === caseId) return true;
    return false;
  };
  for (const id of segmentIds) {
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound(`no segment ${id} in this project`);
    if (!under(row.case_id)) throw invalid(`segment ${id} is not in a document of this case`);
  }
}

export async function writeFrameworkCell(ctx: Ctx, input: FrameworkCellInput, expectedVersion?: number): Promise<FrameworkCell> {
  return inTransaction(ctx, async (tx) => {
    const matrix = await findFrameworkMatrix(tx, input.matrixId);
    const row = (await listCases(tx)).find((c) => c.id === input.caseId);
    if (!row) throw notFound(`no case ${input.caseId} in this project`);
    if (row.kind !== matrix.rowKind) throw invalid(`the rows of "${matrix.name}" are ${matrix.rowKind}s, and ${row.name} is a ${row.kind}`);
    if (!matrix.themeIds.includes(input.codeId)) throw invalid(`code ${input.codeId} is not a theme of "${matrix.name}"`);
    const author = await findUser(tx, input.authorId);
    const segmentIds = [...new Set(input.segmentIds)].sort();
    await checkSegments(tx, row.id, segmentIds);
    const db = frameworkTables(tx);
    const key = { project_id: tx.projectId, matrix_id: matrix.id, case_id: row.id, code_id: input.codeId };
    const current = (await listFrameworkCells(tx, matrix.id, { caseIds: [row.id], codeIds: [input.codeId] }))[0];
    const next: FrameworkCell = {
      matrixId: matrix.id,
      caseId: row.id,
      codeId: input.codeId,
      summary: input.summary,
      segmentIds,
      authorId: author.id,
      updatedAt: now(),
      version: (current?.version ?? 0) + 1,
    };
    const cellId = `${matrix.id}/${row.id}/${input.codeId}`;
    if (current) {
      assertVersion(current, expectedVersion, 'this framework cell');
      const updated = await db
        .updateTable('framework_cells')
        .set({ summary: next.summary, author_id: next.authorId, updated_at: next.updatedAt, version: next.version })
        .where('project_id', '=', key.project_id)
        .where('matrix_id', '=', key.matrix_id)
        .where('case_id', '=', key.case_id)
        .where('code_id', '=', key.code_id)
        .where('version', '=', current.version)
        .executeTakeFirst();
      assertUpdated(updated, 'this framework cell');
      await db
        .deleteFrom('framework_cell_segments')
        .where('project_id', '=', key.project_id)
        .where('matrix_id', '=', key.matrix_id)
        .where('case_id', '=', key.case_id)
        .where('code_id', '=', key.code_id)
        .execute();
    } else {
      if (expectedVersion !== undefined && expectedVersion !== 0) throw conflict('this framework cell was changed by someone else: reload and try again');
      await db.insertInto('framework_cells').values({ ...key, summary: next.summary, author_id: next.authorId, updated_at: next.updatedAt, version: 1 }).execute();
    }
    if (segmentIds.length) await db.insertInto('framework_cell_segments').values(segmentIds.map((segment_id) => ({ ...key, segment_id }))).execute();
    await recordChange(tx, current ? 'update' : 'create', 'framework_cell', cellId, current ? { before: current, after: next } : { ...next });
    return next;
  });
}
