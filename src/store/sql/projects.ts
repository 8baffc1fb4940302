import type { Actor, Language, Project, WorkingDefinition } from '../../core/model.ts';
import { LANGUAGES } from '../../core/model.ts';
import { invalid } from '../../core/errors.ts';
import type { ProjectsTable } from '../schema.ts';
import type { NewProject } from '../store.ts';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.ts';
import type { DialectName } from '../dialect.ts';
import { newId, now, recordChange } from './context.ts';

export const toProject = (r: Selectable<ProjectsTable>): Project => ({
  id: r.id,
  title: r.title,
  description: r.description,
  objectives: JSON.parse(r.objectives) as string[],
  definitions: JSON.parse(r.definitions) as WorkingDefinition[],
  languages: JSON.parse(r.languages) as Language[],
  createdAt: r.created_at,
});

export async function listProjects(db: Kysely<Database>): Promise<Project[]> {
  return (await db.selectFrom('projects').selectAll().orderBy('created_at').execute()).map(toProject);
}

/** Inserts a project; the caller provides the transaction. */
export async function insertProject(tx: Kysely<Database>, dialect: DialectName, input: NewProject, actor: Actor): Promise<Project> {
  const title = input.title.trim();
  if (!title) throw invalid('a project needs a title');
  const languages = input.languages ?? ['en'];
  for (const l of languages) if (!LANGUAGES.includes(l)) throw invalid(`unsupported language "${l}"`);
  const project: Project = {
    id: newId(),
    title,
    description: input.description ?? '',
    objectives: input.objectives ?? [],
    definitions: input.definitions ?? [],
    languages,
    createdAt: now(),
  };
  {
    const clash = (await listProjects(tx)).find((p) => p.title.toLocaleLowerCase() === title.toLocaleLowerCase());
    if (clash) throw invalid(`a project titled "${clash.title}" already exists`);
    await tx
      .insertInto('projects')
      .values({
        id: project.id,
        title,
        description: project.description,
        objectives: JSON.stringify(project.objectives),
        definitions: JSON.stringify(project.definitions),
        languages: JSON.stringify(languages),
        created_at: project.createdAt,
      })
      .execute();
    await recordChange({ db: tx, dialect, projectId: project.id, actor }, 'create', 'project', project.id, { ...project });
  }
  return project;
}
