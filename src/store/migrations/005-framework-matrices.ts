import { sql, type Kysely } from 'kysely';
import { projectRef, projectTable as projectTableOf } from './project-tables.ts';

/**
 * Framework matrices (charting): a matrix names its row kind and themes; each cell
 * (case × theme) holds an analyst's summary, versioned, and the segments it condenses.
 */
export async function frameworkMatrices(db: Kysely<unknown>): Promise<void> {
  const ref = projectRef;
  const projectTable = (name: string) => projectTableOf(db, name);

  await projectTable('framework_matrices')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('row_kind', 'text', (c) => c.notNull().check(sql`row_kind in ('site','organisation','participant')`))
    .addColumn('theme_ids', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('framework_matrices_pk', ['project_id', 'id'])
    .addUniqueConstraint('framework_matrices_name_uq', ['project_id', 'name'])
    .execute();

  await projectTable('framework_cells')
    .addColumn('matrix_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('code_id', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('framework_cells_pk', ['project_id', 'matrix_id', 'case_id', 'code_id'])
    .addForeignKeyConstraint('framework_cells_matrix_fk', ...ref('framework_matrices', ['matrix_id'], ['id']), (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('framework_cells_case_fk', ...ref('cases', ['case_id'], ['id']), (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('framework_cells_code_fk', ...ref('codes', ['code_id'], ['id']), (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('framework_cells_author_fk', ...ref('users', ['author_id'], ['id']))
    .execute();

  await projectTable('framework_cell_segments')
    .addColumn('matrix_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('code_id', 'text', (c) => c.notNull())
    .addColumn('segment_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('framework_cell_segments_pk', ['project_id', 'matrix_id', 'case_id', 'code_id', 'segment_id'])
    .addForeignKeyConstraint(
      'framework_cell_segments_cell_fk',
      ...ref('framework_cells', ['matrix_id', 'case_id', 'code_id'], ['matrix_id', 'case_id', 'code_id']),
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('framework_cell_segments_segment_fk', ...ref('segments', ['segment_id'], ['id']), (c) => c.onDelete('cascade'))
    .execute();
}
