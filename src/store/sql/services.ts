// The services inventory: organisations per site and the services they offer, each
// linked to the needs it meets. Edits are versioned like codes and memos, and logged.

import type { CaseId } from '../../core/model.ts';
import type { NeedId } from '../../core/needs.ts';
import type { Service, ServiceId, ServiceOrganisation, ServiceOrganisationId } from '../../core/services.ts';
import { invalid, notFound } from '../../core/errors.ts';
import type { ServiceOrganisationsTable } from '../schema.ts';
import type { NewService, NewServiceOrganisation, ServiceOrganisationPatch, ServicePatch } from '../store.ts';
import { type Ctx, assertUpdated, assertVersion, inTransaction, newId, now, recordChange } from './context.ts';
import { listCases } from './cases.ts';

const toOrganisation = (r: ServiceOrganisationsTable): ServiceOrganisation => ({
  id: r.id,
  name: r.name,
  description: r.description,
  siteId: r.site_id,
  caseId: r.case_id,
  type: r.type,
  populations: JSON.parse(r.populations) as string[],
  languages: JSON.parse(r.languages) as string[],
  email: r.email,
  phone: r.phone,
  url: r.url,
  createdAt: r.created_at,
  version: r.version,
});

const toRow = (o: ServiceOrganisation) => ({
  name: o.name,
  description: o.description,
  site_id: o.siteId,
  case_id: o.caseId,
  type: o.type,
  populations: JSON.stringify(o.populations),
  languages: JSON.stringify(o.languages),
  email: o.email,
  phone: o.phone,
  url: o.url,
  version: o.version,
});

/** Trimmed, without blanks or case-insensitive repeats, in the order given. */
function cleanList(values: readonly string[], what: string): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (typeof v !== 'string') throw invalid(`${what} must be text`);
    const t = v.trim();
    if (t && !out.some((x) => x.toLocaleLowerCase() === t.toLocaleLowerCase())) out.push(t);
  }
  return out;
}

export async function listServiceOrganisations(ctx: Ctx, filter: { siteId?: CaseId } = {}): Promise<ServiceOrganisation[]> {
  let query = ctx.db.selectFrom('service_organisations').selectAll().where('project_id', '=', ctx.projectId);
  if (filter.siteId) query = query.where('site_id', '=', filter.siteId);
  return (await query.orderBy('name').orderBy('id').execute()).map(toOrganisation);
}

/** By id, name (case-insensitive) or "Site/Name" when two sites have one of that name. */
export async function findServiceOrganisation(ctx: Ctx, ref: string): Promise<ServiceOrganisation> {
  const all = await listServiceOrganisations(ctx);
  const byId = all.find((o) => o.id === ref);
  if (byId) return byId;
  const key = ref.trim().toLocaleLowerCase();
  const sites = new Map((await listCases(ctx, { kind: 'site' })).map((s) => [s.id, s.name]));
  const label = (o: ServiceOrganisation) => `${sites.get(o.siteId) ?? '?'}/${o.name}`;
  let matches = all.filter((o) => o.name.toLocaleLowerCase() === key);
  if (matches.length === 0) matches = all.filter((o) => label(o).toLocaleLowerCase() === key);
  if (matches.length > 1) throw invalid(`organisation "${ref}" is ambiguous: ${matches.map(label).sort().join(', ')}`);
  if (!matches[0]) throw notFound(`no organisation "${ref}" in the services inventory`);
  return matches[0];
}

async function checkOrganisation(ctx: Ctx, o: ServiceOrganisation): Promise<void> {
  if (!o.name) throw invalid('an organisation needs a name');
  const cases = await listCases(ctx);
  const site = cases.find((c) => c.id === o.siteId);
  if (!site) throw notFound(`no site ${o.siteId} in this project`);
  if (site.kind !== 'site') throw invalid(`the site must be a case of kind site; "${site.name}" is of kind ${site.kind}`);
  if (o.caseId !== null) {
    const c = cases.find((x) => x.id === o.caseId);
    if (!c) throw notFound(`no case ${o.caseId} in this project`);
    if (c.kind !== 'organisation') throw invalid(`the organisation case must be of kind organisation; "${c.name}" is of kind ${c.kind}`);
  }
  const clash = (await listServiceOrganisations(ctx, { siteId: o.siteId })).find(
    (x) => x.id !== o.id && x.name.toLocaleLowerCase() === o.name.toLocaleLowerCase(),
  );
  if (clash) throw invalid(`${site.name} already has an organisation named "${clash.name}"`);
}

