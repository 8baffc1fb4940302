import type { Command } from 'commander';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { invalid } from '../../core/errors.ts';
import { DEFAULT_LIMITS } from '../../formats/types.ts';
import { exportQdc, exportQdpx, type ExportResult } from '../../exchange/export.ts';
import { importQdc } from '../../exchange/import-codebook.ts';
import { importQdpx } from '../../exchange/import-project.ts';
import { renderReport } from '../../exchange/report.ts';
import { CLI_ACTOR, emit, globals, withProject, withStore } from '../context.ts';

/** The file's bytes, refusing a missing, non-regular or oversized file with a clear error. */
function readInput(file: string): Uint8Array {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw invalid(`${file} is not a file`);
    size = stat.size;
  } catch (err) {
    if (err instanceof Error && 'code' in err) throw invalid(`cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
    throw err;
  }
  if (size > DEFAULT_LIMITS.maxFileBytes) throw invalid(`${file} is larger than the ${DEFAULT_LIMITS.maxFileBytes / 2 ** 20} MB allowed`);
  return readFileSync(file);
}

/** Writes through a temporary file, so a failed export never leaves half a file under the wanted name. */
function writeOutput(out: string, bytes: Uint8Array): void {
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, out);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw invalid(`cannot write ${out}: ${(err as Error).message}`);
  }
}

export function registerExchangeCommands(program: Command): void {
  program
    .command('import-qdpx')
    .description('import a REFI-QDA project (.qdpx, or a bare .qde) as a new project, with a data-loss report')
    .argument('<file>', 'the .qdpx or .qde file')
    .option('--title <title>', 'title of the new project (default: the name in the file)')
    .action(async (file: string, opts: { title?: string }, command: Command) => {
      const g = globals(command);
      const bytes = readInput(file);
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
      const bytes = readInput(file);
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
          writeOutput(out, bytes);
          emit(g, { file: out, bytes: bytes.length, report }, () => `Wrote ${out}\n${renderReport(report)}`);
        });
      });
  exporter('export-qdpx', 'a REFI-QDA project (.qdpx)', exportQdpx);
  exporter('export-qdc', 'a REFI-QDA codebook (.qdc)', exportQdc);
}
