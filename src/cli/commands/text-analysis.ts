import { InvalidArgumentError, type Command } from 'commander';
import { invalid } from '../../core/errors.ts';
import type { ProjectStore } from '../../store/store.ts';
import { autocodeSearch, autocodeSpeaker, WIDENINGS, type Widen } from '../../analysis/autocode.ts';
import { keywordsInContext, type DocumentScope, type KwicHit } from '../../analysis/search.ts';
import { wordFrequencies } from '../../analysis/words.ts';
import { CLI_ACTOR, emit, globals, withProject } from '../context.ts';
import { choiceArg, offsetArg } from '../options.ts';
import { renderTable } from '../render.ts';
import { outArg, outHelp, withWritten, writeOutputs, writtenLines } from '../outputs.ts';
import { kwicTable, wordsTable } from '../../analysis/outputs/tables.ts';
import { wordCloud, wordsBarChart } from '../../analysis/outputs/charts.ts';

/** Code points of context shown on each side of a hit. */
const CONTEXT = 50;

function attrArg(value: string): { name: string; value: string } {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError('expected key=value.');
  return { name: value.slice(0, at).trim(), value: value.slice(at + 1) };
}

const WORD_CHARTS = ['bar', 'cloud'] as const;
type WordChart = (typeof WORD_CHARTS)[number];

const ngramArg = (value: string) => Number(choiceArg(['1', '2', '3'])(value));
const collect = (value: string, previous: string[]) => [...previous, value];

interface ScopeOptions {
  site?: string;
  attr?: { name: string; value: string };
  document?: string[];
}

