// --out FILE for analysis commands: the extension picks the format (see
// analysis/outputs/files.ts); each file is written atomically (a temporary file
// in the same folder, then renamed), so a failed run leaves no half-written file.

import { InvalidArgumentError } from 'commander';
import { writeFileAtomically } from './files.ts';
import { CHART_FORMATS, TABLE_FORMATS, formatOf, isChartFormat, outputBytes, type AnalysisOutputs } from '../analysis/outputs/files.ts';

const dotted = (formats: readonly string[]) => formats.map((f) => `.${f}`).join(', ');

/** The --out option's parser for a command: collects files, refusing formats the command cannot write. */
export function outArg(command: string, hasChart: boolean): (value: string, previous: string[]) => string[] {
  const available = hasChart ? [...TABLE_FORMATS, ...CHART_FORMATS] : [...TABLE_FORMATS];
  return (value, previous) => {
    const format = formatOf(value);
    if (format === undefined) throw new InvalidArgumentError(`the file's extension chooses the format: ${dotted(available)}.`);
    if (!hasChart && isChartFormat(format)) throw new InvalidArgumentError(`${command} has no chart (.${format}); it writes ${dotted(available)}.`);
    return [...previous, value];
  };
}

export function outHelp(hasChart: boolean): string {
  return hasChart
    ? 'write the result to FILE (repeatable): .csv (main table), .xlsx (every table), .svg or .png (chart)'
    : 'write the result to FILE (repeatable): .csv or .xlsx';
}

/** Writes each file (all rendered first, so a rendering failure writes none); returns the paths written. */
export async function writeOutputs(paths: readonly string[], outputs: () => AnalysisOutputs): Promise<string[]> {
  if (paths.length === 0) return [];
  const made = outputs();
  const files = await Promise.all(paths.map(async (path) => ({ path, bytes: await outputBytes(made, formatOf(path)!) })));
  for (const f of files) writeFileAtomically(f.path, f.bytes);
  return files.map((f) => f.path);
}

/** The command's JSON document with the files written, and its human output followed by them. */
export function withWritten<T extends object>(result: T, written: readonly string[]): T | (T & { written: readonly string[] }) {
  return written.length ? { ...result, written } : result;
}

export function writtenLines(written: readonly string[]): string {
  return written.map((path) => `\nwrote ${path}`).join('');
}
