// The case tree of a multi-site study as the overview shows it: each site with
// its organisations and their participants, and the attribute columns that
// apply to each kind of case.

import type { AttributeDefinition, Case, CaseKind } from '../../../core/model.ts';

export interface OrganisationGroup {
  organisation: Case | null;
  participants: Case[];
}

export interface SiteGroup {
  site: Case | null;
  /** Organisations in name order; participants placed directly under the site come last, with organisation null. */
  groups: OrganisationGroup[];
  participants: number;
}

/** Groups cases by site and organisation. Cases whose site is unknown fall under a site null, last. */
export function groupStudy(cases: readonly Case[], compare: (a: string, b: string) => number): SiteGroup[] {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const byName = (a: Case, b: Case) => compare(a.name, b.name);
  const siteOf = (c: Case): Case | null => {
    for (let at: Case | undefined = c, hops = 0; at && hops < 10; at = at.parentId ? byId.get(at.parentId) : undefined, hops++) {
      if (at.kind === 'site') return at;
    }
    return null;
  };
  const orgOf = (c: Case): Case | null => {
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    return parent?.kind === 'organisation' ? parent : null;
  };

  const sites = new Map<string | null, SiteGroup>();
  const siteGroup = (site: Case | null) => {
    const key = site?.id ?? null;
    let group = sites.get(key);
    if (!group) sites.set(key, (group = { site, groups: [], participants: 0 }));
    return group;
  };
  const orgGroup = (site: SiteGroup, organisation: Case | null) => {
    let group = site.groups.find((g) => g.organisation?.id === organisation?.id || (g.organisation === null && organisation === null));
    if (!group) site.groups.push((group = { organisation, participants: [] }));
    return group;
  };

  for (const c of [...cases].sort(byName)) {
    if (c.kind === 'site') siteGroup(c);
    else if (c.kind === 'organisation') orgGroup(siteGroup(siteOf(c)), c);
    else {
      const site = siteGroup(siteOf(c));
      orgGroup(site, orgOf(c)).participants.push(c);
      site.participants++;
    }
  }
  const out = [...sites.values()].sort((a, b) => (a.site && b.site ? byName(a.site, b.site) : a.site ? -1 : b.site ? 1 : 0));
  for (const s of out) s.groups.sort((a, b) => (a.organisation && b.organisation ? byName(a.organisation, b.organisation) : a.organisation ? -1 : b.organisation ? 1 : 0));
  return out;
}

/** The attribute definitions that describe a kind of case (an empty caseKinds means every kind). */
export const attributesFor = (definitions: readonly AttributeDefinition[], kind: CaseKind) =>
  definitions.filter((d) => d.caseKinds.length === 0 || d.caseKinds.includes(kind));
