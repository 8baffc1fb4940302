import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { relative } from 'node:path';
import { keepHeapSmall } from '../../import/heap.ts';
import { importFiles, type FileOutcome } from '../../import/pipeline.ts';
import { CLI_ACTOR, emit, globals, withProject } from '../context.ts';
import { progressBar } from '../progress.ts';

function attrArg(value: string, previous: Record<string, string>): Record<string, string> {
  const eq = value.indexOf('=');
  if (eq < 1) throw new InvalidArgumentError('expected key=value.');
  return { ...previous, [value.slice(0, eq).trim()]: value.slice(eq + 1) };
}

function describe(o: FileOutcome): string {
  const rel = relative(process.cwd(), o.file);
  const file = rel && !rel.startsWith('..') ? rel : o.file;
  switch (o.status) {
    case 'imported': {
      const facts = [o.format, o.encoding, o.language ?? 'language unknown', `${o.turns} turns`, o.pages ? `${o.pages} pages` : ''].filter(Boolean);
      return `imported   ${file} → "${o.name}" (${facts.join(', ')})${o.warnings.map((w) => `\n           warning: ${w}`).join('')}`;
    }
    case 'duplicate':
      return `duplicate  ${file}: already in the project as "${o.existing.name}"`;
    case 'skipped':
      return `skipped    ${file}: ${o.reason}`;
    case 'failed':
      return `failed     ${file}: ${o.reason}`;
  }
}

export function registerImportCommands(program: Command): void {
  program
    .command('import')
    .description('import transcripts (txt, docx, odt, rtf, pdf, html, md, vtt, srt, csv) from files or folders')
    .argument('<paths...>', 'files or folders (searched recursively)')
    .option('--case <name>', 'the case the documents belong to (created as a participant if absent)')
    .option('--site <name>', 'the site (created if absent); parent of a new case')
    .option('--attr <key=value>', 'an attribute of the case (repeatable)', attrArg, {})
    .action(async (paths: string[], opts: { case?: string; site?: string; attr: Record<string, string> }, command: Command) => {
      const g = globals(command);
      keepHeapSmall();
      await withProject(g, CLI_ACTOR, async (project) => {
        const bar = progressBar();
        const outcomes = await importFiles(
          project,
          paths,
          { caseName: opts.case, siteName: opts.site, attributes: opts.attr },
          (p) => bar.update(p.done, p.total, p.file),
        );
        bar.finish();
        const count = (status: FileOutcome['status']) => outcomes.filter((o) => o.status === status).length;
        const summary = { imported: count('imported'), duplicate: count('duplicate'), failed: count('failed'), skipped: count('skipped') };
        emit(g, { summary, files: outcomes }, () =>
          [...outcomes.map(describe), `${summary.imported} imported, ${summary.duplicate} duplicates, ${summary.failed} failed, ${summary.skipped} skipped`].join('\n'),
        );
        for (const o of outcomes) if (o.status === 'failed') process.stderr.write(`error: ${o.file}: ${o.reason}\n`);
        if (summary.failed) process.exitCode = 1;
      });
    });
}
