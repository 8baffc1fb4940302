// The documents list and the study's progress: each document with its case,
// organisation, site, interview status and coders; interviews per status and site;
// each coder's reach.

import type { InterviewStatus } from '../core/model.ts';
import { INTERVIEW_STATUSES } from '../core/model.ts';
import type { CoderProgress, DocumentRow, SiteInterviewProgress } from '../core/read-models.ts';
import type { ProjectStore } from '../store/store.ts';
import { caseTree } from './case-tree.ts';

export async function documentRows(project: ProjectStore): Promise<DocumentRow[]> {
  const [documents, cases, interviews, tallies] = await Promise.all([
    project.listDocuments(),
    project.listCases(),
    project.listInterviews(),
    project.documentCodingCounts(),
  ]);
  const tree = caseTree(cases);
  const statusOf = new Map(interviews.map((i) => [i.id, i.status]));
  const byDocument = new Map<string, typeof tallies>();
  for (const t of tallies) byDocument.set(t.documentId, [...(byDocument.get(t.documentId) ?? []), t]);
  return documents.map((d) => {
    const mine = byDocument.get(d.id) ?? [];
    const own = tree.get(d.caseId);
    return {
      ...d,
      case: own ? { id: own.id, name: own.name } : null,
      organisation: tree.enclosing(d.caseId, 'organisation'),
      site: tree.enclosing(d.caseId, 'site'),
      interviewStatus: d.interviewId ? (statusOf.get(d.interviewId) ?? null) : null,
      coderIds: mine.map((t) => t.coderId).sort(),
      codings: mine.reduce((sum, t) => sum + t.codings, 0),
    };
  });
}

export async function studyProgress(project: ProjectStore): Promise<{ coders: CoderProgress[]; sites: SiteInterviewProgress[] }> {
  const [cases, interviews, tallies] = await Promise.all([project.listCases(), project.listInterviews(), project.documentCodingCounts()]);
  const tree = caseTree(cases);
  const zero = () => Object.fromEntries(INTERVIEW_STATUSES.map((s) => [s, 0])) as Record<InterviewStatus, number>;
  const sites = cases.filter((c) => c.kind === 'site').map((site) => ({ site: { id: site.id, name: site.name }, counts: zero() }));
  for (const interview of interviews) {
    const site = tree.enclosing(interview.participantId, 'site');
    const entry = sites.find((s) => s.site.id === site?.id);
    if (entry) entry.counts[interview.status]++;
  }
  const coders = new Map<string, CoderProgress>();
  for (const t of tallies) {
    const entry = coders.get(t.coderId) ?? { coderId: t.coderId, documents: 0, codings: 0 };
    entry.documents++;
    entry.codings += t.codings;
    coders.set(t.coderId, entry);
  }
  return { coders: [...coders.values()], sites };
}
