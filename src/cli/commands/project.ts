import type { Command } from 'commander';
import type { Language } from '../../core/model.ts';
import { ensureDemo } from '../../demo/build.ts';
import { CLI_ACTOR, emit, globals, withProject, withStore } from '../context.ts';
import { renderPairs, renderTable } from '../render.ts';
import { languagesArg, offsetArg, parsePort } from '../options.ts';
import { openStore } from '../../store/open.ts';
import { assertLoopback, startServer } from '../../server/server.ts';

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
    .description('open the demo study (created on first start) and serve the workspace on this computer')
    .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, 4477)
    .option('--host <address>', 'loopback address to listen on', '127.0.0.1')
    .action(async (opts: { port: number; host: string }, command: Command) => {
      const g = globals(command);
      assertLoopback(opts.host);
      const store = await openStore(g.db);
      try {
        const { created } = await ensureDemo(store);
        const server = await startServer({ store, host: opts.host, port: opts.port });
        emit(g, { db: store.location, created, url: server.url }, () =>
          [
            `Crosswise: ${created ? 'created' : 'opened'} the demo study (fictional data) in ${store.location}`,
            `Workspace: ${server.url}/   API: ${server.url}/api/docs`,
            'Press Ctrl+C to stop.',
          ].join('\n'),
        );
        await new Promise<void>((done) => {
          const stop = () => void server.close().then(done);
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      } finally {
        await store.close();
      }
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
