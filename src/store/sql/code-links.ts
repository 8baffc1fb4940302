// What analysts attached to a code follows it when it is merged into another, instead of
// going with the deleted code: links from needs, barriers and gap statuses, chosen report
// quotes, framework themes, and framework cells (two summaries of one cell are joined, so
// no analyst's writing is lost). Runs inside mergeCodes' transaction.

import { sql } from 'kysely';
import type { CodeId } from '../../core/model.ts';
import { type Ctx, now } from './context.ts';
import { frameworkTables } from './framework.ts';

/** Link tables keyed by (project, owner, code): a link the target already has is dropped, the rest move. */
const LINKS = [
  { table: 'need_codes', owner: 'need_id' },
  { table: 'barrier_codes', owner: 'barrier_id' },
  { table: 'gap_status_codes', owner: 'status' },
] as const;

export interface MovedCodeLinks {
  links: number;
  quotes: number;
  matrices: number;
  cells: number;
}

async function moveLinks(tx: Ctx, sourceId: CodeId, targetId: CodeId): Promise<number> {
  let moved = 0;
  for (const { table, owner } of LINKS) {
    const t = sql.table(table);
    const o = sql.ref(owner);
    await sql`delete from ${t} where project_id = ${tx.projectId} and code_id = ${sourceId} and ${o} in
      (select ${o} from ${t} where project_id = ${tx.projectId} and code_id = ${targetId})`.execute(tx.db);
    const { numAffectedRows } = await sql`update ${t} set code_id = ${targetId} where project_id = ${tx.projectId} and code_id = ${sourceId}`.execute(tx.db);
    moved += Number(numAffectedRows ?? 0);
  }
  return moved;
}

/** The source's chosen quotes go after the target's, in their order; a passage chosen for both stays once. */
async function moveQuotes(tx: Ctx, sourceId: CodeId, targetId: CodeId): Promise<number> {
  const quotes = (codeId: CodeId) =>
    tx.db.selectFrom('report_quotes').selectAll().where('project_id', '=', tx.projectId).where('code_id', '=', codeId).orderBy('position').execute();
  const [source, target] = await Promise.all([quotes(sourceId), quotes(targetId)]);
  const taken = new Set(target.map((q) => q.segment_id));
  const moving = source.filter((q) => !taken.has(q.segment_id));
  await tx.db.deleteFrom('report_quotes').where('project_id', '=', tx.projectId).where('code_id', '=', sourceId).execute();
  if (moving.length) {
    await tx.db
      .insertInto('report_quotes')
      .values(moving.map((q, i) => ({ ...q, code_id: targetId, position: target.length + i + 1 })))
      .execute();
  }
  return moving.length;
}

/** Matrices charting the source chart the target in its place (once, if they had both). */
async function moveThemes(tx: Ctx, sourceId: CodeId, targetId: CodeId): Promise<number> {
  const db = frameworkTables(tx);
  const matrices = await db.selectFrom('framework_matrices').select(['id', 'theme_ids', 'version']).where('project_id', '=', tx.projectId).execute();
  let moved = 0;
  for (const m of matrices) {
    const themes = JSON.parse(m.theme_ids) as CodeId[];
    if (!themes.includes(sourceId)) continue;
    const next = [...new Set(themes.map((id) => (id === sourceId ? targetId : id)))];
    await db
      .updateTable('framework_matrices')
      .set({ theme_ids: JSON.stringify(next), version: m.version + 1 })
      .where('project_id', '=', tx.projectId)
      .where('id', '=', m.id)
      .execute();
    moved++;
  }
  return moved;
}

/** Each source cell becomes the target's cell of the same matrix and case, or is joined to it. */
async function moveCells(tx: Ctx, sourceId: CodeId, targetId: CodeId): Promise<number> {
  const db = frameworkTables(tx);
  const cells = (codeId: CodeId) => db.selectFrom('framework_cells').selectAll().where('project_id', '=', tx.projectId).where('code_id', '=', codeId).execute();
  const [source, target] = await Promise.all([cells(sourceId), cells(targetId)]);
  const targetOf = new Map(target.map((c) => [`${c.matrix_id}/${c.case_id}`, c]));
  for (const cell of source) {
    const existing = targetOf.get(`${cell.matrix_id}/${cell.case_id}`);
    if (existing) {
      const summary = [existing.summary, cell.summary].filter((s) => s.trim()).join('\n\n');
      await db
        .updateTable('framework_cells')
        .set({ summary, updated_at: now(), version: existing.version + 1 })
        .where('project_id', '=', tx.projectId)
        .where('matrix_id', '=', cell.matrix_id)
        .where('case_id', '=', cell.case_id)
        .where('code_id', '=', targetId)
        .execute();
    } else {
      await db.insertInto('framework_cells').values({ ...cell, code_id: targetId, updated_at: now(), version: cell.version + 1 }).execute();
    }
    await sql`insert into framework_cell_segments (project_id, matrix_id, case_id, code_id, segment_id)
      select project_id, matrix_id, case_id, ${targetId}, segment_id from framework_cell_segments s
      where s.project_id = ${tx.projectId} and s.matrix_id = ${cell.matrix_id} and s.case_id = ${cell.case_id} and s.code_id = ${sourceId}
      and s.segment_id not in (select segment_id from framework_cell_segments where project_id = ${tx.projectId}
        and matrix_id = ${cell.matrix_id} and case_id = ${cell.case_id} and code_id = ${targetId})`.execute(tx.db);
  }
  // The source's cells and their segment links go with it (cascade) once it is deleted.
  return source.length;
}

export async function moveCodeLinks(tx: Ctx, sourceId: CodeId, targetId: CodeId): Promise<MovedCodeLinks> {
  return {
    links: await moveLinks(tx, sourceId, targetId),
    quotes: await moveQuotes(tx, sourceId, targetId),
    matrices: await moveThemes(tx, sourceId, targetId),
    cells: await moveCells(tx, sourceId, targetId),
  };
}
