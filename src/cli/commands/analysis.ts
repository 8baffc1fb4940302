import { InvalidArgumentError, type Command } from 'commander';
import { CASE_KINDS, type CaseKind } from '../../core/model.ts';
import { invalid } from '../../core/errors.ts';
import { mapCodes, parseQuery } from '../../core/analysis/query-syntax.ts';
import type { ProjectStore } from '../../store/store.ts';
import { codingQuery } from '../../analysis/coding-query.ts';
import { MATRIX_COUNTS, matrixQuery, type MatrixColumns, type MatrixCount } from '../../analysis/matrix.ts';
import { cooccurrence } from '../../analysis/cooccurrence.ts';
import { frameworkView } from '../../analysis/framework.ts';
import { compareSites } from '../../analysis/site-comparison.ts';
import { caseProfile } from '../../analysis/case-profile.ts';
import type { Scope } from '../../analysis/scope.ts';
import { CLI_ACTOR, emit, globals, withProject } from '../context.ts';
import { renderPairs, renderTable } from '../render.ts';
import { choiceArg, offsetArg } from '../options.ts';
import { outArg, outHelp, withWritten, writeOutputs, writtenLines } from '../outputs.ts';
import {
  caseProfileTable,
  codingQueryTable,
  cooccurrenceTable,
  frameworkTable,
  matrixTable,
  siteComparisonTable,
  strongestPairsTable,
} from '../../analysis/outputs/tables.ts';
import { cooccurrenceHeatmap, matrixHeatmap, siteComparisonChart } from '../../analysis/outputs/charts.ts';

const collect = (value: string, previous: string[]) => [...previous, value];

/** A share between 0 and 1, written 0.4 or 40%. */
function shareArg(value: string): number {
  const percent = value.trim().endsWith('%');
  const n = Number(percent ? value.trim().slice(0, -1) : value);
  if (!Number.isFinite(n)) throw new InvalidArgumentError('expected a share such as 0.5 or 50%.');
  const share = percent ? n / 100 : n;
  if (share < 0 || share > 1) throw new InvalidArgumentError('a share is between 0 and 1 (0% and 100%).');
  return share;
}

const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);

const clip = (s: string, n = 70) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

interface ScopeOptions {
  site?: string;
  attr: string[];
  coder?: string;
  document?: string;
}

async function scopeOf(project: ProjectStore, opts: ScopeOptions): Promise<Scope> {
  const attributes = opts.attr.map((pair) => {
    const at = pair.indexOf('=');
    if (at <= 0) throw invalid(`--attr takes NAME=VALUE, not "${pair}"`);
    return { name: pair.slice(0, at).trim(), value: pair.slice(at + 1) };
  });
  return {
    ...(opts.site ? { siteId: (await project.findCase(opts.site)).id } : {}),
    ...(attributes.length ? { attributes } : {}),
    ...(opts.coder ? { coderId: (await project.findUser(opts.coder)).id } : {}),
    ...(opts.document ? { documentIds: [(await project.findDocument(opts.document)).id] } : {}),
  };
}

const coderOf = async (project: ProjectStore, coder?: string) => (coder ? { coderId: (await project.findUser(coder)).id } : {});

function columnsArg(value: string): MatrixColumns {
  if (value === 'site') return { by: 'site' };
  if (CASE_KINDS.includes(value as CaseKind)) return { by: 'case', kind: value as CaseKind };
  if (value.startsWith('attr:') && value.length > 5) return { by: 'attribute', name: value.slice(5) };
  throw new InvalidArgumentError('expected site, organisation, participant or attr:NAME.');
}