function organisationFrom(base: ServiceOrganisation, patch: ServiceOrganisationPatch): ServiceOrganisation {
  return {
    ...base,
    name: patch.name?.trim() ?? base.name,
    description: patch.description ?? base.description,
    siteId: patch.siteId ?? base.siteId,
    caseId: patch.caseId === undefined ? base.caseId : patch.caseId,
    type: patch.type?.trim() ?? base.type,
    populations: patch.populations ? cleanList(patch.populations, 'populations') : base.populations,
    languages: patch.languages ? cleanList(patch.languages, 'languages') : base.languages,
    email: patch.email?.trim() ?? base.email,
    phone: patch.phone?.trim() ?? base.phone,
    url: patch.url?.trim() ?? base.url,
  };
}

export async function createServiceOrganisation(ctx: Ctx, input: NewServiceOrganisation): Promise<ServiceOrganisation> {
  return inTransaction(ctx, async (tx) => {
    const blank: ServiceOrganisation = {
      id: newId(),
      name: '',
      description: '',
      siteId: input.siteId,
      caseId: null,
      type: '',
      populations: [],
      languages: [],
      email: '',
      phone: '',
      url: '',
      createdAt: now(),
      version: 1,
    };
    const organisation = organisationFrom(blank, input);
    await checkOrganisation(tx, organisation);
    await tx.db
      .insertInto('service_organisations')
      .values({ project_id: tx.projectId, id: organisation.id, created_at: organisation.createdAt, ...toRow(organisation) })
      .execute();
    await recordChange(tx, 'create', 'service_organisation', organisation.id, { ...organisation });
    return organisation;
  });
}

export async function updateServiceOrganisation(
  ctx: Ctx,
  id: ServiceOrganisationId,
  patch: ServiceOrganisationPatch,
  expectedVersion?: number,
): Promise<ServiceOrganisation> {
  return inTransaction(ctx, async (tx) => {
    const current = (await listServiceOrganisations(tx)).find((o) => o.id === id);
    if (!current) throw notFound(`no organisation ${id} in the services inventory`);
    assertVersion(current, expectedVersion, `organisation "${current.name}"`);
    const next = { ...organisationFrom(current, patch), version: current.version + 1 };
    await checkOrganisation(tx, next);
    const updated = await tx.db
      .updateTable('service_organisations')
      .set(toRow(next))
      .where('project_id', '=', tx.projectId)
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    assertUpdated(updated, `organisation "${current.name}"`);
    await recordChange(tx, 'update', 'service_organisation', id, { before: current, after: next });
    return next;
  });
}

export async function deleteServiceOrganisation(ctx: Ctx, id: ServiceOrganisationId): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const organisation = (await listServiceOrganisations(tx)).find((o) => o.id === id);
    if (!organisation) throw notFound(`no organisation ${id} in the services inventory`);
    // Its services go with it (foreign key cascade); the log names them so the deletion can be read back.
    const services = await listServices(tx, { organisationId: id });
    await tx.db.deleteFrom('service_organisations').where('project_id', '=', tx.projectId).where('id', '=', id).execute();
    await recordChange(tx, 'delete', 'service_organisation', id, { ...organisation, services });
  });
}

export async function listServices(ctx: Ctx, filter: { organisationId?: ServiceOrganisationId; needId?: NeedId } = {}): Promise<Service[]> {
  let query = ctx.db.selectFrom('services').selectAll().where('project_id', '=', ctx.projectId);
  if (filter.organisationId) query = query.where('organisation_id', '=', filter.organisationId);
  if (filter.needId) {
    const needId = filter.needId;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('service_needs').select('service_id').where('project_id', '=', ctx.projectId).where('need_id', '=', needId),
    );
  }
  const rows = await query.orderBy('name').orderBy('id').execute();
  const links = await ctx.db
    .selectFrom('service_needs')
    .select(['service_id', 'need_id'])
    .where('project_id', '=', ctx.projectId)
    .orderBy('service_id')
    .orderBy('position')
    .execute();
  const needs = new Map<ServiceId, NeedId[]>();
  for (const l of links) needs.set(l.service_id, [...(needs.get(l.service_id) ?? []), l.need_id]);
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    name: r.name,
    description: r.description,
    needIds: needs.get(r.id) ?? [],
    version: r.version,
  }));
}

