import type { Command } from 'commander';
import type { Actor } from '../core/model.ts';
import { invalid } from '../core/errors.ts';
import { openStore } from '../store/open.ts';
import type { ProjectStore, Store } from '../store/store.ts';
import { DEMO_TITLE } from '../demo/study.ts';

/** Options every command has (declared on the program in main.ts). */
export interface GlobalOptions {
  db: string;
  project?: string;
  json?: boolean;
}

export const DEFAULT_DB = './crosswise.db';

export function globals(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

export async function withStore<T>(options: GlobalOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(options.db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/**
 * The project a command works on: --project (id, title, or "demo"), else the
 * only project in the database.
 */
export async function resolveProject(store: Store, options: GlobalOptions, actor: Actor): Promise<ProjectStore> {
  if (options.project) {
    const projects = await store.listProjects();
    const isDemoAlias = options.project.toLowerCase() === 'demo' && !projects.some((p) => p.title.toLowerCase() === 'demo');
    return store.openProject(isDemoAlias ? DEMO_TITLE : options.project, actor);
  }
  const projects = await store.listProjects();
  if (projects.length === 0) throw invalid(`${store.location} has no project yet: run crosswise init or crosswise demo`);
  if (projects.length > 1) {
    throw invalid(`${store.location} has ${projects.length} projects; choose one with --project (${projects.map((p) => `"${p.title}"`).join(', ')})`);
  }
  return store.openProject(projects[0]!.id, actor);
}

export async function withProject<T>(
  options: GlobalOptions,
  actor: Actor,
  fn: (project: ProjectStore, store: Store) => Promise<T>,
): Promise<T> {
  return withStore(options, async (store) => fn(await resolveProject(store, options, actor), store));
}

/** Prints exactly one JSON document with --json, else the human rendering. */
export function emit(options: GlobalOptions, json: unknown, human: () => string): void {
  process.stdout.write(options.json ? `${JSON.stringify(json, null, 2)}\n` : `${human()}\n`);
}

export const CLI_ACTOR: Actor = { system: 'cli' };
