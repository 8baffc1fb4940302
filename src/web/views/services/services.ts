// Pure helpers of the services inventory view: lists typed as text, and the
// organisations grouped under their sites.

import type { Case } from '../../../core/model.ts';
import type { ServiceOrganisation } from '../../../core/services.ts';

/** "English, Cree; French" → ["English", "Cree", "French"]: trimmed, blanks and repeats (ignoring case) dropped. */
export function parseList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of text.split(/[,;\n]/)) {
    const value = item.trim();
    const key = value.toLocaleLowerCase();
    if (value && !seen.has(key)) {
      seen.add(key);
      out.push(value);
    }
  }
  return out;
}

export interface SiteOrganisations {
  site: Pick<Case, 'id' | 'name'>;
  organisations: ServiceOrganisation[];
}

/** Every site in name order, each with its organisations in name order (sites without any included). */
export function organisationsBySite(
  organisations: readonly ServiceOrganisation[],
  sites: readonly Pick<Case, 'id' | 'name'>[],
  compare: (a: string, b: string) => number,
): SiteOrganisations[] {
  return [...sites]
    .sort((a, b) => compare(a.name, b.name))
    .map((site) => ({ site, organisations: organisations.filter((o) => o.siteId === site.id).sort((a, b) => compare(a.name, b.name)) }));
}
