// Writes an HSDS dataset in its two serialisations: the tabular data package (one CSV
// per table and a datapackage.json, as files or one .zip) and JSON (a list of HSDS
// organizations, each with its phones, locations, attributes and services nested, as
// the schema's organization "full" form).

import { zipSync } from 'fflate';
import { tableToCsv } from '../table/csv.ts';
import { HSDS_TABLES, HSDS_VERSION, hsdsTable, type HsdsDataset, type HsdsRow, type HsdsTableName } from './model.ts';

const written = HSDS_TABLES.filter((t) => t.written);

/** The data package descriptor (Frictionless tabular-data-package) naming each CSV and its fields. */
function datapackage(): string {
  return JSON.stringify(
    {
      name: 'crosswise-services-inventory',
      title: 'Services inventory (Open Referral HSDS)',
      profile: 'tabular-data-package',
      hsds_version: HSDS_VERSION,
      resources: written.map((t) => ({
        name: t.name,
        path: t.path,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: {
          fields: t.fields.map((f) => ({ name: f, type: 'string', constraints: { required: t.required.includes(f) } })),
          primaryKey: 'id',
        },
      })),
    },
    null,
    2,
  );
}

/** The CSV files and datapackage.json, by file name: values exactly as they are, for other directories' tools. */
export function hsdsCsvFiles(dataset: HsdsDataset): Map<string, Uint8Array> {
  const encoder = new TextEncoder();
  const files = new Map<string, Uint8Array>();
  for (const t of written) {
    const csv = tableToCsv({ title: t.name, columns: [...t.fields], rows: dataset[t.name].map((row) => t.fields.map((f) => row[f] ?? '')) }, { forSpreadsheet: false });
    files.set(t.path, encoder.encode(csv));
  }
  files.set('datapackage.json', encoder.encode(`${datapackage()}\n`));
  return files;
}

/** The tabular data package as one zip archive. */
export function hsdsZip(dataset: HsdsDataset): Uint8Array {
  // A fixed date keeps the archive the same from one export to the next.
  const mtime = new Date('2000-01-01T00:00:00Z');
  return zipSync(Object.fromEntries([...hsdsCsvFiles(dataset)].map(([name, bytes]) => [name, [bytes, { mtime }]])));
}

/** The JSON form: organizations with everything about them nested. */
export function hsdsJson(dataset: HsdsDataset): string {
  const pick = (table: HsdsTableName, row: HsdsRow, omit: readonly string[] = []) =>
    Object.fromEntries(hsdsTable(table).fields.filter((f) => !omit.includes(f) && row[f]).map((f) => [f, row[f]]));
  const where = (table: HsdsTableName, field: string, id: string) => dataset[table].filter((r) => r[field] === id);
  const terms = new Map(dataset.taxonomy_term.map((t) => [t.id, t]));
  const taxonomies = new Map(dataset.taxonomy.map((t) => [t.id, t]));
  const attributes = (linkId: string) =>
    where('attribute', 'link_id', linkId).map((a) => {
      const term = terms.get(a.taxonomy_term_id!);
      const taxonomy = term ? taxonomies.get(term.taxonomy_id!) : undefined;
      return {
        ...pick('attribute', a),
        ...(term ? { taxonomy_term: { ...pick('taxonomy_term', term), ...(taxonomy ? { taxonomy_detail: pick('taxonomy', taxonomy) } : {}) } } : {}),
      };
    });
  const organizations = dataset.organization.map((o) => ({
    ...pick('organization', o),
    phones: where('phone', 'organization_id', o.id!).map((p) => pick('phone', p, ['organization_id'])),
    locations: where('location', 'organization_id', o.id!).map((l) => ({
      ...pick('location', l, ['organization_id']),
      languages: where('language', 'location_id', l.id!).map((x) => pick('language', x, ['location_id'])),
    })),
    attributes: attributes(o.id!),
    services: where('service', 'organization_id', o.id!).map((s) => ({
      ...pick('service', s, ['organization_id']),
      languages: where('language', 'service_id', s.id!).map((x) => pick('language', x, ['service_id'])),
      attributes: attributes(s.id!),
      service_at_locations: where('service_at_location', 'service_id', s.id!).map((x) => pick('service_at_location', x, ['service_id'])),
    })),
  }));
  return `${JSON.stringify(organizations, null, 2)}\n`;
}
