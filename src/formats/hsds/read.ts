// Reads HSDS leniently, from untrusted files: the tabular data package (CSV files by
// name, from a folder or a .zip) or the JSON form (a list of organizations, one
// organization, or an API page of them). What departs from the schema but can be
// understood is accepted and listed; a row without what Crosswise needs is dropped
// with the reason; a file that cannot be understood at all is refused, naming it.

import { invalid } from '../../core/errors.ts';
import { parseCsv } from '../csv.ts';
import { DEFAULT_LIMITS, mb } from '../types.ts';
import { readZipEntries, sniffContainer } from '../zip.ts';
import { HSDS_TABLES, emptyDataset, hsdsTable, type HsdsDropped, type HsdsRead, type HsdsRow, type HsdsTableName, type HsdsTableSpec } from './model.ts';

export const HSDS_LIMITS = {
  /** Largest file (a CSV, the JSON document, or the zip). */
  maxFileBytes: DEFAULT_LIMITS.maxFileBytes,
  /** Rows per table: far more than any community directory, far fewer than memory allows. */
  maxRows: 200_000,
};

/** Collects what the reader accepted and dropped; each acceptance is said once. */
class Notes {
  readonly accepted = new Set<string>();
  readonly dropped: HsdsDropped[] = [];
  readonly dataset = emptyDataset();

  result(): HsdsRead {
    return { dataset: this.dataset, accepted: [...this.accepted], dropped: this.dropped };
  }

  /** Adds a row, unless it lacks a needed field or repeats an id. */
  add(spec: HsdsTableSpec, row: HsdsRow, where: string, ids: Set<string>): void {
    const rows = this.dataset[spec.name];
    if (rows.length >= HSDS_LIMITS.maxRows) throw invalid(`${where}: more than ${HSDS_LIMITS.maxRows} ${spec.name} rows`);
    const lacking = spec.needed.find((f) => !row[f]);
    if (lacking) {
      this.dropped.push({ where, reason: `no ${lacking}` });
      return;
    }
    if (row.id && ids.has(row.id)) {
      this.dropped.push({ where, reason: `${spec.name} id ${row.id} appears twice` });
      return;
    }
    if (row.id) ids.add(row.id);
    const missing = spec.required.filter((f) => !row[f]);
    if (missing.length) this.accepted.add(`${spec.name} rows without ${missing.join(', ')}, which the schema requires`);
    rows.push(row);
  }
}

/** Tabular files we know, by lower-case name without folders; also the singular/plural other releases use. */
function specFor(fileName: string): HsdsTableSpec | undefined {
  const base = fileName.split('/').at(-1)!.toLowerCase();
  return HSDS_TABLES.find((t) => t.path === base || [`${t.name}.csv`, `${t.name}s.csv`].includes(base));
}

function decode(bytes: Uint8Array, file: string): string {
  if (bytes.length > HSDS_LIMITS.maxFileBytes) throw invalid(`${file} is ${mb(bytes.length)}, more than the ${mb(HSDS_LIMITS.maxFileBytes)} allowed`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid(`${file} is not UTF-8 text: save it as CSV UTF-8 and try again`);
  }
}

function readTable(spec: HsdsTableSpec, file: string, bytes: Uint8Array, notes: Notes): void {
  if (file !== spec.path) notes.accepted.add(`${spec.name} table read from ${file} (HSDS names it ${spec.path})`);
  const rows = parseCsv(decode(bytes, file), ',');
  const header = (rows[0]?.fields ?? []).map((h) => h.trim().toLowerCase());
  for (const f of spec.needed) if (!header.includes(f)) throw invalid(`${file}: the column "${f}" is missing (line 1 has ${header.join(', ') || 'nothing'})`);
  const missing = spec.required.filter((f) => !header.includes(f));
  if (missing.length) notes.accepted.add(`${file} without the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}, which the schema requires`);
  const ids = new Set<string>();
  for (const r of rows.slice(1)) {
    const row: HsdsRow = {};
    header.forEach((h, i) => {
      if (h && spec.fields.includes(h)) row[h] = (r.fields[i] ?? '').trim();
    });
    notes.add(spec, row, `${file} line ${r.line}`, ids);
  }
}

