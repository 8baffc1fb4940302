// Findings per issue area (a top-level category of the codebook): its themes'
// prevalence by site as a table and a chart, then the quotes the analyst chose for
// them. Quotes are the only transcript text the report prints: each is its
// segment's exact text, attributed by the case's pseudonymous name and its site.

import type { Code, CodeId } from '../core/model.ts';
import type { ReportQuote } from '../core/findings.ts';
import type { ThemeAcrossSites } from '../analysis/site-comparison.ts';
import { casesShareCell, paragraphs, type ReportContext } from './context.ts';
import type { Block, ReportSection, Section, TableRow } from './model.ts';

export async function findingsSection(ctx: ReportContext): Promise<ReportSection> {
  const areas = ctx.study.codes.filter((c) => c.parentId === null);
  const subsections: Section[] = [];
  for (const area of areas) subsections.push(await areaSection(ctx, area));
  return { id: 'findings', title: ctx.t.sections.findings, blocks: [{ kind: 'paragraph', text: ctx.t.findingsIntro }], subsections };
}

/** A theme's label inside its issue area: its path below the area. */
const themeLabel = (ctx: ReportContext, area: Code, codeId: CodeId) => ctx.study.codePath(codeId).slice(area.name.length + 1) || area.name;

async function areaSection(ctx: ReportContext, area: Code): Promise<Section> {
  const { t, comparison } = ctx;
  const byCode = new Map(comparison.themes.map((theme) => [theme.codeId, theme]));
  const ids = ctx.study.subtree(area.id);
  const themes = ids.slice(1).flatMap((id) => byCode.get(id) ?? []);
  const whole = byCode.get(area.id);
  const row = (label: string, theme: ThemeAcrossSites): TableRow => ({
    cells: [{ text: label }, ...theme.cases.map((n, j) => casesShareCell(ctx, n, theme.shares[j] ?? null))],
  });
  const rows = [...(whole ? [row(themes.length ? t.anyTheme(area.name) : area.name, whole)] : []), ...themes.map((x) => row(themeLabel(ctx, area, x.codeId), x))];
  const charted = themes.length ? themes : whole ? [whole] : [];
  const caption = t.prevalenceCaption(area.name);
  const blocks: Block[] = [...(area.definition ? paragraphs(area.definition) : [])];
  if (rows.length) {
    blocks.push({
      kind: 'table',
      key: `prevalence-${area.id}`,
      caption,
      head: [t.themeColumn, ...comparison.sites.map((s) => s.name)],
      rows,
      notes: comparison.sites.some((s) => s.codedCases === 0) ? [t.nothingCodedNote] : [],
    });
    blocks.push({
      kind: 'figure',
      key: `prevalence-${area.id}`,
      caption,
      chart: {
        kind: 'bar',
        title: caption,
        categories: charted.map((x) => (x.codeId === area.id ? area.name : themeLabel(ctx, area, x.codeId))),
        series: comparison.sites.map((s, j) => ({ name: s.name, values: charted.map((x) => x.shares[j] ?? null) })),
        valueFormat: 'percent',
        locale: ctx.lang,
        horizontal: true,
      },
    });
  }
  const inArea = new Set(ids);
  const quotes = ctx.draft.quotes.filter((q) => inArea.has(q.codeId)).sort((a, b) => a.position - b.position);
  const subsections: Section[] = [];
  if (quotes.length) {
    const quoteBlocks: Block[] = [];
    for (const q of quotes) quoteBlocks.push(await quoteBlock(ctx, area, q));
    subsections.push({ id: `quotes-${area.id}`, title: t.quotes, blocks: quoteBlocks, subsections: [] });
  }
  return { id: `area-${area.id}`, title: area.name, blocks, subsections };
}

async function quoteBlock(ctx: ReportContext, area: Code, quote: ReportQuote): Promise<Block> {
  const { t, study } = ctx;
  const segment = await ctx.project.getSegment(quote.segmentId);
  const caseId = study.document(segment.documentId)?.caseId ?? null;
  const participant = study.caseRef(caseId)?.name ?? t.unknownParticipant;
  const site = study.tree.enclosing(caseId, 'site')?.name ?? t.unknownSite;
  return {
    kind: 'quote',
    segmentId: segment.id,
    text: segment.quote.exact,
    attribution: t.attribution(participant, site),
    theme: t.quoteTheme(themeLabel(ctx, area, quote.codeId)),
  };
}

/** Themes common to every site and themes that set sites apart, after the analyst's own comparison. */
export function comparisonSection(ctx: ReportContext): ReportSection {
  const { t, f, comparison } = ctx;
  const threshold = f.percent(comparison.threshold);
  const shareAt = (theme: ThemeAcrossSites, siteId: string) => theme.shares[comparison.sites.findIndex((s) => s.id === siteId)] ?? null;
  const similarities = comparison.similarities.map((theme) => {
    const shares = theme.strongAt.map((s) => shareAt(theme, s.id) ?? 0);
    return t.similarity(ctx.study.codePath(theme.codeId), threshold, f.percent(Math.min(...shares)), f.percent(Math.max(...shares)));
  });
  const sitesWithShares = (theme: ThemeAcrossSites, sites: readonly { id: string; name: string }[]) =>
    f.list(sites.map((s) => t.siteShare(s.name, f.percent(shareAt(theme, s.id) ?? 0))));
  const differences = comparison.differences.map((theme) =>
    t.difference(ctx.study.codePath(theme.codeId), sitesWithShares(theme, theme.strongAt), sitesWithShares(theme, theme.weakAt)),
  );
  const leaves = comparison.themes.filter((theme) => ctx.study.subtree(theme.codeId).length === 1);
  const blocks: Block[] = [...paragraphs(ctx.draft.comparison)];
  if (leaves.length && comparison.sites.length) {
    blocks.push({
      kind: 'figure',
      key: 'themes-by-site',
      caption: t.heatmapCaption,
      chart: {
        kind: 'heatmap',
        title: t.heatmapCaption,
        rows: leaves.map((x) => ctx.study.codePath(x.codeId)),
        columns: comparison.sites.map((s) => s.name),
        values: leaves.map((x) => x.shares),
        valueFormat: 'percent',
        locale: ctx.lang,
      },
    });
  }
  const list = (items: string[], none: string): Block => (items.length ? { kind: 'list', ordered: false, items } : { kind: 'paragraph', text: none });
  return {
    id: 'comparison',
    title: t.sections.comparison,
    blocks,
    subsections: [
      { id: 'similarities', title: t.similarities, blocks: [list(similarities, t.noSimilarities)], subsections: [] },
      { id: 'differences', title: t.differences, blocks: [list(differences, t.noDifferences)], subsections: [] },
    ],
  };
}
