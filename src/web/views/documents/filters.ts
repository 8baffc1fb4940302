// The documents list's filters. The organisation filter is generic: any
// attribute of the document's organisation case, as "name=value".

import type { Case, InterviewStatus, Language } from '../../../core/model.ts';
import type { DocumentRow } from '../../../core/read-models.ts';
import { matchesQuery } from '../../components/text.ts';

export interface DocumentFilter {
  text: string;
  siteId: string;
  /** "attribute name=value" of the organisation, or empty. */
  organisation: string;
  language: Language | 'none' | '';
  status: InterviewStatus | 'none' | '';
  coderId: string;
}

export const NO_FILTER: DocumentFilter = { text: '', siteId: '', organisation: '', language: '', status: '', coderId: '' };

export function filterDocuments(rows: readonly DocumentRow[], filter: DocumentFilter, casesById: ReadonlyMap<string, Case>): DocumentRow[] {
  const eq = filter.organisation.indexOf('=');
  const [attrName, attrValue] = eq < 0 ? ['', ''] : [filter.organisation.slice(0, eq), filter.organisation.slice(eq + 1)];
  return rows.filter((row) => {
    if (filter.text && !matchesQuery(filter.text, row.name, row.case?.name ?? '', row.organisation?.name ?? '')) return false;
    if (filter.siteId && row.site?.id !== filter.siteId) return false;
    if (filter.language && (row.language ?? 'none') !== filter.language) return false;
    if (filter.status && (row.interviewStatus ?? 'none') !== filter.status) return false;
    if (filter.coderId && !row.coderIds.includes(filter.coderId)) return false;
    if (attrName) {
      const organisation = row.organisation ? casesById.get(row.organisation.id) : undefined;
      const value = organisation?.attributes[attrName];
      if (value === undefined || String(value) !== attrValue) return false;
    }
    return true;
  });
}