async function scopeOf(project: ProjectStore, opts: ScopeOptions): Promise<DocumentScope> {
  const scope: DocumentScope = {};
  if (opts.site) {
    const site = await project.findCase(opts.site);
    if (site.kind !== 'site') throw invalid(`"${opts.site}" is a ${site.kind}, not a site`);
    scope.siteId = site.id;
  }
  if (opts.attr) scope.attribute = opts.attr;
  if (opts.document?.length) scope.documentIds = await Promise.all(opts.document.map(async (d) => (await project.findDocument(d)).id));
  return scope;
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

/** One KWIC line: the hit in brackets (highlighted on a terminal) with its sentence around it, clipped. */
function kwicLine(h: KwicHit, tty: boolean): string {
  const before = [...flat(h.before)];
  const after = [...flat(h.after)];
  const left = (before.length > CONTEXT ? '…' : '') + before.slice(-CONTEXT).join('');
  const right = after.slice(0, CONTEXT).join('') + (after.length > CONTEXT ? '…' : '');
  const hit = tty ? `\x1b[1;7m${flat(h.hit)}\x1b[0m` : `[${flat(h.hit)}]`;
  const where = [h.site?.name, h.case?.name].filter(Boolean).join('/');
  return `${h.document.name}${where ? ` (${where})` : ''} ${h.start}..${h.end}${h.speaker ? ` ${h.speaker}` : ''}: ${left}${hit}${right}`;
}

export function registerTextAnalysisCommands(program: Command): void {
  program
    .command('search')
    .description('find words, "quoted phrases" and prefix* in the documents (ignoring case and accents), each hit in its sentence')
    .argument('<query...>', 'what to find; a document must have every term')
    .option('--stem', 'match English and French word forms by their stem (logement finds logements)')
    .option('--limit <n>', 'hits to show', offsetArg, 20)
    .option('--offset <n>', 'hits to skip first', offsetArg, 0)
    .option('--site <id|name>', 'only documents of this site')
    .option('--attr <key=value>', 'only documents whose case has this attribute value', attrArg)
    .option('--out <file>', outHelp(false), outArg('search', false), [])
    .action(async (words: string[], opts: ScopeOptions & { stem?: boolean; limit: number; offset: number; out: string[] }, command: Command) => {
      const g = globals(command);
      const query = words.join(' ');
      await withProject(g, CLI_ACTOR, async (project) => {
        const scope = await scopeOf(project, opts);
        const page = await keywordsInContext(project, query, { ...scope, stem: opts.stem ?? false, limit: opts.limit, offset: opts.offset });
        const written = await writeOutputs(opts.out, () => ({ tables: [kwicTable(page)] }));
        emit(g, withWritten({ query, offset: opts.offset, limit: opts.limit, more: page.more, hits: page.hits }, written), () => {
          if (page.hits.length === 0) return (opts.offset > 0 ? `No hits after the first ${opts.offset}.` : `No hits for ${query}.`) + writtenLines(written);
          const lines = page.hits.map((h) => kwicLine(h, process.stdout.isTTY === true));
          const shown = `hits ${opts.offset + 1}–${opts.offset + page.hits.length}`;
          if (page.more) lines.push(`Showing ${shown}; more with --offset ${opts.offset + page.hits.length}.`);
          else lines.push(opts.offset > 0 ? `Showing ${shown}, the last.` : `${page.hits.length} hit${page.hits.length === 1 ? '' : 's'}.`);
          return lines.join('\n') + writtenLines(written);
        });
      });
    });

  program
    .command('autocode')
    .description('code every hit of a search (optionally widened), or every turn of a speaker, in one transaction')
    .option('--query <query>', 'a search, as for crosswise search')
    .option('--speaker <name>', 'a speaker label, e.g. Respondent')
    .requiredOption('--code <id|path|name>', 'the code to apply')
    .requiredOption('--coder <name|id>', 'who codes')
    .option('--widen <how>', `code the ${WIDENINGS.join(', ')} around each hit`, choiceArg(WIDENINGS), 'hit')
    .option('--stem', 'match word forms by their stem')
    .option('--site <id|name>', 'only documents of this site')
    .option('--attr <key=value>', 'only documents whose case has this attribute value', attrArg)
    .action(async (opts: ScopeOptions & { query?: string; speaker?: string; code: string; coder: string; widen: Widen; stem?: boolean }, command: Command) => {
      const g = globals(command);
      if ((opts.query === undefined) === (opts.speaker === undefined)) throw invalid('give either --query or --speaker');
      if (opts.speaker !== undefined && opts.widen !== 'hit') throw invalid('--widen applies to --query; a speaker’s turns are coded whole');
      await withProject(g, CLI_ACTOR, async (anonymous, store) => {
        const coder = await anonymous.findUser(opts.coder);
        const project = await store.openProject(anonymous.id, { userId: coder.id });
        const code = await project.findCode(opts.code);
        const scope = await scopeOf(project, opts);
        const target = { codeId: code.id, coderId: coder.id };
        const result =
          opts.query !== undefined
            ? await autocodeSearch(project, opts.query, target, { ...scope, stem: opts.stem ?? false, widen: opts.widen })
            : await autocodeSpeaker(project, opts.speaker!, target, scope);
        const what = opts.query !== undefined ? `${result.hits} hits of ${opts.query}` : `${result.hits} turns of ${opts.speaker}`;
        emit(g, { code: code.name, coder: coder.name, ...result }, () =>
          [
            `Coded ${code.name} (${coder.name}): ${what} in ${result.documents} documents → ${result.created} new codings, ${result.existing} already coded.`,
            ...(result.skipped > 0 ? [`${result.skipped} hits are outside any speaker turn and were not coded.`] : []),
          ].join('\n'),
        );
      });
    });

  program
    .command('words')
    .description('word frequency (or n-grams) without stop words, for a site, an attribute value or chosen documents')
    .option('--site <id|name>', 'only documents of this site')
    .option('--attr <key=value>', 'only documents whose case has this attribute value', attrArg)
    .option('--document <id|name>', 'only this document (repeatable)', collect, [])
    .option('--stem', 'group word forms by their stem')
    .option('--ngram <n>', 'words per term: 1, 2 or 3', ngramArg, 1)
    .option('--top <n>', 'terms to show', offsetArg, 30)
    .option('--no-interviewer', 'leave out the interviewer’s turns')
    .option('--out <file>', outHelp(true), outArg('words', true), [])
    .option('--chart <kind>', 'the chart --out draws: bar or cloud', choiceArg(WORD_CHARTS), 'bar')
    .action(async (opts: ScopeOptions & { stem?: boolean; ngram: number; top: number; interviewer: boolean; out: string[]; chart: WordChart }, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const scope = await scopeOf(project, opts);
        const result = await wordFrequencies(project, { ...scope, stem: opts.stem ?? false, ngram: opts.ngram, top: opts.top, excludeInterviewer: !opts.interviewer });
        const written = await writeOutputs(opts.out, () => ({ tables: [wordsTable(result)], chart: opts.chart === 'cloud' ? wordCloud(result) : wordsBarChart(result) }));
        emit(g, withWritten(result, written), () => {
          const head = `${result.documents} documents, ${result.words} words read`;
          if (result.terms.length === 0) return `${head}; no terms.${writtenLines(written)}`;
          return `${head}\n${renderTable(['term', 'count', 'documents'], result.terms.map((t) => [t.term, t.count, t.documents]))}${writtenLines(written)}`;
        });
      });
    });
}
