import type { ProjectStats } from '../../core/model.ts';
import { type Ctx, toCount } from './context.ts';

export async function stats(ctx: Ctx): Promise<ProjectStats> {
  const count = async (table: 'documents' | 'segments' | 'codings' | 'memos' | 'interviews') =>
    toCount(
      (await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('project_id', '=', ctx.projectId).executeTakeFirst())?.n,
    );
  const cases = await ctx.db
    .selectFrom('cases')
    .select((eb) => ['kind', eb.fn.countAll().as('n')])
    .where('project_id', '=', ctx.projectId)
    .groupBy('kind')
    .execute();
  const byKind = (kind: string) => toCount(cases.find((c) => c.kind === kind)?.n);
  const codes = await ctx.db
    .selectFrom('codes')
    .select((eb) => ['codable', eb.fn.countAll().as('n')])
    .where('project_id', '=', ctx.projectId)
    .groupBy('codable')
    .execute();
  const coders = await ctx.db
    .selectFrom('codings')
    .select((eb) => eb.fn.count('coder_id').distinct().as('n'))
    .where('project_id', '=', ctx.projectId)
    .executeTakeFirst();
  return {
    sites: byKind('site'),
    organisations: byKind('organisation'),
    participants: byKind('participant'),
    interviews: await count('interviews'),
    documents: await count('documents'),
    codes: codes.reduce((sum, c) => sum + toCount(c.n), 0),
    codableCodes: toCount(codes.find((c) => c.codable === 1)?.n),
    segments: await count('segments'),
    codings: await count('codings'),
    coders: toCount(coders?.n),
    memos: await count('memos'),
  };
}
