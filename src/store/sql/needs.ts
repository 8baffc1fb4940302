// The needs catalogue: named needs in catalogue order, each tagged with its horizon
// and purpose and linked to the codes that evidence it. Also the catalogue rules the
// barriers catalogue shares (names unique ignoring case, codes that exist, code links).
// Deleting a code removes it from every need and barrier (the links cascade).

import { sql } from 'kysely';
import type { CodeId, Id } from '../../core/model.ts';
import { NEED_HORIZONS, NEED_PURPOSES, type Need, type NeedId } from '../../core/needs.ts';
import { invalid, notFound } from '../../core/errors.ts';
import type { NeedsTable } from '../schema.ts';
import type { NeedPatch, NewNeed } from '../store.ts';
import { type Ctx, assertUpdated, assertVersion, inTransaction, newId, recordChange } from './context.ts';
import { listCodes } from './codes.ts';

/** A catalogue (needs or barriers) and its table of links to codes. */
export interface Catalogue {
  what: 'need' | 'barrier';
  links: 'need_codes' | 'barrier_codes';
  owner: 'need_id' | 'barrier_id';
}

const NEEDS: Catalogue = { what: 'need', links: 'need_codes', owner: 'need_id' };

/** Each entry's codes, in the order the analyst gave them. */
export async function linkedCodes(ctx: Ctx, catalogue: Catalogue): Promise<Map<Id, CodeId[]>> {
  const { rows } = await sql<{ owner_id: string; code_id: string }>`
    select ${sql.ref(catalogue.owner)} as owner_id, code_id from ${sql.table(catalogue.links)}
    where project_id = ${ctx.projectId} order by ${sql.ref(catalogue.owner)}, position`.execute(ctx.db);
  const out = new Map<Id, CodeId[]>();
  for (const r of rows) out.set(r.owner_id, [...(out.get(r.owner_id) ?? []), r.code_id]);
  return out;
}

export async function writeLinkedCodes(ctx: Ctx, catalogue: Catalogue, ownerId: Id, codeIds: readonly CodeId[]): Promise<void> {
  await sql`delete from ${sql.table(catalogue.links)} where project_id = ${ctx.projectId} and ${sql.ref(catalogue.owner)} = ${ownerId}`.execute(ctx.db);
  if (codeIds.length === 0) return;
  const values = codeIds.map((code, i) => sql`(${ctx.projectId}, ${ownerId}, ${code}, ${i + 1})`);
  await sql`insert into ${sql.table(catalogue.links)} (project_id, ${sql.ref(catalogue.owner)}, code_id, position) values ${sql.join(values)}`.execute(ctx.db);
}

/** A name that is not empty nor another entry's (ignoring case), and codes that exist, each once. */
export async function checkEntry(
  ctx: Ctx,
  catalogue: Catalogue,
  entry: { name: string; codeIds: readonly CodeId[] },
  others: readonly { id: Id; name: string }[],
  exceptId?: Id,
): Promise<void> {
  const name = entry.name.trim();
  if (!name) throw invalid(`a ${catalogue.what} needs a name`);
  const clash = others.find((x) => x.id !== exceptId && x.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  if (clash) throw invalid(`a ${catalogue.what} named "${clash.name}" already exists`);
  const codes = new Set((await listCodes(ctx)).map((c) => c.id));
  const missing = entry.codeIds.find((id) => !codes.has(id));
  if (missing !== undefined) throw invalid(`${catalogue.what} "${name}": no code ${missing} in the codebook`);
  if (new Set(entry.codeIds).size !== entry.codeIds.length) throw invalid(`${catalogue.what} "${name}": a code is linked twice`);
}

/** By id or name (case-insensitive). */
export function findEntry<T extends { id: Id; name: string }>(entries: readonly T[], ref: string, what: string): T {
  const key = ref.trim().toLocaleLowerCase();
  const found = entries.find((e) => e.id === ref) ?? entries.find((e) => e.name.toLocaleLowerCase() === key);
  if (!found) throw notFound(`no ${what} "${ref}" in this project`);
  return found;
}

export const nextPosition = (entries: readonly { position: number }[]): number => Math.max(0, ...entries.map((e) => e.position)) + 1;

function checkTags(input: Pick<Need, 'horizon' | 'purpose'>): void {
  if (!NEED_HORIZONS.includes(input.horizon)) throw invalid(`a need's horizon must be one of ${NEED_HORIZONS.join(', ')}, not "${input.horizon}"`);
  if (!NEED_PURPOSES.includes(input.purpose)) throw invalid(`a need's purpose must be one of ${NEED_PURPOSES.join(', ')}, not "${input.purpose}"`);
}

const toRow = (ctx: Ctx, n: Need): NeedsTable => ({
  project_id: ctx.projectId,
  id: n.id,
  name: n.name,
  description: n.description,
  horizon: n.horizon,
  purpose: n.purpose,
  position: n.position,
  version: n.version,
});

export async function listNeeds(ctx: Ctx): Promise<Need[]> {
  const rows = await ctx.db.selectFrom('needs').selectAll().where('project_id', '=', ctx.projectId).orderBy('position').orderBy('name').execute();
  const codes = await linkedCodes(ctx, NEEDS);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    horizon: r.horizon as Need['horizon'],
    purpose: r.purpose as Need['purpose'],
    codeIds: codes.get(r.id) ?? [],
    position: r.position,
    version: r.version,
  }));
}

