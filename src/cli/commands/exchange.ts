import type { Command } from 'commander';
import { basename } from 'node:path';
import { DEFAULT_LIMITS } from '../../formats/types.ts';
import { exportQdc, exportQdpx, type ExportResult } from '../../exchange/export.ts';
import { importQdc } from '../../exchange/import-codebook.ts';
import { importQdpx } from '../../exchange/import-project.ts';
import { renderReport } from '../../exchange/report.ts';
import { CLI_ACTOR, emit, globals, withProject, withStore } from '../context.ts';
import { readInputFile, writeFileAtomically } from '../files.ts';

export function registerExchangeCommands(program: Command): void {
  program
    .command('import-qdpx')
    .description('import a REFI-QDA project (.qdpx, or a bare .qde) as a new project, with a data-loss report')
    .argument('<file>', 'the .qdpx or .qde file')
    .option('--title <title>', 'title of the new project (default: the name in the file)')
    .action(async (file: string, opts: { title?: string }, command: Command) => {
      const g = globals(command);
      const bytes = readInputFile(file, DEFAULT_LIMITS.maxFileBytes);
      await withStore(g, async (store) => {
        const { project, report } = await importQdpx(store, bytes, CLI_ACTOR, { title: opts.title });
        const info = await project.get();
        emit(g, { project: { id: info.id, title: info.title }, report }, () => `Created project "${info.title}" from ${basename(file)}\n${renderReport(report)}`);
      });
    });

  program
    .command('import-qdc')
    .description('import a REFI-QDA codebook (.qdc) into the project, with a data-loss report')
    .argument('<file>', 'the .qdc file')
    .action(async (file: string, _opts: unknown, command: Command) => {
      const g = globals(command);
      const bytes = readInputFile(file, DEFAULT_LIMITS.maxFileBytes);
      await withProject(g, CLI_ACTOR, async (project) => {
        const report = await importQdc(project, bytes);
        emit(g, { report }, () => renderReport(report));
      });
    });

  const exporter = (name: string, what: string, run: typeof exportQdpx) =>
    program
      .command(name)
      .description(`export the project as ${what}, with a data-loss report`)
      .argument('<out>', 'file to write')
      .action(async (out: string, _opts: unknown, command: Command) => {
        const g = globals(command);
        await withProject(g, CLI_ACTOR, async (project) => {
          const { bytes, report }: ExportResult = await run(project);
          writeFileAtomically(out, bytes);
          emit(g, { file: out, bytes: bytes.length, report }, () => `Wrote ${out}\n${renderReport(report)}`);
        });
      });
  exporter('export-qdpx', 'a REFI-QDA project (.qdpx)', exportQdpx);
  exporter('export-qdc', 'a REFI-QDA codebook (.qdc)', exportQdc);
}
