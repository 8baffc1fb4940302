import type { Kysely } from 'kysely';

// Every table is keyed by project first (so a team server can shard by project):
// the helpers migrations use to say so once.

/** A foreign key's columns and target, both led by project_id. */
export const projectRef = (table: string, columns: string[], to: string[]): [never[], string, string[]] => [
  ['project_id', ...columns] as never[],
  table,
  ['project_id', ...to],
];

/** A new table whose first column is its project, deleted with the project. */
export const projectTable = (db: Kysely<unknown>, name: string) =>
  db.schema.createTable(name).addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'));
