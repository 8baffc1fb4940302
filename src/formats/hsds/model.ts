// The subset of Open Referral HSDS 3.0 (Human Services Data Specification) that a
// services inventory needs, as tables of text cells: the tabular form (one CSV per
// table) and the JSON form (organizations with nested services) both read into it.
//
// Table and field names, file names and required fields are those of the schema files
// of github.com/openreferral/specification, branch 3.0, schema/<table>.json ("path"
// gives the CSV file, "required" the required fields, "tabular_required" those the
// tabular form also requires). Where 3.0 left a table's file name ambiguous between
// releases (service_at_location.csv), the reader also accepts the other spelling.

export type HsdsTableName =
  | 'organization'
  | 'service'
  | 'location'
  | 'address'
  | 'service_at_location'
  | 'phone'
  | 'language'
  | 'taxonomy'
  | 'taxonomy_term'
  | 'attribute';

export interface HsdsTableSpec {
  name: HsdsTableName;
  /** The CSV file of the tabular form. */
  path: string;
  /** Columns written, in this order (the schema's order); other columns are read and ignored. */
  fields: readonly string[];
  /** Required by the schema file ("required" plus "tabular_required"). */
  required: readonly string[];
  /** What Crosswise cannot do without: a row lacking one is dropped, a file lacking the column refused. */
  needed: readonly string[];
  /** Written on export (address is only read: the inventory has no street addresses). */
  written: boolean;
}

export const HSDS_VERSION = '3.0';

export const HSDS_TABLES: readonly HsdsTableSpec[] = [
  // schema/organization.json: required id, name, description
  { name: 'organization', path: 'organizations.csv', fields: ['id', 'name', 'description', 'email', 'website'], required: ['id', 'name', 'description'], needed: ['id', 'name'], written: true },
  // schema/service.json: required id, name, status; tabular_required organization_id
  { name: 'service', path: 'services.csv', fields: ['id', 'organization_id', 'name', 'description', 'status'], required: ['id', 'name', 'status', 'organization_id'], needed: ['id', 'organization_id', 'name'], written: true },
  // schema/location.json: required id, location_type
  { name: 'location', path: 'locations.csv', fields: ['id', 'location_type', 'organization_id', 'name'], required: ['id', 'location_type'], needed: ['id'], written: true },
  // schema/address.json: required id, address_1, city, state_province, postal_code, country, address_type
  { name: 'address', path: 'addresses.csv', fields: ['id', 'location_id', 'address_1', 'city', 'region', 'state_province', 'postal_code', 'country', 'address_type'], required: ['id', 'address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type'], needed: ['location_id', 'city'], written: false },
  // schema/service_at_location.json: required id; tabular_required service_id, location_id
  { name: 'service_at_location', path: 'service_at_location.csv', fields: ['id', 'service_id', 'location_id'], required: ['id', 'service_id', 'location_id'], needed: ['service_id', 'location_id'], written: true },
  // schema/phone.json: required id, number
  { name: 'phone', path: 'phones.csv', fields: ['id', 'organization_id', 'number'], required: ['id', 'number'], needed: ['number'], written: true },
  // schema/language.json: required id
  { name: 'language', path: 'languages.csv', fields: ['id', 'service_id', 'location_id', 'name'], required: ['id'], needed: ['name'], written: true },
  // schema/taxonomy.json: required id, name, description
  { name: 'taxonomy', path: 'taxonomies.csv', fields: ['id', 'name', 'description'], required: ['id', 'name', 'description'], needed: ['id', 'name'], written: true },
  // schema/taxonomy_term.json: required id, name, description
  { name: 'taxonomy_term', path: 'taxonomy_terms.csv', fields: ['id', 'code', 'name', 'description', 'taxonomy', 'taxonomy_id'], required: ['id', 'name', 'description'], needed: ['id', 'name'], written: true },
  // schema/attribute.json: required id; tabular_required link_id, taxonomy_term_id, link_entity
  { name: 'attribute', path: 'attributes.csv', fields: ['id', 'link_id', 'taxonomy_term_id', 'link_type', 'link_entity'], required: ['id', 'link_id', 'taxonomy_term_id', 'link_entity'], needed: ['link_id', 'taxonomy_term_id'], written: true },
];

export const hsdsTable = (name: HsdsTableName): HsdsTableSpec => HSDS_TABLES.find((t) => t.name === name)!;

/** One row: field → text ('' for absent). */
export type HsdsRow = Record<string, string>;

export type HsdsDataset = Record<HsdsTableName, HsdsRow[]>;

export const emptyDataset = (): HsdsDataset =>
  Object.fromEntries(HSDS_TABLES.map((t) => [t.name, []])) as unknown as HsdsDataset;

/** A row the reader left out, and why. */
export interface HsdsDropped {
  /** "organizations.csv line 4", or "organizations[2].services[0]" in JSON. */
  where: string;
  reason: string;
}

export interface HsdsRead {
  dataset: HsdsDataset;
  /** Departures from the schema the lenient reader accepted, each said once. */
  accepted: string[];
  dropped: HsdsDropped[];
}

/** The taxonomies Crosswise writes: its needs catalogue, populations served and kinds of organisation. */
export const CROSSWISE_TAXONOMIES = {
  needs: 'crosswise-needs',
  populations: 'crosswise-populations',
  types: 'crosswise-organisation-types',
} as const;
