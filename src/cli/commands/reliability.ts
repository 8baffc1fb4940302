// Agreement statistics: `reliability` for a CSV of codes from anywhere, and
// `agreement` for the coders of a project.

import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { invalid, notFound } from '../../core/errors.ts';
import { countTable, type CountTable, type ReliabilityData, type Value } from '../../core/stats/data.ts';
import type { Result } from '../../core/stats/result.ts';
import { percentAgreement } from '../../core/stats/percent-agreement.ts';
import { cohenKappa, KAPPA_WEIGHTS, type CohenKappa, type KappaWeights } from '../../core/stats/cohen-kappa.ts';
import { fleissKappa, fleissKappaOf, type FleissKappa } from '../../core/stats/fleiss-kappa.ts';
import { krippendorffAlpha, LEVELS, type Level } from '../../core/stats/krippendorff-alpha.ts';
import { parseCsv } from '../../formats/csv.ts';
import { AGREEMENT_UNITS, DEFAULT_OVERLAP, projectAgreement, type AgreementReport, type AgreementStatistics, type AgreementUnit } from '../../analysis/agreement.ts';
import { CLI_ACTOR, emit, globals, withProject } from '../context.ts';
import { renderTable } from '../render.ts';
import { choiceArg } from '../options.ts';

const METRICS = ['alpha', 'cohen', 'fleiss', 'percent'] as const;
type Metric = (typeof METRICS)[number];

/** A header cell that says the first column names the rows rather than being a unit or category. */
const NAME_COLUMN = /^(|coders?|raters?|observers?|annotators?|judges?|names?|ids?|units?|subjects?|items?)$/i;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function readCsv(file: string): { header: string[]; names: string[] | null; cells: string[][] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw notFound(`cannot read "${file}"`);
  }
  const [header, ...rows] = parseCsv(text).map((r) => r.fields.map((f) => f.trim()));
  if (!header || rows.length === 0) throw invalid(`"${file}" needs a header row and at least one row of data`);
  const named = NAME_COLUMN.test(header[0]!);
  const width = header.length - (named ? 1 : 0);
  const cells = rows.map((r, i) => {
    const values = named ? r.slice(1) : r;
    if (values.length > width) throw invalid(`"${file}" row ${i + 2} has ${values.length} values for ${width} columns`);
    return [...values, ...new Array<string>(width - values.length).fill('')];
  });
  return { header: named ? header.slice(1) : header, names: named ? rows.map((r, i) => r[0] || `row ${i + 1}`) : null, cells };
}

/** One row per coder, one column per unit; numbers when every value is a number. */
function readCoderData(file: string): ReliabilityData {
  const { header, names, cells } = readCsv(file);
  const numeric = cells.every((r) => r.every((v) => v === '' || NUMBER.test(v)));
  return {
    coders: names ?? cells.map((_, i) => `coder ${i + 1}`),
    units: header,
    values: cells.map((r) => r.map((v): Value | null => (v === '' ? null : numeric ? Number(v) : v))),
  };
}

/** One row per unit, one column per category, counts of coders (empty: 0). */
function readCounts(file: string): CountTable {
  const { header, cells } = readCsv(file);
  return {
    categories: header,
    rows: cells.map((r, i) => ({
      counts: r.map((v, j) => {
        if (v === '') return 0;
        if (!/^\d+$/.test(v)) throw invalid(`"${file}" row ${i + 2}, column "${header[j]}": a count must be a whole number, not "${v}"`);
        return Number(v);
      }),
    })),
  };
}

// Rounding noise must not print as -0.0000.
const fixed = (x: number) => (Math.abs(x) < 5e-5 ? 0 : x).toFixed(4);
const show = (r: Result<{ defined: true; value: number }> | null): string => (r === null ? '' : r.defined ? fixed(r.value) : 'undefined');
const interval = (k: CohenKappa) => `${fixed(k.ci95[0])} … ${fixed(k.ci95[1])}`;
const reasons = (results: readonly (Result<{ defined: true }> | null)[]) =>
  results.flatMap((r) => (r && !r.defined ? [`undefined: ${r.reason}`] : []));

function humanReliability(metric: Metric, result: Result<{ defined: true; value: number }>, rows: (string | number)[][]): string {
  if (!result.defined) return `${metric}: undefined — ${result.reason}`;
  return renderTable(['statistic', 'value', 'n', '95% CI'], rows);
}

