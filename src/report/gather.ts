// The store and the analyses → the report's document model, in the report's
// language. Reads only; prints no transcript text but the quotes the analyst chose.

import type { Language, UserId } from '../core/model.ts';
import type { ProjectStore } from '../store/store.ts';
import { loadStudy } from '../analysis/scope.ts';
import { compareSites } from '../analysis/site-comparison.ts';
import { paragraphs, type ReportContext } from './context.ts';
import { comparisonSection, findingsSection } from './findings.ts';
import { reportFormatter } from './format.ts';
import { REPORT_MESSAGES } from './messages.ts';
import { methodologySection } from './methodology.ts';
import type { ReportDocument } from './model.ts';
import { barriersSection, gapsSection } from './needs-section.ts';

export interface GatherOptions {
  lang: Language;
  /** Only this coder's codings count in prevalence, needs and barriers. */
  coderId?: UserId;
  /** The report's date; default now. */
  date?: Date;
}

export async function gatherReport(project: ProjectStore, options: GatherOptions): Promise<ReportDocument> {
  const t = REPORT_MESSAGES[options.lang];
  const f = reportFormatter(options.lang);
  const [info, study, comparison, draft] = await Promise.all([
    project.get(),
    loadStudy(project),
    compareSites(project, options.coderId ? { coderId: options.coderId } : {}),
    project.reportDraft(),
  ]);
  const ctx: ReportContext = { project, lang: options.lang, t, f, study, comparison, draft, ...(options.coderId ? { coderId: options.coderId } : {}) };
  const summary = paragraphs(draft.summary);
  const recommendations = draft.recommendations.map((r) => r.trim()).filter(Boolean);
  return {
    lang: options.lang,
    title: info.title,
    kind: t.kind,
    date: t.producedOn(f.date(options.date ?? new Date())),
    runningHeader: `${info.title} · ${t.kind}`,
    pageLabel: t.page,
    contentsTitle: t.contents,
    labelSeparator: t.labelSeparator,
    sections: [
      { id: 'summary', title: t.sections.summary, blocks: summary.length ? summary : [{ kind: 'paragraph', text: t.noSummary, note: true }], subsections: [] },
      await methodologySection(ctx),
      await findingsSection(ctx),
      comparisonSection(ctx),
      await gapsSection(ctx),
      await barriersSection(ctx),
      {
        id: 'recommendations',
        title: t.sections.recommendations,
        blocks: recommendations.length ? [{ kind: 'list', ordered: true, items: recommendations }] : [{ kind: 'paragraph', text: t.noRecommendations, note: true }],
        subsections: [],
      },
    ],
  };
}
