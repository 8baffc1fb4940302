// The services inventory exchanged as Open Referral HSDS, so it can join community
// directories. Export: organisation → organization (+ a location named after its site,
// a phone, languages on that location), service → service (status active) +
// service_at_location, needs → taxonomy terms of a "crosswise-needs" taxonomy linked to
// services by attribute rows (link_type "need"), populations served and the kind of
// organisation → terms of two more taxonomies linked to the organization (link_type
// "population", "organization_type"): HSDS's attribute table is its one way to
// classify an organization. Ids are stable (guid.ts), so a re-export gives the same ids.
// Import: one transaction; sites matched by location name or address city, needs by
// taxonomy term id or name, organisations by site and name (created or updated).

import type { Case } from '../core/model.ts';
import type { Need } from '../core/needs.ts';
import type { ServiceOrganisation } from '../core/services.ts';
import { CROSSWISE_TAXONOMIES, emptyDataset, type HsdsDataset, type HsdsRead, type HsdsRow } from '../formats/hsds/model.ts';
import type { ProjectStore } from '../store/store.ts';
import { stableGuid } from './guid.ts';
import { ReportBuilder, type ReportEntry } from './report.ts';

type TaxonomyKey = keyof typeof CROSSWISE_TAXONOMIES;

const TAXONOMY_DESCRIPTIONS: Record<TaxonomyKey, string> = {
  needs: 'Needs of victims of trafficking in persons, from the Crosswise study’s needs catalogue',
  populations: 'Populations an organisation serves',
  types: 'Kinds of service provider',
};

const LINK_TYPES: Record<TaxonomyKey, string> = { needs: 'need', populations: 'population', types: 'organization_type' };

/** HSDS requires a description; an organisation without one gets this, which import recognises and leaves out. */
const defaultDescription = (type: string, site: string) => `${type || 'Organisation'} in ${site}.`;

const key = (s: string) => s.trim().toLocaleLowerCase();

/** The inventory as HSDS tables, rows in a stable order (by site and name). */
export async function inventoryToHsds(project: ProjectStore): Promise<HsdsDataset> {
  const guid = (kind: string, id: string) => stableGuid(project.id, `hsds-${kind}`, id);
  const data = emptyDataset();
  const sites = new Map((await project.listCases({ kind: 'site' })).map((s) => [s.id, s.name]));
  const needs = await project.listNeeds();
  const organisations = (await project.listServiceOrganisations()).sort(
    (a, b) => sites.get(a.siteId)!.localeCompare(sites.get(b.siteId)!) || a.name.localeCompare(b.name),
  );
  const services = await project.listServices();

  const taxonomyId = (t: TaxonomyKey) => guid('taxonomy', t);
  const terms = new Map<string, HsdsRow>();
  /** A taxonomy term, written once however many records it classifies. */
  const term = (t: TaxonomyKey, id: string, name: string, description: string): string => {
    const termId = guid('term', `${t}/${id}`);
    if (!terms.has(termId)) {
      terms.set(termId, { id: termId, code: key(name), name, description, taxonomy: CROSSWISE_TAXONOMIES[t], taxonomy_id: taxonomyId(t) });
    }
    return termId;
  };
  const attribute = (t: TaxonomyKey, linkId: string, entity: 'organization' | 'service', termId: string) =>
    data.attribute.push({ id: guid('attribute', `${linkId}/${termId}`), link_id: linkId, taxonomy_term_id: termId, link_type: LINK_TYPES[t], link_entity: entity });
  const needTerm = (n: Need) => term('needs', n.id, n.name, n.description || `${n.horizon === 'short_term' ? 'Short-term' : 'Long-term'} need (${n.purpose})`);
  for (const n of needs) needTerm(n);

  for (const o of organisations) {
    const site = sites.get(o.siteId)!;
    const orgId = guid('organization', o.id);
    const locationId = guid('location', o.id);
    data.organization.push({ id: orgId, name: o.name, description: o.description || defaultDescription(o.type, site), email: o.email, website: o.url });
    data.location.push({ id: locationId, location_type: 'physical', organization_id: orgId, name: site });
    if (o.phone) data.phone.push({ id: guid('phone', o.id), organization_id: orgId, number: o.phone });
    for (const l of o.languages) data.language.push({ id: guid('language', `${o.id}/${key(l)}`), service_id: '', location_id: locationId, name: l });
    if (o.type) attribute('types', orgId, 'organization', term('types', key(o.type), o.type, `Kind of provider: ${o.type}`));
    for (const p of o.populations) attribute('populations', orgId, 'organization', term('populations', key(p), p, `Population served: ${p}`));
    for (const s of services.filter((x) => x.organisationId === o.id).sort((a, b) => a.name.localeCompare(b.name))) {
      const serviceId = guid('service', s.id);
      data.service.push({ id: serviceId, organization_id: orgId, name: s.name, description: s.description, status: 'active' });
      data.service_at_location.push({ id: guid('service-at-location', s.id), service_id: serviceId, location_id: locationId });
      for (const needId of s.needIds) {
        const need = needs.find((n) => n.id === needId);
        if (need) attribute('needs', serviceId, 'service', needTerm(need));
      }
    }
  }
  data.taxonomy = (Object.keys(CROSSWISE_TAXONOMIES) as TaxonomyKey[])
    .filter((t) => [...terms.values()].some((x) => x.taxonomy_id === taxonomyId(t)))
    .map((t) => ({ id: taxonomyId(t), name: CROSSWISE_TAXONOMIES[t], description: TAXONOMY_DESCRIPTIONS[t] }));
  data.taxonomy_term = [...terms.values()];
  return data;
}

