import type { IssueArea } from '../../core/model.ts';
import { invalid } from '../../core/errors.ts';
import type { NewIssueArea } from '../store.ts';
import { type Ctx, inTransaction, newId, recordChange } from './context.ts';

export async function guide(ctx: Ctx): Promise<IssueArea[]> {
  const areas = await ctx.db
    .selectFrom('issue_areas')
    .selectAll()
    .where('project_id', '=', ctx.projectId)
    .orderBy('position')
    .execute();
  const questions = await ctx.db
    .selectFrom('guide_questions')
    .selectAll()
    .where('project_id', '=', ctx.projectId)
    .orderBy('position')
    .execute();
  return areas.map((a) => ({
    id: a.id,
    position: a.position,
    title: a.title,
    description: a.description,
    questions: questions
      .filter((q) => q.area_id === a.id)
      .map((q) => ({ id: q.id, position: q.position, text: q.text })),
  }));
}

/** Appends an issue area, with its questions, to the interview guide. */
export async function addIssueArea(ctx: Ctx, input: NewIssueArea): Promise<IssueArea> {
  const title = input.title.trim();
  if (!title) throw invalid('an issue area needs a title');
  return inTransaction(ctx, async (tx) => {
    const existing = await guide(tx);
    const area: IssueArea = {
      id: newId(),
      position: existing.length + 1,
      title,
      description: input.description ?? '',
      questions: (input.questions ?? []).map((text, i) => ({ id: newId(), position: i + 1, text })),
    };
    await tx.db
      .insertInto('issue_areas')
      .values({ project_id: tx.projectId, id: area.id, position: area.position, title, description: area.description })
      .execute();
    for (const q of area.questions) {
      await tx.db
        .insertInto('guide_questions')
        .values({ project_id: tx.projectId, id: q.id, area_id: area.id, position: q.position, text: q.text })
        .execute();
    }
    await recordChange(tx, 'create', 'issue_area', area.id, { ...area });
    return area;
  });
}