function fleissRows(k: FleissKappa): (string | number)[][] {
  return [
    ['Fleiss’ kappa', fixed(k.value), k.units, ''],
    ...(k.z === null ? [] : [['  z (test of κ = 0)', k.z.toFixed(2), '', '']]),
    ...k.categories.map((c) => [`  category ${c.category}`, c.kappa.defined ? fixed(c.kappa.value) : `undefined (${c.kappa.reason})`, k.units, '']),
  ];
}

function usage(command: Command, message: string): never {
  command.error(`error: ${message}`, { exitCode: 2 });
}

function overlapArg(value: string): number {
  const n = Number(value);
  if (!(n > 0 && n <= 1)) throw new InvalidArgumentError('expected a number above 0 and at most 1.');
  return n;
}

const list = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);

function statisticsCells(s: AgreementStatistics): string[] {
  const kappa = s.cohenKappa ?? s.fleissKappa;
  const ci = s.cohenKappa?.defined ? ` (${interval(s.cohenKappa)})` : '';
  return [s.percentAgreement.defined ? `${(100 * s.percentAgreement.value).toFixed(1)}%` : 'undefined', `${show(kappa)}${ci}`, show(s.krippendorffAlpha)];
}

function humanAgreement(r: AgreementReport): string {
  const names = new Map(r.coders.map((c) => [c.id, c.name]));
  const kappaName = r.coders.length === 2 ? 'Cohen’s κ (95% CI)' : 'Fleiss’ κ';
  const header = ['code', 'units', 'agreement', kappaName, 'α', ...(r.unit === 'character' ? ['α_u'] : [])];
  const rows = [
    ...r.codes.map((c) => [c.code, c.units, ...statisticsCells(c), ...(r.unit === 'character' ? [show(c.unitizingAlpha)] : [])]),
    ['overall', r.overall.units, ...statisticsCells(r.overall), ...(r.unit === 'character' ? [''] : [])],
  ];
  const shown = r.disagreements.slice(0, 20);
  return [
    `${r.coders.map((c) => c.name).join(', ')}: ${r.unit} level${r.onlyCoded ? ', coded text only' : ''}, ${r.documents.length} document(s)`,
    '',
    renderTable(header, rows),
    '',
    ...r.notes,
    ...[...r.codes, { ...r.overall, code: 'overall' }].flatMap((c) => reasons([c.krippendorffAlpha]).map((x) => `${c.code}: α ${x}`)),
    '',
    `${r.disagreements.length} disagreement(s)${r.disagreements.length > shown.length ? `, the first ${shown.length} (all with --json)` : ''}`,
    ...(shown.length
      ? [renderTable(['document', 'range', 'code', 'coded by'], shown.map((d) => [d.document, `${d.start}..${d.end}`, d.code, d.codedBy.map((id) => names.get(id) ?? id).join(', ')]))]
      : []),
  ].join('\n');
}

