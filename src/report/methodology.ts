// The methodology section, filled in from the data: the study design (interviews,
// sites, organisation types, interview mode and dates), the analysis method, and
// the coders' agreement. Coders appear as "Coder 1", "Coder 2": the report names
// no user.

import type { CaseId, Interview, InterviewMode } from '../core/model.ts';
import { INTERVIEW_MODES } from '../core/model.ts';
import type { Result } from '../core/stats/result.ts';
import { projectAgreement, type AgreementStatistics } from '../analysis/agreement.ts';
import { count, type ReportContext } from './context.ts';
import type { Block, ReportSection, Section, TableRow } from './model.ts';

export async function methodologySection(ctx: ReportContext): Promise<ReportSection> {
  const { t } = ctx;
  return {
    id: 'methodology',
    title: t.sections.methodology,
    blocks: [],
    subsections: [await designSection(ctx), await analysisSection(ctx), await agreementSection(ctx)],
  };
}

async function designSection(ctx: ReportContext): Promise<Section> {
  const { project, t, f, study } = ctx;
  const [info, stats, interviews] = await Promise.all([project.get(), project.stats(), project.listInterviews()]);
  const sites = study.cases.filter((c) => c.kind === 'site');
  const blocks: Block[] = [];
  if (info.description) blocks.push({ kind: 'paragraph', text: info.description });
  blocks.push({
    kind: 'paragraph',
    text: t.design({
      interviews: count(f, stats.interviews),
      participants: count(f, stats.participants),
      organisations: count(f, stats.organisations),
      sites: count(f, stats.sites),
      siteNames: f.list(sites.map((s) => s.name)),
    }),
  });
  blocks.push({
    kind: 'facts',
    items: [
      { key: 'sites', term: t.factSites, value: f.number(stats.sites) },
      { key: 'organisations', term: t.factOrganisations, value: f.number(stats.organisations) },
      { key: 'participants', term: t.factParticipants, value: f.number(stats.participants) },
      { key: 'interviews', term: t.factInterviews, value: f.number(stats.interviews) },
      { key: 'documents', term: t.factDocuments, value: f.number(stats.documents) },
      { key: 'mode', term: t.factMode, value: modes(ctx, interviews) },
      { key: 'dates', term: t.factDates, value: dates(ctx, interviews) },
    ],
  });
  blocks.push(sitesTable(ctx, interviews));
  const types = typesTable(ctx);
  if (types) blocks.push(types);
  const subsections: Section[] = [];
  if (info.objectives.length) subsections.push({ id: 'objectives', title: t.objectives, blocks: [{ kind: 'list', ordered: true, items: info.objectives }], subsections: [] });
  if (info.definitions.length) {
    const definitions = info.definitions.flatMap((d): Block[] => [
      { kind: 'paragraph', text: t.definition(d.term, d.definition) },
      ...(d.source ? [{ kind: 'paragraph' as const, text: t.definitionSource(d.source), note: true }] : []),
    ]);
    subsections.push({ id: 'definitions', title: t.definitions, blocks: definitions, subsections: [] });
  }
  return { id: 'design', title: t.studyDesign, blocks, subsections };
}

function modes(ctx: ReportContext, interviews: readonly Interview[]): string {
  const byMode = new Map<InterviewMode, number>();
  for (const i of interviews) byMode.set(i.mode, (byMode.get(i.mode) ?? 0) + 1);
  const used = INTERVIEW_MODES.filter((m) => byMode.has(m));
  if (used.length === 0) return ctx.t.notRecorded;
  return ctx.f.list(used.map((m) => ctx.t.modeCount(ctx.t.modes[m], ctx.f.number(byMode.get(m)!))));
}

function dates(ctx: ReportContext, interviews: readonly Interview[]): string {
  // ISO dates sort as text.
  const known = interviews.flatMap((i) => (i.date ? [i.date] : [])).sort();
  if (known.length === 0) return ctx.t.notRecorded;
  return ctx.t.dateRange(ctx.f.date(known[0]!), ctx.f.date(known.at(-1)!));
}

/** Per site: organisations, participants, interviews and participants with coded transcripts (what shares divide by). */
function sitesTable(ctx: ReportContext, interviews: readonly Interview[]): Block {
  const { t, f, study, comparison } = ctx;
  const siteOf = (id: CaseId | null) => study.tree.enclosing(id, 'site')?.id;
  const tally = (siteId: CaseId, kind: 'organisation' | 'participant') => study.cases.filter((c) => c.kind === kind && siteOf(c.id) === siteId).length;
  const rows: TableRow[] = comparison.sites.map((site) => ({
    cells: [
      { text: site.name },
      { text: f.number(tally(site.id, 'organisation')), numeric: true },
      { text: f.number(tally(site.id, 'participant')), numeric: true },
      { text: f.number(interviews.filter((i) => siteOf(i.participantId) === site.id).length), numeric: true },
      { text: f.number(site.codedCases), numeric: true },
    ],
  }));
  return {
    kind: 'table',
    key: 'sites',
    caption: t.sitesCaption,
    head: [t.siteColumn, t.organisationsColumn, t.participantsColumn, t.interviewsColumn, t.codedColumn],
    rows,
    notes: [],
  };
}