/** The tabular form: file name → bytes (a folder's files or a zip's entries). */
export function readHsdsFiles(files: ReadonlyMap<string, Uint8Array>): HsdsRead {
  const notes = new Notes();
  const seen = new Map<HsdsTableName, string>();
  for (const [file, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const spec = specFor(file);
    if (!spec) {
      if (/\.csv$/i.test(file)) notes.accepted.add(`${file}: not a table Crosswise reads, ignored`);
      else if (/(^|\/)datapackage\.json$/i.test(file)) checkDatapackage(file, bytes);
      continue;
    }
    const before = seen.get(spec.name);
    if (before) throw invalid(`${before} and ${file} are both the ${spec.name} table: keep one`);
    seen.set(spec.name, file);
    readTable(spec, file, bytes, notes);
  }
  if (!seen.has('organization')) throw invalid('no organizations.csv: an HSDS data package needs its organization table');
  return notes.result();
}

function checkDatapackage(file: string, bytes: Uint8Array): void {
  try {
    JSON.parse(decode(bytes, file));
  } catch (err) {
    throw invalid(`${file} is not valid JSON: ${(err as Error).message}`);
  }
}

/** A zip of the tabular form (files may sit in one folder inside it). */
export function readHsdsZip(bytes: Uint8Array, file: string): HsdsRead {
  if (sniffContainer(bytes) !== 'zip') throw invalid(`${file} is not a zip archive`);
  const limits = { ...DEFAULT_LIMITS, maxFileBytes: HSDS_LIMITS.maxFileBytes };
  return readHsdsFiles(readZipEntries(bytes, limits, (name) => /\.(csv|json)$/i.test(name) && !name.startsWith('__MACOSX/')));
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (v: Json | undefined): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);

/** The JSON form. */
export function readHsdsJson(bytes: Uint8Array, file: string): HsdsRead {
  let doc: Json;
  try {
    doc = JSON.parse(decode(bytes, file).replace(/^\uFEFF/, '')) as Json;
  } catch (err) {
    throw invalid(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const notes = new Notes();
  const ids = new Map<HsdsTableName, Set<string>>(HSDS_TABLES.map((t) => [t.name, new Set()]));
  const text = (v: Json | undefined) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
  /** Adds one object as a row of `table`, with `links` (parent ids) filled in where it has none. */
  const add = (table: HsdsTableName, value: Json, where: string, links: HsdsRow = {}): HsdsRow | undefined => {
    if (!isObject(value)) {
      notes.dropped.push({ where, reason: `not a JSON object` });
      return undefined;
    }
    const spec = hsdsTable(table);
    const row: HsdsRow = Object.fromEntries(spec.fields.map((f) => [f, text(value[f]) || links[f] || '']).filter(([, v]) => v));
    // A nested object met again (a taxonomy term on many services) is the same row.
    if (row.id && ids.get(table)!.has(row.id) && ['taxonomy', 'taxonomy_term', 'location'].includes(table)) return row;
    const before = notes.dataset[table].length;
    notes.add(spec, row, where, ids.get(table)!);
    return notes.dataset[table].length > before ? row : undefined;
  };
  const attributes = (owner: HsdsRow, entity: string, value: Json | undefined, where: string) =>
    list(value).forEach((a, i) => {
      const at = `${where}.attributes[${i}]`;
      const term = isObject(a) ? a.taxonomy_term : undefined;
      if (isObject(term)) {
        const detail = term.taxonomy_detail;
        if (isObject(detail)) add('taxonomy', detail, `${at}.taxonomy_term.taxonomy_detail`);
        add('taxonomy_term', term, `${at}.taxonomy_term`, isObject(detail) ? { taxonomy_id: text(detail.id) } : {});
      }
      add('attribute', a, at, { link_id: owner.id ?? '', link_entity: entity, taxonomy_term_id: isObject(term) ? text(term.id) : '' });
    });
  const languages = (value: Json | undefined, where: string, links: HsdsRow) =>
    list(value).forEach((l, i) => add('language', l, `${where}.languages[${i}]`, links));

  const organizations = Array.isArray(doc) ? doc : isObject(doc) && Array.isArray(doc.contents) ? doc.contents : isObject(doc) ? [doc] : null;
  if (!organizations) throw invalid(`${file}: expected a list of HSDS organizations`);
  if (isObject(doc) && !Array.isArray(doc.contents)) notes.accepted.add('one organization rather than a list of them');
  organizations.forEach((o, i) => {
    const where = `organizations[${i}]`;
    const org = add('organization', o, where);
    if (!org || !isObject(o)) return;
    list(o.phones).forEach((p, j) => add('phone', p, `${where}.phones[${j}]`, { organization_id: org.id! }));
    list(o.locations).forEach((l, j) => {
      const at = `${where}.locations[${j}]`;
      const location = add('location', l, at, { organization_id: org.id! });
      if (!location || !isObject(l)) return;
      languages(l.languages, at, { location_id: location.id! });
      list(l.addresses).forEach((a, k) => add('address', a, `${at}.addresses[${k}]`, { location_id: location.id! }));
    });
    attributes(org, 'organization', o.attributes, where);
    list(o.services).forEach((s, j) => {
      const at = `${where}.services[${j}]`;
      const service = add('service', s, at, { organization_id: org.id! });
      if (!service || !isObject(s)) return;
      languages(s.languages, at, { service_id: service.id! });
      attributes(service, 'service', s.attributes, at);
      list(s.service_at_locations).forEach((x, k) => {
        const nested = isObject(x) ? x.location : undefined;
        if (isObject(nested)) add('location', nested, `${at}.service_at_locations[${k}].location`, { organization_id: org.id! });
        add('service_at_location', x, `${at}.service_at_locations[${k}]`, { service_id: service.id!, location_id: isObject(nested) ? text(nested.id) : '' });
      });
    });
  });
  return notes.result();
}
