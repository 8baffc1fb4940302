import type { Kysely } from 'kysely';
import { projectRef, projectTable as projectTableOf } from './project-tables.ts';

/**
 * The services inventory: organisations per site (populations and languages as JSON
 * lists) and the services they offer, each linked to the needs it meets. Deleting an
 * organisation deletes its services; deleting a need or a site takes its links along.
 */
export async function servicesInventory(db: Kysely<unknown>): Promise<void> {
  const ref = projectRef;
  const projectTable = (name: string) => projectTableOf(db, name);

  await projectTable('service_organisations')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('populations', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_organisations_pk', ['project_id', 'id'])
    .addUniqueConstraint('service_organisations_name_uq', ['project_id', 'site_id', 'name'])
    .addForeignKeyConstraint('service_organisations_site_fk', ...ref('cases', ['site_id'], ['id']), (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('service_organisations_case_fk', ...ref('cases', ['case_id'], ['id']))
    .execute();

  await projectTable('services')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('services_pk', ['project_id', 'id'])
    .addUniqueConstraint('services_name_uq', ['project_id', 'organisation_id', 'name'])
    .addForeignKeyConstraint('services_organisation_fk', ...ref('service_organisations', ['organisation_id'], ['id']), (c) => c.onDelete('cascade'))
    .execute();

  await projectTable('service_needs')
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('need_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_needs_pk', ['project_id', 'service_id', 'need_id'])
    .addForeignKeyConstraint('service_needs_service_fk', ...ref('services', ['service_id'], ['id']), (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('service_needs_need_fk', ...ref('needs', ['need_id'], ['id']), (c) => c.onDelete('cascade'))
    .execute();
}