export function registerAnalysisCommands(program: Command): void {
  program
    .command('query')
    .description('coded passages matching a Boolean combination of codes: A AND B, A OR B, A AND NOT B, A NEAR/50 B, A NEAR/PARAGRAPH B, A NEAR/TURN B, A INSIDE B, (…)')
    .argument('<expression>', 'e.g. \'"Obstacles/Fear of deportation" AND NOT "Needs/Safe housing"\'')
    .option('--site <ref>', 'only documents of this site')
    .option('--attr <name=value>', 'only cases with this attribute value, on the case or an enclosing one (repeatable)', collect, [])
    .option('--coder <name|id>', 'only this coder’s codings')
    .option('--document <id|name>', 'only this document')
    .option('--no-interviewer', 'leave out interviewer turns')
    .option('--out <file>', outHelp(false), outArg('query', false), [])
    .action(async (expression: string, opts: ScopeOptions & { interviewer: boolean; out: string[] }, command: Command) => {
      const g = globals(command);
      const parsed = parseQuery(expression);
      await withProject(g, CLI_ACTOR, async (project) => {
        const expr = await mapCodes(parsed, async (ref) => (await project.findCode(ref)).id);
        const result = await codingQuery(project, expr, { ...(await scopeOf(project, opts)), excludeInterviewer: !opts.interviewer });
        const written = await writeOutputs(opts.out, () => ({ tables: [codingQueryTable(result)] }));
        emit(g, withWritten(result, written), () =>
          [
            renderTable(['document', 'case', 'site', 'range', 'text'], result.hits.map((h) => [h.document.name, h.case?.name ?? '', h.site?.name ?? '', `${h.start}..${h.end}`, clip(h.text, 60)])),
            `${result.hits.length} passages in ${result.documents} documents (${result.cases} cases)${writtenLines(written)}`,
          ].join('\n'),
        );
      });
    });

  program
    .command('matrix')
    .description('codes × sites, cases or attribute values: counts of segments, documents, cases or coded words')
    .option('--rows <code|all>', 'a code (with the codes under it) or all codes', 'all')
    .option('--columns <site|organisation|participant|attr:NAME>', 'what the columns are', columnsArg, { by: 'site' } as MatrixColumns)
    .option('--count <what>', `what cells count: ${MATRIX_COUNTS.join(', ')}`, choiceArg(MATRIX_COUNTS), 'cases' as MatrixCount)
    .option('--coder <name|id>', 'only this coder’s codings')
    .option('--out <file>', outHelp(true), outArg('matrix', true), [])
    .action(async (opts: { rows: string; columns: MatrixColumns; count: MatrixCount; coder?: string; out: string[] }, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const root = opts.rows === 'all' ? {} : { rootCodeId: (await project.findCode(opts.rows)).id };
        const m = await matrixQuery(project, { ...root, columns: opts.columns, count: opts.count, ...(await coderOf(project, opts.coder)) });
        const show = (n: number, i: number, j: number) => (m.count === 'cases' ? `${n} (${percent(m.percentOfCases[i]![j]!)})` : String(n));
        const written = await writeOutputs(opts.out, () => ({ tables: [matrixTable(m)], chart: matrixHeatmap(m) }));
        emit(g, withWritten(m, written), () =>
          renderTable(
            ['code', ...m.columns.map((c) => (m.count === 'cases' ? `${c.label} (n=${c.codedCases})` : c.label)), 'total'],
            [
              ...m.rows.map((r, i) => [`${'  '.repeat(r.depth)}${r.path.split('/').at(-1)}`, ...m.cells[i]!.map((n, j) => show(n, i, j)), m.rowTotals[i]!]),
              ['total (distinct)', ...m.columnTotals, m.total],
            ],
          ) + writtenLines(written),
        );
      });
    });

  program
    .command('cooccurrence')
    .description('pairs of codes whose passages overlap (or lie within N characters), strongest first')
    .option('--within <n>', 'count passages at most N code points apart, not only overlapping ones', offsetArg)
    .option('--top <n>', 'how many pairs to list', offsetArg, 20)
    .option('--coder <name|id>', 'only this coder’s codings')
    .option('--out <file>', outHelp(true), outArg('cooccurrence', true), [])
    .action(async (opts: { within?: number; top: number; coder?: string; out: string[] }, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const result = await cooccurrence(project, { top: opts.top, ...(opts.within !== undefined ? { within: opts.within } : {}), ...(await coderOf(project, opts.coder)) });
        const written = await writeOutputs(opts.out, () => ({ tables: [strongestPairsTable(result), cooccurrenceTable(result)], chart: cooccurrenceHeatmap(result) }));
        emit(g, withWritten(result, written), () => renderTable(['code', 'code', 'pairs'], result.pairs.map((x) => [x.a.path, x.b.path, x.count])) + writtenLines(written));
      });
    });

  program
    .command('framework')
    .description('framework matrix: cases as rows, themes as columns, with summaries and segment counts')
    .option('--rows <kind>', `cases as rows: ${CASE_KINDS.join(', ')}`, choiceArg(CASE_KINDS))
    .option('--theme <code>', 'a theme column (repeatable)', collect, [])
    .option('--matrix <name|id>', 'a saved framework matrix: its rows, themes and summaries')
    .option('--fill', 'draft empty cells from their segments’ quotes')
    .option('--coder <name|id>', 'only this coder’s codings')
    .option('--out <file>', outHelp(false), outArg('framework', false), [])
    .action(async (opts: { rows?: CaseKind; theme: string[]; matrix?: string; fill?: boolean; coder?: string; out: string[] }, command: Command) => {
      const g = globals(command);
      if (!opts.matrix && (!opts.rows || opts.theme.length === 0)) throw invalid('give --rows and at least one --theme, or --matrix');
      await withProject(g, CLI_ACTOR, async (project) => {
        const themeIds = await Promise.all(opts.theme.map(async (t) => (await project.findCode(t)).id));
        const view = await frameworkView(project, {
          ...(opts.matrix ? { matrix: opts.matrix } : { rowKind: opts.rows, themeIds }),
          fill: Boolean(opts.fill),
          ...(await coderOf(project, opts.coder)),
        });
        const text = (c: (typeof view.cells)[number][number]) => clip(c.summary || c.draft || '', 60);
        const written = await writeOutputs(opts.out, () => ({ tables: [frameworkTable(view)] }));
        emit(g, withWritten(view, written), () =>
          renderTable(
            [view.rowKind, ...view.themes.flatMap((t) => [t.path, ''])],
            view.rows.map((r, i) => [r.name, ...view.cells[i]!.flatMap((c) => [`${c.segments}`, text(c)])]),
          ) + writtenLines(written),
        );
      });
    });

  program
    .command('compare-sites')
    .description('for each theme, the share of each site’s coded cases that mention it; similarities and differences')
    .option('--threshold <share>', 'share at which a theme is strong at a site (0.5 or 50%)', shareArg, 0.5)
    .option('--weak <share>', 'share at or below which a theme is weak at a site', shareArg, 0)
    .option('--rows <code>', 'only this code and the codes under it')
    .option('--coder <name|id>', 'only this coder’s codings')
    .option('--out <file>', outHelp(true), outArg('compare-sites', true), [])
    .action(async (opts: { threshold: number; weak: number; rows?: string; coder?: string; out: string[] }, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const root = opts.rows ? { rootCodeId: (await project.findCode(opts.rows)).id } : {};
        const c = await compareSites(project, { ...root, threshold: opts.threshold, weak: opts.weak, ...(await coderOf(project, opts.coder)) });
        const written = await writeOutputs(opts.out, () => ({ tables: [siteComparisonTable(c)], chart: siteComparisonChart(c) }));
        emit(g, withWritten(c, written), () =>
          [
            renderTable(
              ['theme', ...c.sites.map((s) => `${s.name} (n=${s.codedCases})`), 'finding'],
              c.themes.map((t) => [t.path, ...t.shares.map(percent), t.verdict ?? '']),
            ),
            `${c.similarities.length} similarities (≥ ${percent(c.threshold)} everywhere), ${c.differences.length} differences (≥ ${percent(c.threshold)} somewhere, ≤ ${percent(c.weak)} elsewhere)${writtenLines(written)}`,
          ].join('\n'),
        );
      });
    });

  program
    .command('profile')
    .description('one case across every theme: counts, quotes, attributes and memos')
    .argument('<case>', 'a participant, organisation or site (id, path or name)')
    .option('--quotes <n>', 'quotes per theme', offsetArg, 3)
    .option('--coder <name|id>', 'only this coder’s codings')
    .option('--out <file>', outHelp(false), outArg('profile', false), [])
    .action(async (ref: string, opts: { quotes: number; coder?: string; out: string[] }, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const p = await caseProfile(project, ref, { quotes: opts.quotes, ...(await coderOf(project, opts.coder)) });
        const written = await writeOutputs(opts.out, () => ({ tables: [caseProfileTable(p)] }));
        emit(g, withWritten(p, written), () =>
          [
            `${p.case.name} (${p.case.kind})${p.site ? `, ${[p.organisation?.name, p.site.name].filter(Boolean).join(', ')}` : ''}`,
            renderPairs(p.attributes.map((a) => [a.name, `${a.value}${a.from.id === p.case.id ? '' : ` (${a.from.name})`}`])),
            `${p.documents.length} documents: ${p.documents.map((d) => d.name).join(', ')}`,
            '',
            ...p.themes.flatMap((t) => [`${t.path}  (${t.segments} passages, ${t.documents} documents)`, ...t.quotes.map((q) => `  “${clip(q.text)}” (${q.document})`)]),
            ...(p.memos.length ? ['', `${p.memos.length} memos:`, ...p.memos.map((m) => `  ${m.title || clip(m.text, 60)}`)] : []),
          ].join('\n') + writtenLines(written),
        );
      });
    });
}
