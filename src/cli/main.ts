import { Command, CommanderError } from 'commander';
import { CrosswiseError } from '../core/errors.ts';
import { DEFAULT_DB } from './context.ts';
import { registerProjectCommands } from './commands/project.ts';
import { registerStudyCommands } from './commands/study.ts';
import { registerCodingCommands } from './commands/coding.ts';
import { registerImportCommands } from './commands/import.ts';
import { registerTextAnalysisCommands } from './commands/text-analysis.ts';
import { registerExchangeCommands } from './commands/exchange.ts';
import { registerReliabilityCommands } from './commands/reliability.ts';
import { registerAnalysisCommands } from './commands/analysis.ts';
import { registerNeedsCommands } from './commands/needs.ts';
import { registerServicesCommands } from './commands/services.ts';
import { registerReportCommands } from './commands/report.ts';

const program = new Command('crosswise')
  .description('Crosswise: a qualitative research workbench for multi-site studies.')
  .option('--db <path|url>', 'SQLite file or postgres:// URL (env CROSSWISE_DB)', process.env.CROSSWISE_DB || DEFAULT_DB)
  .option('--project <id|title>', 'project to work on (default: the only one; "demo" for the demo study)')
  .option('--json', 'print exactly one JSON document on stdout')
  .exitOverride()
  .configureOutput({ outputError: (message, write) => write(message) });

registerProjectCommands(program);
registerStudyCommands(program);
registerCodingCommands(program);
registerImportCommands(program);
registerTextAnalysisCommands(program);
registerExchangeCommands(program);
registerReliabilityCommands(program);
registerAnalysisCommands(program);
registerNeedsCommands(program);
registerServicesCommands(program);
registerReportCommands(program);
for (const command of program.commands) command.exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Help and version exit 0; anything else commander rejects is a usage error.
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else if (err instanceof CrosswiseError) {
    process.stderr.write(`error: ${err.message}\n`);
    process.exitCode = 1;
  } else {
    // Unexpected: say what failed without dumping data; the stack helps a bug report.
    process.stderr.write(`error: ${(err as Error).message}\n`);
    if (process.env.CROSSWISE_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    process.exitCode = 1;
  }
}
