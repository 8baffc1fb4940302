// HSDS reading and writing without a store: both serialisations give back what was
// written, and the lenient reader accepts, drops or refuses hostile input as it says.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { CrosswiseError } from '../../core/errors.ts';
import { parseCsv } from '../csv.ts';
import { emptyDataset, HSDS_TABLES, type HsdsDataset } from './model.ts';
import { readHsdsFiles, readHsdsJson, readHsdsZip } from './read.ts';
import { hsdsCsvFiles, hsdsJson, hsdsZip } from './write.ts';

const ORG = '11111111-1111-4111-8111-111111111111';
const LOC = '22222222-2222-4222-8222-222222222222';
const SVC = '33333333-3333-4333-8333-333333333333';
const TERM = '44444444-4444-4444-8444-444444444444';
const TAX = '55555555-5555-4555-8555-555555555555';

/** A small inventory with the text that breaks naive CSV and JSON code. */
function sample(): HsdsDataset {
  const d = emptyDataset();
  d.organization.push({ id: ORG, name: 'Maison "L’Escale", Montréal', description: 'Shelter;\r\nline two', email: 'info@example.org', website: 'https://example.org' });
  d.location.push({ id: LOC, location_type: 'physical', organization_id: ORG, name: 'Montreal' });
  d.phone.push({ id: 'P1', organization_id: ORG, number: '+1 514 555 0100' });
  d.language.push({ id: 'L1', service_id: '', location_id: LOC, name: 'Français' });
  d.service.push({ id: SVC, organization_id: ORG, name: '=Hébergement', description: '', status: 'active' });
  d.service_at_location.push({ id: 'SAL1', service_id: SVC, location_id: LOC });
  d.taxonomy.push({ id: TAX, name: 'crosswise-needs', description: 'Needs' });
  d.taxonomy_term.push({ id: TERM, code: 'safe housing', name: 'Safe housing', description: 'A safe place', taxonomy: 'crosswise-needs', taxonomy_id: TAX });
  d.attribute.push({ id: 'A1', link_id: SVC, taxonomy_term_id: TERM, link_type: 'need', link_entity: 'service' });
  return d;
}

/** Rows with their empty cells left out, as both readers give them. */
const compact = (d: HsdsDataset) =>
  Object.fromEntries(Object.entries(d).map(([t, rows]) => [t, rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== '')))]));

const u8 = (text: string) => new TextEncoder().encode(text);
const isInvalid = (pattern: RegExp) => (err: unknown) => {
  assert.equal(err instanceof CrosswiseError && err.kind === 'invalid', true, String(err));
  assert.match((err as Error).message, pattern);
  return true;
};

test('the tabular package holds the values exactly (no spreadsheet guard, no BOM), reads back exactly, and declares every file', () => {
  const files = hsdsCsvFiles(sample());
  assert.deepEqual([...files.keys()].sort(), [
    'attributes.csv', 'datapackage.json', 'languages.csv', 'locations.csv', 'organizations.csv', 'phones.csv',
    'service_at_location.csv', 'services.csv', 'taxonomies.csv', 'taxonomy_terms.csv',
  ]);
  const phones = new TextDecoder().decode(files.get('phones.csv'));
  assert.match(phones, /^id,.*\r\nP1,[^\r]*,\+1 514 555 0100\b/s, 'other directories read the number as it is');
  const read = readHsdsFiles(files);
  assert.deepEqual(compact(read.dataset), compact(sample()));
  assert.deepEqual(read.dropped, []);
  assert.deepEqual(read.accepted, []);
  const pkg = JSON.parse(new TextDecoder().decode(files.get('datapackage.json'))) as { resources: { path: string; schema: { fields: { name: string }[] } }[] };
  for (const r of pkg.resources) {
    const header = parseCsv(new TextDecoder().decode(files.get(r.path)).replace(/^\uFEFF/, ''), ',')[0]!.fields;
    assert.deepEqual(header, r.schema.fields.map((f) => f.name));
  }
});

test('the JSON form nests services under organizations and reads back to the same rows; so does a zip', () => {
  const json = hsdsJson(sample());
  const [org] = JSON.parse(json) as { services: { attributes: { taxonomy_term: { name: string } }[] }[] }[];
  assert.equal(org!.services[0]!.attributes[0]!.taxonomy_term.name, 'Safe housing');
  const read = readHsdsJson(u8(json), 'inventory.json');
  assert.deepEqual(compact(read.dataset), compact(sample()));
  assert.deepEqual([read.accepted, read.dropped], [[], []]);
  assert.deepEqual(compact(readHsdsZip(hsdsZip(sample()), 'inventory.zip').dataset), compact(sample()));
  assert.deepEqual(hsdsZip(sample()), hsdsZip(sample()), 'the same data gives the same archive');
});

