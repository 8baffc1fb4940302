// `crosswise report`: the findings report as HTML, DOCX or PDF, in English or French.

import type { Command } from 'commander';
import { LANGUAGES, type Language } from '../../core/model.ts';
import { buildReport, REPORT_FORMATS, type ReportFormat } from '../../report/report.ts';
import { CLI_ACTOR, emit, globals, withProject } from '../context.ts';
import { choiceArg } from '../options.ts';
import { progressBar } from '../progress.ts';
import { writeFileAtomically } from '../files.ts';

export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description('write the findings report (summary, methodology, findings, site comparison, needs and gaps, barriers, recommendations)')
    .requiredOption('--format <format>', `file format (${REPORT_FORMATS.join(', ')})`, choiceArg(REPORT_FORMATS))
    .option('--lang <lang>', `language of the report (${LANGUAGES.join(', ')})`, choiceArg(LANGUAGES), 'en' as Language)
    .option('--out <file>', 'file to write (default: from the project title, in the current folder)')
    .option('--coder <name|id>', 'count only this coder’s codings in prevalence, needs and barriers')
    .action(async (opts: { format: ReportFormat; lang: Language; out?: string; coder?: string }, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const coderId = opts.coder ? (await project.findUser(opts.coder)).id : undefined;
        const bar = progressBar();
        const file = await buildReport(project, opts.format, { lang: opts.lang, ...(coderId ? { coderId } : {}) }, (stage) =>
          bar.update(stage === 'gather' ? 0 : 1, 2, stage === 'gather' ? 'reading the study' : `writing ${opts.format.toUpperCase()}`),
        );
        bar.finish();
        const out = opts.out ?? file.filename;
        writeFileAtomically(out, file.bytes);
        emit(g, { file: out, format: opts.format, lang: opts.lang, bytes: file.bytes.length }, () => `Wrote ${out} (${file.bytes.length} bytes)`);
      });
    });
}
