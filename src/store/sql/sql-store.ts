import type { Kysely } from 'kysely';
import type { Actor, Project } from '../../core/model.ts';
import { notFound, invalid } from '../../core/errors.ts';
import type { Database } from '../schema.ts';
import type { DialectName } from '../dialect.ts';
import type { NewProject, ProjectStore, Store } from '../store.ts';
import { SqlProjectStore } from './project-store.ts';
import { insertProject, listProjects } from './projects.ts';
import { migrate, schemaVersion } from './migrate.ts';
import type { TextIndex } from './context.ts';

/** The Store over any Kysely dialect; the adapters only open the connection and migrate. */
export class SqlStore implements Store {
  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: DialectName,
    readonly location: string,
    private readonly textIndex?: TextIndex,
  ) {}

  private scope(projectId: string, actor: Actor): ProjectStore {
    return new SqlProjectStore({ db: this.db, dialect: this.dialect, projectId, actor, ...this.with() });
  }

  private with(): { textIndex?: TextIndex } {
    return this.textIndex ? { textIndex: this.textIndex } : {};
  }

  async createProject(input: NewProject, actor: Actor, fill?: (project: ProjectStore) => Promise<void>): Promise<ProjectStore> {
    const id = await this.db.transaction().execute(async (db) => {
      const project = await insertProject(db, this.dialect, input, actor);
      await fill?.(new SqlProjectStore({ db, dialect: this.dialect, projectId: project.id, actor, ...this.with() }));
      return project.id;
    });
    return this.scope(id, actor);
  }

  listProjects(): Promise<Project[]> {
    return listProjects(this.db);
  }

  async openProject(ref: string, actor: Actor): Promise<ProjectStore> {
    const key = ref.trim().toLocaleLowerCase();
    const projects = await this.listProjects();
    const found = projects.find((p) => p.id === ref) ?? projects.find((p) => p.title.toLocaleLowerCase() === key);
    if (!found) {
      const known = projects.map((p) => `"${p.title}"`).join(', ');
      throw (projects.length ? notFound : invalid)(
        projects.length ? `no project "${ref}" in ${this.location} (it has ${known})` : `${this.location} has no project yet: run crosswise init or crosswise demo`,
      );
    }
    return this.scope(found.id, actor);
  }

  schemaVersion(): Promise<number> {
    return schemaVersion(this.db);
  }

  async close(): Promise<void> {
    await this.textIndex?.close();
    await this.db.destroy();
  }
}

/** Migrates a freshly opened database and wraps it as a Store, with the adapter's text index when it keeps one; closes it if either fails. */
export async function migratedStore(db: Kysely<Database>, dialect: DialectName, location: string, textIndex?: () => TextIndex): Promise<Store> {
  let index: TextIndex | undefined;
  try {
    await migrate(db, dialect, location);
    index = textIndex?.();
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return new SqlStore(db, dialect, location, index);
}