export type ImportOutcome = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface HsdsImportReport {
  organisations: Record<ImportOutcome, number>;
  services: Record<Exclude<ImportOutcome, 'skipped'>, number>;
  /** Each organisation in the file and what became of it. */
  outcomes: { organisation: string; site: string | null; outcome: ImportOutcome; reason?: string }[];
  /** Departures from the schema the reader accepted. */
  accepted: string[];
  /** Rows and links left out, and why. */
  dropped: ReportEntry[];
}

/** What an organization row of the file becomes, before anything is written. */
interface Planned {
  name: string;
  site: Case;
  fields: Omit<ServiceOrganisation, 'id' | 'name' | 'siteId' | 'caseId' | 'createdAt' | 'version'>;
  services: { name: string; description: string; needIds: string[] }[];
}

/** Imports the inventory in `read` into the project, in one transaction: all of it lands, or none. */
export async function importHsds(project: ProjectStore, read: HsdsRead): Promise<HsdsImportReport> {
  const { dataset: d } = read;
  const report = new ReportBuilder();
  for (const x of read.dropped) report.dropped('rows', x.reason, x.where);
  const by = (rows: HsdsRow[], field: string) => {
    const m = new Map<string, HsdsRow[]>();
    for (const r of rows) if (r[field]) m.set(r[field]!, [...(m.get(r[field]!) ?? []), r]);
    return m;
  };
  const locations = new Map(d.location.map((l) => [l.id!, l]));
  const locationsOf = by(d.location, 'organization_id');
  const addressesOf = by(d.address, 'location_id');
  const servicesOf = by(d.service, 'organization_id');
  const atLocations = by(d.service_at_location, 'service_id');
  const attributesOf = by(d.attribute, 'link_id');
  const languagesOf = (field: 'location_id' | 'service_id', id: string) => d.language.filter((l) => l[field] === id).map((l) => l.name!);
  const terms = new Map(d.taxonomy_term.map((t) => [t.id!, t]));
  const taxonomyNames = new Map(d.taxonomy.map((t) => [t.id!, t.name!]));
  const taxonomyOf = (t: HsdsRow) => key(taxonomyNames.get(t.taxonomy_id ?? '') ?? t.taxonomy ?? '');

  const organizationIds = new Set(d.organization.map((o) => o.id));
  for (const s of d.service) if (!organizationIds.has(s.organization_id)) report.dropped('services', 'its organization_id names no organization in the file', s.name);

  return project.transaction(async (tx) => {
    const cases = await tx.listCases();
    const sites = cases.filter((c) => c.kind === 'site');
    const needs = await tx.listNeeds();
    const existing = await tx.listServiceOrganisations();
    const outcomes: HsdsImportReport['outcomes'] = [];
    const counts = { organisations: { created: 0, updated: 0, unchanged: 0, skipped: 0 }, services: { created: 0, updated: 0, unchanged: 0 } };

    const siteFor = (org: HsdsRow): Case | undefined => {
      const ids = [
        ...(locationsOf.get(org.id!) ?? []).map((l) => l.id!),
        ...(servicesOf.get(org.id!) ?? []).flatMap((s) => (atLocations.get(s.id!) ?? []).map((x) => x.location_id!)),
      ];
      const names = ids.flatMap((id) => [locations.get(id)?.name ?? '', ...(addressesOf.get(id) ?? []).map((a) => a.city!)]);
      return names.map((n) => sites.find((s) => key(s.name) === key(n))).find((s) => s !== undefined);
    };
    const needFor = (t: HsdsRow): Need | undefined =>
      needs.find((n) => t.id === n.id || t.id === stableGuid(tx.id, 'hsds-term', `needs/${n.id}`)) ?? needs.find((n) => key(n.name) === key(t.name!));
    /** Which of Crosswise's taxonomies a term comes from: by the taxonomy's name, else (unnamed) by the link type. */
    const kindOf = (x: { taxonomy: string; linkType: string }): TaxonomyKey | undefined =>
      (Object.keys(CROSSWISE_TAXONOMIES) as TaxonomyKey[]).find((t) => (x.taxonomy ? x.taxonomy === CROSSWISE_TAXONOMIES[t] : x.linkType === LINK_TYPES[t]));
    /** Terms linked to a record, with the taxonomy they come from. */
    const classified = (linkId: string) =>
      (attributesOf.get(linkId) ?? []).flatMap((a) => {
        const t = terms.get(a.taxonomy_term_id!);
        if (!t) report.dropped('classifications', 'the taxonomy term is not in the file', a.taxonomy_term_id);
        return t ? [{ term: t, taxonomy: taxonomyOf(t), linkType: key(a.link_type ?? '') }] : [];
      });

    const plan = (org: HsdsRow): Planned | string => {
      const site = siteFor(org);
      if (!site) return `no location of it is named after a site of this project (by location name or address city): ${sites.map((s) => s.name).join(', ')}`;
      const tags = classified(org.id!).map((x) => ({ ...x, kind: kindOf(x) }));
      const tagged = (t: TaxonomyKey) => tags.filter((x) => x.kind === t).map((x) => x.term.name!);
      for (const x of tags) {
        if (x.kind !== 'populations' && x.kind !== 'types') report.dropped('classifications', 'an organization term of a taxonomy Crosswise does not keep', x.term.name);
      }
      const type = tagged('types')[0] ?? '';
      const languages = [...(locationsOf.get(org.id!) ?? []).flatMap((l) => languagesOf('location_id', l.id!))];
      const services = (servicesOf.get(org.id!) ?? []).flatMap((s) => {
        if (s.status && key(s.status) !== 'active') {
          report.dropped('services', `status "${s.status}", not active`, s.name);
          return [];
        }
        languages.push(...languagesOf('service_id', s.id!));
        const needIds: string[] = [];
        for (const x of classified(s.id!)) {
          const need = needFor(x.term);
          if (need && !needIds.includes(need.id)) needIds.push(need.id);
          else if (!need) report.dropped('needs met', 'no need of that name in the needs catalogue', x.term.name);
        }
        return [{ name: s.name!, description: s.description ?? '', needIds }];
      });
      const description = org.description ?? '';
      return {
        name: org.name!,
        site,
        fields: {
          description: description === defaultDescription(type, site.name) ? '' : description,
          type,
          populations: tagged('populations'),
          languages: [...new Map(languages.map((l) => [key(l), l])).values()],
          email: org.email ?? '',
          phone: d.phone.find((p) => p.organization_id === org.id)?.number ?? '',
          url: org.website || org.url || '',
        },
        services,
      };
    };

    for (const org of d.organization) {
      const p = plan(org);
      if (typeof p === 'string') {
        counts.organisations.skipped++;
        outcomes.push({ organisation: org.name!, site: null, outcome: 'skipped', reason: p });
        continue;
      }
      const same = existing.find((o) => o.siteId === p.site.id && key(o.name) === key(p.name));
      let outcome: ImportOutcome;
      let target: ServiceOrganisation;
      if (!same) {
        const studied = cases.find((c) => c.kind === 'organisation' && c.parentId === p.site.id && key(c.name) === key(p.name));
        target = await tx.createServiceOrganisation({ name: p.name, siteId: p.site.id, caseId: studied?.id ?? null, ...p.fields });
        existing.push(target);
        outcome = 'created';
      } else {
        const changed = (Object.keys(p.fields) as (keyof Planned['fields'])[]).some((f) => JSON.stringify(same[f]) !== JSON.stringify(p.fields[f]));
        target = changed ? await tx.updateServiceOrganisation(same.id, p.fields) : same;
        outcome = changed ? 'updated' : 'unchanged';
      }
      const offered = await tx.listServices({ organisationId: target.id });
      for (const s of p.services) {
        const had = offered.find((x) => key(x.name) === key(s.name));
        if (!had) {
          offered.push(await tx.createService({ organisationId: target.id, ...s }));
          counts.services.created++;
        } else if (had.description !== s.description || JSON.stringify(had.needIds) !== JSON.stringify(s.needIds)) {
          await tx.updateService(had.id, { description: s.description, needIds: s.needIds });
          counts.services.updated++;
        } else {
          counts.services.unchanged++;
          continue;
        }
        // A new or changed service changes its organisation's entry too.
        if (outcome === 'unchanged') outcome = 'updated';
      }
      counts.organisations[outcome]++;
      outcomes.push({ organisation: p.name, site: p.site.name, outcome });
    }
    // The builder's head describes REFI-QDA reports; only its merged entries are used here.
    const { dropped } = report.build({ direction: 'import', format: 'qdpx', origin: null });
    return { ...counts, outcomes, accepted: read.accepted, dropped };
  });
}

/** The import report as lines for a terminal. */
export function renderHsdsImport(r: HsdsImportReport): string {
  const counts = (c: Record<string, number>) =>
    Object.entries(c)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
  return [
    `organisations: ${counts(r.organisations)}`,
    `services: ${counts(r.services)}`,
    ...r.outcomes.map((o) => `  ${o.outcome} ${o.organisation}${o.site ? ` (${o.site})` : ''}${o.reason ? `: ${o.reason}` : ''}`),
    ...(r.accepted.length ? ['accepted although not as the schema says:', ...r.accepted.map((a) => `  ${a}`)] : []),
    ...(r.dropped.length
      ? ['dropped:', ...r.dropped.map((e) => `  ${e.count} ${e.what}: ${e.reason}${e.examples.length ? ` (e.g. ${e.examples.map((x) => `"${x}"`).join(', ')})` : ''}`)]
      : ['dropped: nothing']),
  ].join('\n');
}
