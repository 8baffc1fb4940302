// The needs and gaps matrix and the barriers, site by site: status words with the
// supporting case counts (never colour alone), analyst-decided cells marked, needs
// whose status differs between sites highlighted and marked.

import type { GapStatus } from '../core/needs.ts';
import { barrierPrevalence, gapMatrix } from '../analysis/gaps.ts';
import { casesShareCell, type ReportContext } from './context.ts';
import type { Block, ReportSection, Tone } from './model.ts';

const TONES: Record<GapStatus, Tone> = { met: 'good', ad_hoc: 'partial', unmet: 'bad', unknown: 'none' };

export async function gapsSection(ctx: ReportContext): Promise<ReportSection> {
  const { t, f } = ctx;
  const matrix = await gapMatrix(ctx.project, ctx.coderId ? { coderId: ctx.coderId } : {});
  const section: ReportSection = { id: 'gaps', title: t.sections.gaps, blocks: [], subsections: [] };
  if (matrix.rows.length === 0) {
    section.blocks.push({ kind: 'paragraph', text: t.noNeeds });
    return section;
  }
  section.blocks.push({ kind: 'paragraph', text: t.gapsIntro });
  section.blocks.push({
    kind: 'table',
    key: 'gaps',
    caption: t.gapsCaption,
    head: [t.needColumn, ...matrix.sites.map((s) => s.name)],
    rows: matrix.rows.map(({ need, cells, differs }) => {
      const label = t.needLabel(need.name, t.horizons[need.horizon], t.purposes[need.purpose]);
      return {
        highlight: differs,
        cells: [
          { text: differs ? `${label} ${t.differsMark}` : label },
          ...cells.map((c) => {
            const text = t.gapCell(t.statuses[c.status], f.number(c.cases));
            return { text: c.decision ? `${text} ${t.decidedMark}` : text, tone: TONES[c.status], marked: c.decision !== null };
          }),
        ],
      };
    }),
    notes: [t.decidedNote, t.differsNote],
  });
  return section;
}

export async function barriersSection(ctx: ReportContext): Promise<ReportSection> {
  const { t } = ctx;
  const prevalence = await barrierPrevalence(ctx.project, ctx.coderId ? { coderId: ctx.coderId } : {});
  const section: ReportSection = { id: 'barriers', title: t.sections.barriers, blocks: [], subsections: [] };
  if (prevalence.rows.length === 0) {
    section.blocks.push({ kind: 'paragraph', text: t.noBarriers });
    return section;
  }
  const blocks: Block[] = [
    { kind: 'paragraph', text: t.barriersIntro },
    {
      kind: 'table',
      key: 'barriers',
      caption: t.barriersCaption,
      head: [t.barrierColumn, ...prevalence.sites.map((s) => s.name), t.patternColumn],
      rows: prevalence.rows.map((r) => ({
        cells: [{ text: r.barrier.name }, ...r.cases.map((n, j) => casesShareCell(ctx, n, r.shares[j] ?? null)), { text: t.verdicts(r.verdict) }],
      })),
      notes: prevalence.sites.some((s) => s.codedCases === 0) ? [t.nothingCodedNote] : [],
    },
    {
      kind: 'figure',
      key: 'barriers',
      caption: t.barriersChart,
      chart: {
        kind: 'bar',
        title: t.barriersChart,
        categories: prevalence.rows.map((r) => r.barrier.name),
        series: prevalence.sites.map((s, j) => ({ name: s.name, values: prevalence.rows.map((r) => r.shares[j] ?? null) })),
        valueFormat: 'percent',
        locale: ctx.lang,
        horizontal: true,
      },
    },
  ];
  section.blocks.push(...blocks);
  return section;
}
