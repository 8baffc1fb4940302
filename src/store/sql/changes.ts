import type { Change, ChangeAction, EntityKind } from '../../core/model.ts';
import type { Ctx } from './context.ts';

export async function changes(ctx: Ctx, options: { afterSeq?: number; limit?: number } = {}): Promise<Change[]> {
  const rows = await ctx.db
    .selectFrom('change_log')
    .selectAll()
    .where('project_id', '=', ctx.projectId)
    .where('seq', '>', options.afterSeq ?? 0)
    .orderBy('seq')
    .limit(options.limit ?? 1000)
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor_user_id !== null ? { userId: r.actor_user_id } : { system: r.actor_system ?? 'unknown' },
    action: r.action as ChangeAction,
    entity: r.entity as EntityKind,
    entityId: r.entity_id,
    data: JSON.parse(r.data) as Record<string, unknown>,
  }));
}