test('the reader accepts other releases’ spellings and missing optional parts, and says so', () => {
  const read = readHsdsFiles(
    new Map([
      ['export/organization.csv', u8(`id,NAME,extra\r\n${ORG},"Shelter",x\r\n`)],
      ['notes.csv', u8('a,b\n')],
    ]),
  );
  assert.deepEqual(compact(read.dataset).organization, [{ id: ORG, name: 'Shelter' }]);
  assert.deepEqual(read.accepted, [
    'organization table read from export/organization.csv (HSDS names it organizations.csv)',
    'export/organization.csv without the column description, which the schema requires',
    'organization rows without description, which the schema requires',
    'notes.csv: not a table Crosswise reads, ignored',
  ]);
  const page = readHsdsJson(u8(JSON.stringify({ contents: [{ id: ORG, name: 'Shelter', description: 'd' }] })), 'page.json');
  assert.equal(page.dataset.organization.length, 1);
  const one = readHsdsJson(u8(JSON.stringify({ id: ORG, name: 'Shelter', description: 'd' })), 'one.json');
  assert.deepEqual(one.accepted, ['one organization rather than a list of them']);
});

test('rows without what Crosswise needs, and repeated ids, are dropped with file and line', () => {
  const read = readHsdsFiles(
    new Map([
      ['organizations.csv', u8(`id,name,description\n${ORG},Shelter,d\n,No id,d\n${ORG},Again,d\n`)],
      ['services.csv', u8(`id,organization_id,name,status\n${SVC},${ORG},,active\n`)],
    ]),
  );
  assert.deepEqual(read.dropped, [
    { where: 'organizations.csv line 3', reason: 'no id' },
    { where: 'organizations.csv line 4', reason: `organization id ${ORG} appears twice` },
    { where: 'services.csv line 2', reason: 'no name' },
  ]);
  const json = readHsdsJson(u8(JSON.stringify([{ id: ORG, name: 'S', services: [{ id: SVC }, 7] }])), 'x.json');
  assert.deepEqual(json.dropped, [
    { where: 'organizations[0].services[0]', reason: 'no name' },
    { where: 'organizations[0].services[1]', reason: 'not a JSON object' },
  ]);
});

test('what cannot be understood is refused, naming the file and the problem', () => {
  assert.throws(() => readHsdsFiles(new Map([['organizations.csv', u8('id,title\n1,x\n')]])), isInvalid(/^organizations\.csv: the column "name" is missing/));
  assert.throws(() => readHsdsFiles(new Map([['services.csv', u8('id,organization_id,name\n')]])), isInvalid(/no organizations\.csv/));
  assert.throws(
    () => readHsdsFiles(new Map([['organizations.csv', u8('id,name\n')], ['organization.csv', u8('id,name\n')]])),
    isInvalid(/organization\.csv and organizations\.csv are both the organization table/),
  );
  assert.throws(() => readHsdsFiles(new Map([['organizations.csv', new Uint8Array([0x69, 0x64, 0xff, 0xfe])]])), isInvalid(/organizations\.csv is not UTF-8/));
  assert.throws(() => readHsdsFiles(new Map([['organizations.csv', u8('id,name\n')], ['datapackage.json', u8('{')]])), isInvalid(/datapackage\.json is not valid JSON/));
  assert.throws(() => readHsdsJson(u8('[{"id": "x",'), 'inventory.json'), isInvalid(/^inventory\.json is not valid JSON/));
  assert.throws(() => readHsdsJson(u8('"text"'), 'inventory.json'), isInvalid(/expected a list of HSDS organizations/));
  assert.throws(() => readHsdsZip(u8('not a zip'), 'inventory.zip'), isInvalid(/inventory\.zip is not a zip archive/));
  assert.throws(() => readHsdsZip(zipSync({ 'readme.txt': strToU8('hi') }), 'inventory.zip'), isInvalid(/no organizations\.csv/));
});

test('every table Crosswise writes lists the fields its schema file requires', () => {
  for (const t of HSDS_TABLES.filter((x) => x.written)) {
    for (const f of t.required) assert.equal(t.fields.includes(f), true, `${t.path} must have ${f}`);
    for (const f of t.needed) assert.equal(t.fields.includes(f), true, `${t.path} must have ${f}`);
  }
});