async function checkService(ctx: Ctx, s: Service): Promise<void> {
  if (!s.name) throw invalid('a service needs a name');
  const organisation = (await listServiceOrganisations(ctx)).find((o) => o.id === s.organisationId);
  if (!organisation) throw notFound(`no organisation ${s.organisationId} in the services inventory`);
  const clash = (await listServices(ctx, { organisationId: s.organisationId })).find(
    (x) => x.id !== s.id && x.name.toLocaleLowerCase() === s.name.toLocaleLowerCase(),
  );
  if (clash) throw invalid(`"${organisation.name}" already offers a service named "${clash.name}"`);
  if (new Set(s.needIds).size !== s.needIds.length) throw invalid('a need appears twice in the service');
  if (s.needIds.length === 0) return;
  // The needs catalogue's table (migration 007), read here only to check that the needs exist.
  const known = await ctx.db
    .withTables<{ needs: { project_id: string; id: string } }>()
    .selectFrom('needs')
    .select('id')
    .where('project_id', '=', ctx.projectId)
    .where('id', 'in', s.needIds)
    .execute();
  const missing = s.needIds.find((id) => !known.some((k) => k.id === id));
  if (missing !== undefined) throw notFound(`no need ${missing} in this project`);
}

async function writeNeeds(ctx: Ctx, serviceId: ServiceId, needIds: readonly NeedId[]): Promise<void> {
  await ctx.db.deleteFrom('service_needs').where('project_id', '=', ctx.projectId).where('service_id', '=', serviceId).execute();
  if (needIds.length === 0) return;
  await ctx.db
    .insertInto('service_needs')
    .values(needIds.map((need_id, i) => ({ project_id: ctx.projectId, service_id: serviceId, need_id, position: i + 1 })))
    .execute();
}

export async function createService(ctx: Ctx, input: NewService): Promise<Service> {
  return inTransaction(ctx, async (tx) => {
    const service: Service = {
      id: newId(),
      organisationId: input.organisationId,
      name: input.name.trim(),
      description: input.description ?? '',
      needIds: [...(input.needIds ?? [])],
      version: 1,
    };
    await checkService(tx, service);
    await tx.db
      .insertInto('services')
      .values({ project_id: tx.projectId, id: service.id, organisation_id: service.organisationId, name: service.name, description: service.description, version: 1 })
      .execute();
    await writeNeeds(tx, service.id, service.needIds);
    await recordChange(tx, 'create', 'service', service.id, { ...service });
    return service;
  });
}

export async function updateService(ctx: Ctx, id: ServiceId, patch: ServicePatch, expectedVersion?: number): Promise<Service> {
  return inTransaction(ctx, async (tx) => {
    const current = (await listServices(tx)).find((s) => s.id === id);
    if (!current) throw notFound(`no service ${id} in the services inventory`);
    assertVersion(current, expectedVersion, `service "${current.name}"`);
    const next: Service = {
      ...current,
      name: patch.name?.trim() ?? current.name,
      description: patch.description ?? current.description,
      needIds: patch.needIds ? [...patch.needIds] : current.needIds,
      version: current.version + 1,
    };
    await checkService(tx, next);
    const updated = await tx.db
      .updateTable('services')
      .set({ name: next.name, description: next.description, version: next.version })
      .where('project_id', '=', tx.projectId)
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    assertUpdated(updated, `service "${current.name}"`);
    await writeNeeds(tx, id, next.needIds);
    await recordChange(tx, 'update', 'service', id, { before: current, after: next });
    return next;
  });
}

export async function deleteService(ctx: Ctx, id: ServiceId): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const service = (await listServices(tx)).find((s) => s.id === id);
    if (!service) throw notFound(`no service ${id} in the services inventory`);
    await tx.db.deleteFrom('services').where('project_id', '=', tx.projectId).where('id', '=', id).execute();
    await recordChange(tx, 'delete', 'service', id, { ...service });
  });
}
