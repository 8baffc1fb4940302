import type { Command } from 'commander';
import type { Language } from '../../core/model.ts';
import { ensureDemo } from '../../demo/build.ts';
import { CLI_ACTOR, emit, globals, withProject, withStore } from '../context.ts';
import { renderPairs, renderTable } from '../render.ts';
import { languagesArg, offsetArg } from '../options.ts';

export function registerProjectCommands(program: Command): void {
  program
    .command('init')
    .description('create a new, empty project')
    .requiredOption('--title <title>', 'project title')
    .option('--description <text>', 'what the study is about', '')
    .option('--languages <list>', 'document languages, comma-separated (en, fr)', languagesArg, ['en'] as Language[])
    .action(async (opts: { title: string; description: string; languages: Language[] }, command: Command) => {
      const g = globals(command);
      await withStore(g, async (store) => {
        const project = await (await store.createProject({ title: opts.title, description: opts.description, languages: opts.languages }, CLI_ACTOR)).get();
        emit(g, project, () => `Created project "${project.title}" (${project.id}) in ${store.location}`);
      });
    });

  program
    .command('demo')
    .description('create the fictional demo study (4 sites, 40 participants, coded transcripts) if absent')
    .action(async (_opts: unknown, command: Command) => {
      const g = globals(command);
      await withStore(g, async (store) => {
        const { project, created } = await ensureDemo(store);
        const info = await project.get();
        const stats = await project.stats();
        emit(g, { project: info.title, id: info.id, created, stats }, () =>
          `${created ? 'Created' : 'Already present:'} "${info.title}" in ${store.location}\n` +
          `${stats.sites} sites, ${stats.participants} participants, ${stats.documents} transcripts, ${stats.codings} codings by ${stats.coders} coders`,
        );
      });
    });

  program
    .command('start')
    .description('open the demo study in the default database and say what to do next')
    .action(async (_opts: unknown, command: Command) => {
      const g = globals(command);
      await withStore(g, async (store) => {
        const { project, created } = await ensureDemo(store);
        const stats = await project.stats();
        emit(g, { db: store.location, created, stats }, () =>
          [
            `Crosswise: ${created ? 'created' : 'opened'} the demo study (fictional data) in ${store.location}`,
            `  ${stats.sites} sites · ${stats.participants} participants · ${stats.documents} transcripts · ${stats.codes} codes · ${stats.codings} codings by ${stats.coders} coders`,
            '',
            'The web workspace is not built yet. Explore from the command line:',
            '  npx crosswise stats              counts for the study',
            '  npx crosswise cases              sites, organisations and participants',
            '  npx crosswise documents          transcripts',
            '  npx crosswise codes              the codebook with counts',
            '  npx crosswise codings --code "Obstacles/Fear of deportation"',
            '  npx crosswise --help             every command',
          ].join('\n'),
        );
      });
    });

  program
    .command('projects')
    .description('list the projects in the database')
    .action(async (_opts: unknown, command: Command) => {
      const g = globals(command);
      await withStore(g, async (store) => {
        const projects = await store.listProjects();
        emit(g, projects, () =>
          projects.length ? renderTable(['id', 'title'], projects.map((p) => [p.id, p.title])) : `${store.location} has no project yet`,
        );
      });
    });

  program
    .command('stats')
    .description('counts of sites, cases, documents, codes, codings and memos')
    .action(async (_opts: unknown, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const { title } = await project.get();
        const stats = await project.stats();
        emit(g, { project: title, ...stats }, () => `${title}\n${renderPairs(Object.entries(stats))}`);
      });
    });

  program
    .command('log')
    .description('the change log: who changed what, when')
    .option('--after <seq>', 'only changes after this sequence number', offsetArg, 0)
    .option('--limit <n>', 'at most this many changes', offsetArg, 50)
    .action(async (opts: { after: number; limit: number }, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const users = new Map((await project.listUsers()).map((u) => [u.id, u.name]));
        const changes = await project.changes({ afterSeq: opts.after, limit: opts.limit });
        emit(g, changes, () =>
          renderTable(
            ['seq', 'at', 'who', 'action'],
            changes.map((c) => [c.seq, c.at, 'userId' in c.actor ? (users.get(c.actor.userId) ?? c.actor.userId) : c.actor.system, `${c.action} ${c.entity} ${c.entityId}`]),
          ),
        );
      });
    });
}