/** Organisations and their participants per type, when the study records a type of organisation. */
function typesTable(ctx: ReportContext): Block | null {
  const { t, f, study } = ctx;
  const organisations = study.cases.filter((c) => c.kind === 'organisation');
  const attribute = [...new Set(organisations.flatMap((o) => Object.keys(o.attributes)))].find((name) => /\btype\b/i.test(name));
  if (!attribute) return null;
  const byType = new Map<string, { organisations: number; participants: number }>();
  for (const o of organisations) {
    const type = o.attributes[attribute];
    if (type === undefined || type === '') continue;
    const entry = byType.get(String(type)) ?? { organisations: 0, participants: 0 };
    entry.organisations += 1;
    entry.participants += study.cases.filter((c) => c.kind === 'participant' && study.tree.enclosing(c.id, 'organisation')?.id === o.id).length;
    byType.set(String(type), entry);
  }
  return {
    kind: 'table',
    key: 'organisation-types',
    caption: t.typesCaption,
    head: [t.typeColumn, t.organisationsColumn, t.participantsColumn],
    rows: [...byType].map(([type, n]) => ({
      cells: [{ text: type }, { text: f.number(n.organisations), numeric: true }, { text: f.number(n.participants), numeric: true }],
    })),
    notes: [],
  };
}

async function analysisSection(ctx: ReportContext): Promise<Section> {
  const { project, t, f, study, comparison } = ctx;
  const [stats, guide] = await Promise.all([project.stats(), project.guide()]);
  const areas = study.codes.filter((c) => c.parentId === null).length;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: t.analysisMethod({
        areas: count(f, areas),
        codes: count(f, stats.codableCodes),
        segments: count(f, stats.segments),
        codings: count(f, stats.codings),
        coders: count(f, stats.coders),
      }),
    },
  ];
  if (guide.length) blocks.push({ kind: 'paragraph', text: t.guideAreas(count(f, guide.length), f.list(guide.map((a) => `“${a.title}”`))) });
  blocks.push({ kind: 'paragraph', text: t.prevalenceMethod(f.percent(comparison.threshold), comparison.weak > 0 ? f.percent(comparison.weak) : null) });
  if (ctx.coderId) blocks.push({ kind: 'paragraph', text: t.oneCoderOnly, note: true });
  blocks.push({ kind: 'paragraph', text: t.gapMethod }, { kind: 'paragraph', text: t.quoteMethod });
  return { id: 'analysis', title: t.analysis, blocks, subsections: [] };
}

type Statistic = Result<{ defined: true; value: number }> | null;

async function agreementSection(ctx: ReportContext): Promise<Section> {
  const { project, t, f } = ctx;
  const section: Section = { id: 'agreement', title: t.agreement, blocks: [], subsections: [] };
  const [users, tallies] = await Promise.all([project.listUsers(), project.documentCodingCounts()]);
  const coderIds = users.filter((u) => tallies.some((x) => x.coderId === u.id && x.codings > 0)).map((u) => u.id);
  if (coderIds.length < 2) {
    section.blocks.push({ kind: 'paragraph', text: t.agreementNone });
    return section;
  }
  // Passages, not characters: a ministry reader can picture a passage, and uncoded text does not inflate it.
  const report = await projectAgreement(project, { coderIds, unit: 'segment' });
  const value = (r: Statistic) => (r === null ? '' : r.defined ? f.decimal(r.value) : t.notDefined);
  const percent = (r: AgreementStatistics['percentAgreement']) => (r.defined ? f.percent(r.value) : t.notDefined);
  const { overall } = report;
  const kappa = overall.cohenKappa
    ? [t.cohenKappa, overall.cohenKappa.defined ? `${value(overall.cohenKappa)} (${t.confidence(f.decimal(overall.cohenKappa.ci95[0]), f.decimal(overall.cohenKappa.ci95[1]))})` : t.notDefined]
    : [t.fleissKappa, value(overall.fleissKappa)];
  section.blocks.push(
    {
      kind: 'paragraph',
      text: t.agreementIntro({ coders: count(f, report.coders.length), documents: count(f, report.documents.length), codes: count(f, report.codes.length) }),
    },
    {
      kind: 'facts',
      items: [
        { key: 'agreement-level', term: t.factLevel, value: t.segmentLevel },
        { key: 'agreement-coders', term: t.factCoders, value: `${f.number(report.coders.length)} (${f.list(report.coders.map((_, i) => t.coderLabel(i + 1)))})` },
        { key: 'agreement-units', term: t.factUnits, value: f.number(overall.units) },
      ],
    },
    {
      kind: 'table',
      key: 'agreement',
      caption: t.agreementCaption,
      head: [t.factStatistic, t.valueColumn],
      rows: [
        [t.percentAgreement, percent(overall.percentAgreement)],
        kappa,
        [t.krippendorffAlpha, value(overall.krippendorffAlpha)],
      ].map((cells) => ({ cells: cells.map((text, i) => ({ text: text!, numeric: i > 0 })) })),
      notes: [],
    },
    {
      kind: 'table',
      key: 'agreement-by-code',
      caption: t.byCodeCaption,
      head: [t.codeColumn, t.passagesColumn, t.agreementColumn, t.kappaColumn, t.alphaColumn],
      rows: report.codes
        .filter((c) => c.units > 0)
        .map((c) => ({
          cells: [
            { text: c.code },
            { text: f.number(c.units), numeric: true },
            { text: percent(c.percentAgreement), numeric: true },
            { text: value(c.cohenKappa ?? c.fleissKappa), numeric: true },
            { text: value(c.krippendorffAlpha), numeric: true },
          ],
        })),
      notes: [],
    },
    { kind: 'paragraph', text: t.caveatSegments(f.percent(report.overlap ?? 0)), note: true },
    { kind: 'paragraph', text: t.caveatDocuments(count(f, report.documents.length), count(f, report.skippedDocuments.length)), note: true },
    { kind: 'paragraph', text: t.caveatChance, note: true },
  );
  return section;
}
