import type { Command } from 'commander';
import { CASE_KINDS, type CaseKind } from '../../core/model.ts';
import { CLI_ACTOR, emit, globals, withProject } from '../context.ts';
import { renderTable, renderTree } from '../render.ts';
import { choiceArg } from '../options.ts';

export function registerStudyCommands(program: Command): void {
  program
    .command('cases')
    .description('sites, organisations and participants with their attributes')
    .option('--kind <kind>', `only cases of this kind (${CASE_KINDS.join(', ')})`, choiceArg(CASE_KINDS))
    .action(async (opts: { kind?: CaseKind }, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const cases = await project.listCases(opts.kind ? { kind: opts.kind } : {});
        const attrs = (c: (typeof cases)[number]) =>
          Object.entries(c.attributes).map(([k, v]) => `${k}: ${v}`).join('; ');
        emit(g, cases, () =>
          opts.kind
            ? renderTable(['name', 'attributes'], cases.map((c) => [c.name, attrs(c)]))
            : renderTree(
                cases.map((c) => (cases.some((p) => p.id === c.parentId) ? c : { ...c, parentId: null })),
                (c) => `${c.name} [${c.kind}]${Object.keys(c.attributes).length ? `  ${attrs(c)}` : ''}`,
              ),
        );
      });
    });

  program
    .command('documents')
    .description('the documents (transcripts) of the project')
    .action(async (_opts: unknown, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const docs = await project.listDocuments();
        const cases = new Map((await project.listCases()).map((c) => [c.id, c.name]));
        const codings = await project.listCodings();
        const count = (id: string) => codings.filter((k) => k.documentId === id).length;
        emit(g, docs.map((d) => ({ ...d, codings: count(d.id) })), () =>
          renderTable(
            ['name', 'case', 'language', 'length', 'codings', 'id'],
            docs.map((d) => [d.name, d.caseId ? (cases.get(d.caseId) ?? '') : '', d.language ?? '', d.length, count(d.id), d.id]),
          ),
        );
      });
    });

  program
    .command('interviews')
    .description('interviews with their participant, date, mode and status')
    .action(async (_opts: unknown, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const interviews = await project.listInterviews();
        const cases = new Map((await project.listCases()).map((c) => [c.id, c.name]));
        const users = new Map((await project.listUsers()).map((u) => [u.id, u.name]));
        emit(g, interviews, () =>
          renderTable(
            ['participant', 'date', 'mode', 'status', 'interviewer'],
            interviews.map((i) => [cases.get(i.participantId) ?? '', i.date ?? '', i.mode, i.status, i.interviewerId ? (users.get(i.interviewerId) ?? '') : '']),
          ),
        );
      });
    });
}