export async function findNeed(ctx: Ctx, ref: string): Promise<Need> {
  return findEntry(await listNeeds(ctx), ref, 'need');
}

export async function createNeed(ctx: Ctx, input: NewNeed): Promise<Need> {
  checkTags(input);
  return inTransaction(ctx, async (tx) => {
    const needs = await listNeeds(tx);
    const need: Need = {
      id: newId(),
      name: input.name.trim(),
      description: input.description ?? '',
      horizon: input.horizon,
      purpose: input.purpose,
      codeIds: [...(input.codeIds ?? [])],
      position: nextPosition(needs),
      version: 1,
    };
    await checkEntry(tx, NEEDS, need, needs);
    await tx.db.insertInto('needs').values(toRow(tx, need)).execute();
    await writeLinkedCodes(tx, NEEDS, need.id, need.codeIds);
    await recordChange(tx, 'create', 'need', need.id, { ...need });
    return need;
  });
}

export async function updateNeed(ctx: Ctx, id: NeedId, patch: NeedPatch, expectedVersion?: number): Promise<Need> {
  return inTransaction(ctx, async (tx) => {
    const needs = await listNeeds(tx);
    const current = needs.find((n) => n.id === id);
    if (!current) throw notFound(`no need ${id} in this project`);
    assertVersion(current, expectedVersion, `need "${current.name}"`);
    const next: Need = {
      ...current,
      name: patch.name?.trim() ?? current.name,
      description: patch.description ?? current.description,
      horizon: patch.horizon ?? current.horizon,
      purpose: patch.purpose ?? current.purpose,
      codeIds: patch.codeIds ? [...patch.codeIds] : current.codeIds,
      version: current.version + 1,
    };
    checkTags(next);
    await checkEntry(tx, NEEDS, next, needs, id);
    const updated = await tx.db
      .updateTable('needs')
      .set(toRow(tx, next))
      .where('project_id', '=', tx.projectId)
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    assertUpdated(updated, `need "${current.name}"`);
    if (patch.codeIds) await writeLinkedCodes(tx, NEEDS, id, next.codeIds);
    await recordChange(tx, 'update', 'need', id, { before: current, after: next });
    return next;
  });
}

/** Its code links and gap decisions go with it (cascade), as do links from services. */
export async function deleteNeed(ctx: Ctx, id: NeedId): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const need = (await listNeeds(tx)).find((n) => n.id === id);
    if (!need) throw notFound(`no need ${id} in this project`);
    const decisions = await tx.db.selectFrom('gap_decisions').selectAll().where('project_id', '=', tx.projectId).where('need_id', '=', id).execute();
    await tx.db.deleteFrom('needs').where('project_id', '=', tx.projectId).where('id', '=', id).execute();
    await recordChange(tx, 'delete', 'need', id, { ...need, decisions: decisions.length });
  });
}
