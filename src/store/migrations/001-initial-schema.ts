import { sql, type ColumnDataType, type Expression, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

export async function initialSchema(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const blob: ColumnDataType | Expression<unknown> = dialect === 'postgres' ? sql`bytea` : 'blob';
  const s = db.schema;

  await s
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('objectives', 'text', (c) => c.notNull())
    .addColumn('definitions', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('change_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Every other table: (project_id, id) primary key, foreign keys carry project_id.
  const projectTable = (name: string) =>
    s
      .createTable(name)
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'));
  // Composite foreign key (project_id, column) → table(project_id, id). Typed `never[]`
  // because the builder's column names are only known per table.
  const ref = (table: string, column: string): [never[], string, string[]] => [
    ['project_id', column] as never[],
    table,
    ['project_id', 'id'],
  ];

  await projectTable('users')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('lead','coder','interviewer','analyst')`))
    .addPrimaryKeyConstraint('users_pk', ['project_id', 'id'])
    .addUniqueConstraint('users_name_uq', ['project_id', 'name'])
    .execute();

  await projectTable('cases')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('site','organisation','participant')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cases_pk', ['project_id', 'id'])
    .addForeignKeyConstraint('cases_parent_fk', ...ref('cases', 'parent_id'))
    .execute();

  await projectTable('attributes')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in ('text','boolean','integer','float','date','datetime')`),
    )
    .addColumn('case_kinds', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attributes_pk', ['project_id', 'id'])
    .addUniqueConstraint('attributes_name_uq', ['project_id', 'name'])
    .execute();

  await projectTable('attribute_values')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('attribute_id', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attribute_values_pk', ['project_id', 'case_id', 'attribute_id'])
    .addForeignKeyConstraint('attribute_values_case_fk', ...ref('cases', 'case_id'), (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('attribute_values_attribute_fk', ...ref('attributes', 'attribute_id'), (c) =>
      c.onDelete('cascade'),
    )
    .execute();

  await projectTable('issue_areas')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('issue_areas_pk', ['project_id', 'id'])
    .execute();

  await projectTable('guide_questions')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('area_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('guide_questions_pk', ['project_id', 'id'])
    .addForeignKeyConstraint('guide_questions_area_fk', ...ref('issue_areas', 'area_id'), (c) =>
      c.onDelete('cascade'),
    )
    .execute();

  await projectTable('interviews')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.notNull())
    .addColumn('interviewer_id', 'text')
    .addColumn('date', 'text')
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('telephone','in_person','video')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('planned','done','transcribed','coded')`),
    )
    .addColumn('consent_recorded', 'integer', (c) => c.notNull().check(sql`consent_recorded in (0,1)`))
    .addColumn('notes', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('interviews_pk', ['project_id', 'id'])
    .addForeignKeyConstraint('interviews_participant_fk', ...ref('cases', 'participant_id'))
    .addForeignKeyConstraint('interviews_interviewer_fk', ...ref('users', 'interviewer_id'))
    .execute();

  await projectTable('documents')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('length', 'integer', (c) => c.notNull())
    .addColumn('turns', 'text', (c) => c.notNull())
    .addColumn('interview_id', 'text')
    .addColumn('case_id', 'text')
    .addColumn('original_filename', 'text')
    .addColumn('original_media_type', 'text')
    .addColumn('original_sha256', 'text')
    .addColumn('original_size', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('documents_pk', ['project_id', 'id'])
    .addUniqueConstraint('documents_sha256_uq', ['project_id', 'original_sha256'])
    .addForeignKeyConstraint('documents_interview_fk', ...ref('interviews', 'interview_id'))
    .addForeignKeyConstraint('documents_case_fk', ...ref('cases', 'case_id'))
    .execute();

  await projectTable('document_originals')
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('bytes', blob, (c) => c.notNull())
    .addPrimaryKeyConstraint('document_originals_pk', ['project_id', 'document_id'])
    .addForeignKeyConstraint('document_originals_document_fk', ...ref('documents', 'document_id'), (c) =>
      c.onDelete('cascade'),
    )
    .execute();

  await projectTable('codes')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('inclusion', 'text', (c) => c.notNull())
    .addColumn('exclusion', 'text', (c) => c.notNull())
    .addColumn('example', 'text', (c) => c.notNull())
    .addColumn('codable', 'integer', (c) => c.notNull().check(sql`codable in (0,1)`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('codes_pk', ['project_id', 'id'])
    .addForeignKeyConstraint('codes_parent_fk', ...ref('codes', 'parent_id'))
    .execute();

  await projectTable('segments')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('start_cp', 'integer', (c) => c.notNull())
    .addColumn('end_cp', 'integer', (c) => c.notNull())
    .addColumn('exact', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('suffix', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('segments_pk', ['project_id', 'id'])
    .addUniqueConstraint('segments_range_uq', ['project_id', 'document_id', 'start_cp', 'end_cp'])
    .addForeignKeyConstraint('segments_document_fk', ...ref('documents', 'document_id'), (c) =>
      c.onDelete('cascade'),
    )
    .addCheckConstraint('segments_range_ck', sql`start_cp >= 0 and end_cp > start_cp`)
    .execute();

  await projectTable('codings')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('segment_id', 'text', (c) => c.notNull())
    .addColumn('code_id', 'text', (c) => c.notNull())
    .addColumn('coder_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('codings_pk', ['project_id', 'id'])
    .addUniqueConstraint('codings_uq', ['project_id', 'segment_id', 'code_id', 'coder_id'])
    .addForeignKeyConstraint('codings_segment_fk', ...ref('segments', 'segment_id'), (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('codings_code_fk', ...ref('codes', 'code_id'), (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('codings_coder_fk', ...ref('users', 'coder_id'))
    .execute();
  await s.createIndex('codings_code_ix').on('codings').columns(['project_id', 'code_id']).execute();

  await projectTable('memos')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) =>
      c.notNull().check(sql`target_kind in ('project','document','case','code','segment')`),
    )
    .addColumn('target_id', 'text')
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('memos_pk', ['project_id', 'id'])
    .addForeignKeyConstraint('memos_author_fk', ...ref('users', 'author_id'))
    .execute();
  await s.createIndex('memos_target_ix').on('memos').columns(['project_id', 'target_kind', 'target_id']).execute();

  await projectTable('change_log')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_system', 'text')
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('create','update','delete')`))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('change_log_pk', ['project_id', 'seq'])
    .execute();
}
