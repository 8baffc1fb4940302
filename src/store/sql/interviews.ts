import type { Interview, InterviewId, InterviewMode, InterviewStatus } from '../../core/model.ts';
import { INTERVIEW_MODES, INTERVIEW_STATUSES } from '../../core/model.ts';
import { invalid, notFound } from '../../core/errors.ts';
import { checkAttributeValue } from '../../core/invariants/attributes.ts';
import type { InterviewsTable } from '../schema.ts';
import type { NewInterview } from '../store.ts';
import { type Ctx, inTransaction, newId, recordChange } from './context.ts';

const toInterview = (r: InterviewsTable): Interview => ({
  id: r.id,
  participantId: r.participant_id,
  interviewerId: r.interviewer_id,
  date: r.date,
  mode: r.mode as InterviewMode,
  status: r.status as InterviewStatus,
  consentRecorded: r.consent_recorded === 1,
  notes: r.notes,
});

export async function listInterviews(ctx: Ctx): Promise<Interview[]> {
  const rows = await ctx.db
    .selectFrom('interviews')
    .selectAll()
    .where('project_id', '=', ctx.projectId)
    .orderBy('date')
    .orderBy('id')
    .execute();
  return rows.map(toInterview);
}

function checkStatus(status: InterviewStatus): void {
  if (!INTERVIEW_STATUSES.includes(status)) throw invalid(`interview status must be one of ${INTERVIEW_STATUSES.join(', ')}`);
}

export async function createInterview(ctx: Ctx, input: NewInterview): Promise<Interview> {
  if (!INTERVIEW_MODES.includes(input.mode)) throw invalid(`interview mode must be one of ${INTERVIEW_MODES.join(', ')}`);
  checkStatus(input.status);
  if (input.date) checkAttributeValue('date', input.date, 'interview date');
  return inTransaction(ctx, async (tx) => {
    const participant = await tx.db
      .selectFrom('cases')
      .select('kind')
      .where('project_id', '=', tx.projectId)
      .where('id', '=', input.participantId)
      .executeTakeFirst();
    if (participant?.kind !== 'participant') throw invalid(`interview participant ${input.participantId} is not a participant case`);
    const interview: Interview = {
      id: newId(),
      participantId: input.participantId,
      interviewerId: input.interviewerId ?? null,
      date: input.date ?? null,
      mode: input.mode,
      status: input.status,
      consentRecorded: input.consentRecorded,
      notes: input.notes ?? '',
    };
    await tx.db
      .insertInto('interviews')
      .values({
        project_id: tx.projectId,
        id: interview.id,
        participant_id: interview.participantId,
        interviewer_id: interview.interviewerId,
        date: interview.date,
        mode: interview.mode,
        status: interview.status,
        consent_recorded: interview.consentRecorded ? 1 : 0,
        notes: interview.notes,
      })
      .execute();
    await recordChange(tx, 'create', 'interview', interview.id, { ...interview });
    return interview;
  });
}

export async function setInterviewStatus(ctx: Ctx, id: InterviewId, status: InterviewStatus): Promise<Interview> {
  checkStatus(status);
  return inTransaction(ctx, async (tx) => {
    const before = (await listInterviews(tx)).find((i) => i.id === id);
    if (!before) throw notFound(`no interview ${id} in this project`);
    const row = await tx.db
      .updateTable('interviews')
      .set({ status })
      .where('project_id', '=', tx.projectId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, 'update', 'interview', id, { before: { status: before.status }, after: { status } });
    return toInterview(row);
  });
}
