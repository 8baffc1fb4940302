import { sql, type Kysely } from 'kysely';
import { projectRef, projectTable as projectTableOf } from './project-tables.ts';

/**
 * Needs and barriers catalogues (linked to the codes that evidence them), the codes that
 * qualify a need's passages as met / ad hoc / unmet, analysts' gap decisions per need × site,
 * and the findings report's analyst-written draft with its chosen quotes.
 * Links to codes and segments cascade: deleting a code takes it out of every catalogue.
 */
export async function needsGapsAndReportDraft(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  const ref = projectRef;
  const projectTable = (name: string) => projectTableOf(db, name);

  await projectTable('needs')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('horizon', 'text', (c) => c.notNull().check(sql`horizon in ('short_term','long_term')`))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('prevention','protection')`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('needs_pk', ['project_id', 'id'])
    .addUniqueConstraint('needs_name_uq', ['project_id', 'name'])
    .execute();

  await projectTable('barriers')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('barriers_pk', ['project_id', 'id'])
    .addUniqueConstraint('barriers_name_uq', ['project_id', 'name'])
    .execute();

  for (const owner of ['need', 'barrier'] as const) {
    await projectTable(`${owner}_codes`)
      .addColumn(`${owner}_id`, 'text', (c) => c.notNull())
      .addColumn('code_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${owner}_codes_pk`, ['project_id', `${owner}_id`, 'code_id'])
      .addForeignKeyConstraint(`${owner}_codes_owner_fk`, ...ref(`${owner}s`, [`${owner}_id`], ['id']), (c) => c.onDelete('cascade'))
      .addForeignKeyConstraint(`${owner}_codes_code_fk`, ...ref('codes', ['code_id'], ['id']), (c) => c.onDelete('cascade'))
      .execute();
  }

  await projectTable('gap_status_codes')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('met','ad_hoc','unmet')`))
    .addColumn('code_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('gap_status_codes_pk', ['project_id', 'status', 'code_id'])
    .addForeignKeyConstraint('gap_status_codes_code_fk', ...ref('codes', ['code_id'], ['id']), (c) => c.onDelete('cascade'))
    .execute();

  await projectTable('gap_decisions')
    .addColumn('need_id', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('met','ad_hoc','unmet','unknown')`))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('gap_decisions_pk', ['project_id', 'need_id', 'site_id'])
    .addForeignKeyConstraint('gap_decisions_need_fk', ...ref('needs', ['need_id'], ['id']), (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('gap_decisions_site_fk', ...ref('cases', ['site_id'], ['id']), (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('gap_decisions_author_fk', ...ref('users', ['author_id'], ['id']))
    .execute();

  // One row per project, written on the first edit.
  await s
    .createTable('report_drafts')
    .addColumn('project_id', 'text', (c) => c.notNull().primaryKey().references('projects.id').onDelete('cascade'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('recommendations', 'text', (c) => c.notNull())
    .addColumn('comparison', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  await projectTable('report_quotes')
    .addColumn('segment_id', 'text', (c) => c.notNull())
    .addColumn('code_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('chosen_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_quotes_pk', ['project_id', 'segment_id', 'code_id'])
    .addForeignKeyConstraint('report_quotes_segment_fk', ...ref('segments', ['segment_id'], ['id']), (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('report_quotes_code_fk', ...ref('codes', ['code_id'], ['id']), (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('report_quotes_chooser_fk', ...ref('users', ['chosen_by'], ['id']))
    .execute();
}