export function registerReliabilityCommands(program: Command): void {
  program
    .command('reliability')
    .description('agreement statistics for a CSV: one row per coder, one column per unit (or, with --counts, units × categories)')
    .argument('<file>', 'CSV file: a header row of unit names, an optional first column of coder names (header "coder"), empty cells missing')
    .requiredOption('--metric <metric>', `statistic (${METRICS.join(', ')})`, choiceArg(METRICS))
    .option('--level <level>', `Krippendorff’s alpha: level of measurement (${LEVELS.join(', ')})`, choiceArg(LEVELS))
    .option('--weights <weights>', `Cohen’s kappa: weights (${KAPPA_WEIGHTS.join(', ')})`, choiceArg(KAPPA_WEIGHTS))
    .option('--counts', 'Fleiss’ kappa: the file is a table of counts, one row per unit, one column per category')
    .action((file: string, opts: { metric: Metric; level?: Level; weights?: KappaWeights; counts?: boolean }, command: Command) => {
      const g = globals(command);
      if (opts.level && opts.metric !== 'alpha') usage(command, '--level applies to --metric alpha only');
      if (opts.weights && opts.metric !== 'cohen') usage(command, '--weights applies to --metric cohen only');
      if (opts.counts && opts.metric !== 'fleiss') usage(command, '--counts applies to --metric fleiss only');
      if (opts.counts) {
        const k = fleissKappa(readCounts(file));
        emit(g, { metric: 'fleiss', counts: true, result: k }, () => humanReliability('fleiss', k, k.defined ? fleissRows(k) : []));
        return;
      }
      const data = readCoderData(file);
      const shape = { coders: data.coders.length, units: data.units.length };
      switch (opts.metric) {
        case 'alpha': {
          const level = opts.level ?? 'nominal';
          const a = krippendorffAlpha(countTable(data), level);
          emit(g, { metric: 'alpha', level, ...shape, result: a }, () =>
            humanReliability('alpha', a, a.defined ? [[`Krippendorff’s alpha (${level})`, fixed(a.value), `${a.pairableValues} values in ${a.units} units`, '']] : []),
          );
          return;
        }
        case 'cohen': {
          if (data.coders.length !== 2) throw invalid(`Cohen’s kappa compares exactly two coders; "${file}" has ${data.coders.length} (use --metric fleiss or alpha)`);
          const weights = opts.weights ?? 'unweighted';
          const k = cohenKappa(data.values[0]!, data.values[1]!, { weights });
          emit(g, { metric: 'cohen', weights, ...shape, result: k }, () =>
            humanReliability('cohen', k, k.defined ? [[`Cohen’s kappa (${weights})`, fixed(k.value), k.n, interval(k)], ['  standard error', fixed(k.se), '', '']] : []),
          );
          return;
        }
        case 'fleiss': {
          const k = fleissKappaOf(data);
          emit(g, { metric: 'fleiss', ...shape, result: k }, () => {
            const note = k.defined && k.unitsLeftOut > 0 ? `\n${k.unitsLeftOut} unit(s) not coded by every coder left out.` : '';
            return humanReliability('fleiss', k, k.defined ? fleissRows(k) : []) + note;
          });
          return;
        }
        case 'percent': {
          const p = percentAgreement(countTable(data));
          emit(g, { metric: 'percent', ...shape, result: p }, () =>
            humanReliability('percent', p, p.defined ? [['percent agreement', fixed(p.value), p.units, ''], ['  all coders agree', fixed(p.unanimous), p.units, '']] : []),
          );
        }
      }
    });

  program
    .command('agreement')
    .description('how consistently coders applied each code in the project, and where they disagree')
    .requiredOption('--coders <list>', 'two or more coders, comma-separated names or ids', list)
    .option('--codes <list>', 'only these codes (paths, names or ids; a category means its codes), comma-separated', list)
    .option('--documents <list>', 'only these documents (names or ids), comma-separated; default: those every coder coded', list)
    .option('--unit <unit>', `unit of comparison (${AGREEMENT_UNITS.join(', ')})`, choiceArg(AGREEMENT_UNITS), 'character' as AgreementUnit)
    .option('--only-coded', 'count only text (or passages, documents) at least one coder coded with the code: uncoded text inflates agreement')
    .option('--overlap <ratio>', `segment level: overlap/union for two passages to match (default ${DEFAULT_OVERLAP})`, overlapArg)
    .action(async (opts: { coders: string[]; codes?: string[]; documents?: string[]; unit: AgreementUnit; onlyCoded?: boolean; overlap?: number }, command: Command) => {
      const g = globals(command);
      if (opts.overlap !== undefined && opts.unit !== 'segment') usage(command, '--overlap applies to --unit segment only');
      await withProject(g, CLI_ACTOR, async (project) => {
        const coderIds = await Promise.all(opts.coders.map(async (c) => (await project.findUser(c)).id));
        const codeIds = opts.codes && (await Promise.all(opts.codes.map(async (c) => (await project.findCode(c)).id)));
        const documentIds = opts.documents && (await Promise.all(opts.documents.map(async (d) => (await project.findDocument(d)).id)));
        const report = await projectAgreement(project, {
          coderIds,
          unit: opts.unit,
          onlyCoded: opts.onlyCoded ?? false,
          ...(codeIds ? { codeIds } : {}),
          ...(documentIds ? { documentIds } : {}),
          ...(opts.overlap !== undefined ? { overlap: opts.overlap } : {}),
        });
        emit(g, report, () => humanAgreement(report));
      });
    });
}
