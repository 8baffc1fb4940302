// The barriers catalogue: obstacles to serving victims, in catalogue order, each linked
// to the codes that evidence it. Same rules as the needs catalogue (needs.ts).

import type { Barrier, BarrierId } from '../../core/needs.ts';
import { notFound } from '../../core/errors.ts';
import type { BarriersTable } from '../schema.ts';
import type { BarrierPatch, NewBarrier } from '../store.ts';
import { type Ctx, assertUpdated, assertVersion, inTransaction, newId, recordChange } from './context.ts';
import { type Catalogue, checkEntry, findEntry, linkedCodes, nextPosition, writeLinkedCodes } from './needs.ts';

const BARRIERS: Catalogue = { what: 'barrier', links: 'barrier_codes', owner: 'barrier_id' };

const toRow = (ctx: Ctx, b: Barrier): BarriersTable => ({
  project_id: ctx.projectId,
  id: b.id,
  name: b.name,
  description: b.description,
  position: b.position,
  version: b.version,
});

export async function listBarriers(ctx: Ctx): Promise<Barrier[]> {
  const rows = await ctx.db.selectFrom('barriers').selectAll().where('project_id', '=', ctx.projectId).orderBy('position').orderBy('name').execute();
  const codes = await linkedCodes(ctx, BARRIERS);
  return rows.map((r) => ({ id: r.id, name: r.name, description: r.description, codeIds: codes.get(r.id) ?? [], position: r.position, version: r.version }));
}

export async function findBarrier(ctx: Ctx, ref: string): Promise<Barrier> {
  return findEntry(await listBarriers(ctx), ref, 'barrier');
}

export async function createBarrier(ctx: Ctx, input: NewBarrier): Promise<Barrier> {
  return inTransaction(ctx, async (tx) => {
    const barriers = await listBarriers(tx);
    const barrier: Barrier = {
      id: newId(),
      name: input.name.trim(),
      description: input.description ?? '',
      codeIds: [...(input.codeIds ?? [])],
      position: nextPosition(barriers),
      version: 1,
    };
    await checkEntry(tx, BARRIERS, barrier, barriers);
    await tx.db.insertInto('barriers').values(toRow(tx, barrier)).execute();
    await writeLinkedCodes(tx, BARRIERS, barrier.id, barrier.codeIds);
    await recordChange(tx, 'create', 'barrier', barrier.id, { ...barrier });
    return barrier;
  });
}

export async function updateBarrier(ctx: Ctx, id: BarrierId, patch: BarrierPatch, expectedVersion?: number): Promise<Barrier> {
  return inTransaction(ctx, async (tx) => {
    const barriers = await listBarriers(tx);
    const current = barriers.find((b) => b.id === id);
    if (!current) throw notFound(`no barrier ${id} in this project`);
    assertVersion(current, expectedVersion, `barrier "${current.name}"`);
    const next: Barrier = {
      ...current,
      name: patch.name?.trim() ?? current.name,
      description: patch.description ?? current.description,
      codeIds: patch.codeIds ? [...patch.codeIds] : current.codeIds,
      version: current.version + 1,
    };
    await checkEntry(tx, BARRIERS, next, barriers, id);
    const updated = await tx.db
      .updateTable('barriers')
      .set(toRow(tx, next))
      .where('project_id', '=', tx.projectId)
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    assertUpdated(updated, `barrier "${current.name}"`);
    if (patch.codeIds) await writeLinkedCodes(tx, BARRIERS, id, next.codeIds);
    await recordChange(tx, 'update', 'barrier', id, { before: current, after: next });
    return next;
  });
}

export async function deleteBarrier(ctx: Ctx, id: BarrierId): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const barrier = (await listBarriers(tx)).find((b) => b.id === id);
    if (!barrier) throw notFound(`no barrier ${id} in this project`);
    await tx.db.deleteFrom('barriers').where('project_id', '=', tx.projectId).where('id', '=', id).execute();
    await recordChange(tx, 'delete', 'barrier', id, { ...barrier });
  });
}
