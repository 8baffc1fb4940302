// The services inventory as a user runs it (services, add-organisation, add-service,
// export-hsds, import-hsds): the real crosswise process on the demo study, HSDS exports
// checked against the schema's required fields, round trips into a fresh project, and
// hostile files that must leave the database as it was.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { DEMO_NEEDS } from '../src/demo/needs.ts';
import { DEMO_SITES, DEMO_TITLE } from '../src/demo/study.ts';
import type { HsdsImportReport } from '../src/exchange/hsds.ts';
import { parseCsv } from '../src/formats/csv.ts';
import { HSDS_TABLES } from '../src/formats/hsds/model.ts';
import { readHsdsJson } from '../src/formats/hsds/read.ts';
import { openStore } from '../src/store/open.ts';
import { assertError, jsonOf, runCrosswise, type Run } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'crosswise-services-cli-'));
const db = join(dir, 'demo.db');
after(() => rmSync(dir, { recursive: true, force: true }));

const run = (database: string, ...args: string[]): Run => runCrosswise(dir, ['--db', database, ...args]);
const crosswise = (...args: string[]): Run => run(db, ...args);
const json = <T>(...args: string[]): T => jsonOf<T>(crosswise(...args, '--json'), args);

interface Listed {
  organisations: { name: string; site: string; caseId: string | null; type: string; populations: string[]; languages: string[]; services: { name: string; needs: string[] }[] }[];
}

before(() => {
  const r = crosswise('demo');
  assert.equal(r.status, 0, r.stderr);
});

/** A file's text without the CSV writer's BOM. */
const text = (file: string) => readFileSync(file, 'utf8').replace(/^\uFEFF/, '');

/** Export content with every UUID replaced by its order of first appearance: what must survive a round trip into another project. */
function normalised(content: string): string {
  const ids = new Map<string, string>();
  return content.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (id) => {
    if (!ids.has(id.toLowerCase())) ids.set(id.toLowerCase(), `id#${ids.size + 1}`);
    return ids.get(id.toLowerCase())!;
  });
}
const folderContent = (folder: string) =>
  readdirSync(folder)
    .sort()
    .map((f) => `== ${f}\n${text(join(folder, f))}`)
    .join('\n');

/** An empty project with the demo's sites and needs catalogue (no codes, no organisations), and `organisations` as cases. */
async function emptyCopy(file: string, organisations: [site: string, name: string][] = []): Promise<void> {
  const store = await openStore(file);
  try {
    const p = await store.createProject({ title: 'Copy' }, { system: 'test' });
    for (const s of DEMO_SITES) await p.createCase({ kind: 'site', name: s.name });
    for (const [site, name] of organisations) await p.createCase({ kind: 'organisation', name, parentId: (await p.findCase(site)).id });
    for (const n of DEMO_NEEDS) await p.createNeed({ name: n.name, description: n.description, horizon: n.horizon, purpose: n.purpose });
  } finally {
    await store.close();
  }
}

/** How many changes the demo's log holds: an import that writes nothing leaves it as it was. */
async function changeCount(): Promise<number> {
  const store = await openStore(db);
  try {
    return (await (await store.openProject(DEMO_TITLE, { system: 'test' })).changes()).length;
  } finally {
    await store.close();
  }
}

test('the demo inventory: every organisation with 1–4 services mapped to needs, and providers the study did not interview', () => {
  const { organisations } = json<Listed>('services');
  const studied = organisations.filter((o) => o.caseId !== null);
  assert.equal(studied.length, DEMO_SITES.reduce((n, s) => n + s.organisations.length, 0));
  for (const o of studied) {
    assert.equal(o.services.length >= 1 && o.services.length <= 4, true, `${o.name} has ${o.services.length} services`);
    assert.notEqual(o.type, '');
    assert.notEqual(o.languages.length, 0);
  }
  for (const s of DEMO_SITES) {
    const others = organisations.filter((o) => o.site === s.name && o.caseId === null);
    assert.equal(others.length >= 1 && others.length <= 2, true, `${s.name} has ${others.length} providers not interviewed`);
  }
  const needNames = new Set(DEMO_NEEDS.map((n) => n.name));
  for (const o of organisations) for (const s of o.services) for (const n of s.needs) assert.equal(needNames.has(n), true, n);
  const aboriginal = organisations.find((o) => o.name === "Red River Indigenous Women's Lodge")!;
  assert.deepEqual(aboriginal.populations.includes('Aboriginal people'), true);
  // Some needs are met by a service at some sites and not at others.
  const sitesMeeting = (need: string) => new Set(organisations.filter((o) => o.services.some((s) => s.needs.includes(need))).map((o) => o.site)).size;
  assert.equal(DEMO_NEEDS.some((n) => sitesMeeting(n.name) > 0 && sitesMeeting(n.name) < DEMO_SITES.length), true);

  const montreal = json<Listed>('services', '--site', 'montreal').organisations;
  assert.deepEqual([...new Set(montreal.map((o) => o.site))], ['Montreal']);
  const table = crosswise('services', '--site', 'Toronto');
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /^site\s+organisation\s+type\s+service\s+needs met/);
  assert.match(table.stdout, /Toronto Community Interpreters Co-op \(not interviewed\)/);
  assertError(crosswise('services', '--site', 'Calgary'), 1, /no site "Calgary": the sites are Montreal, Toronto, Vancouver, Winnipeg/);
});

test('export-hsds: every required field present and non-empty in every row; ids stable across exports', () => {
  const first = join(dir, 'hsds-1');
  const again = join(dir, 'hsds-2');
  const out = json<{ files: string[]; counts: { organisations: number } }>('export-hsds', first);
  assert.equal(out.files.length, HSDS_TABLES.filter((t) => t.written).length + 1);
  json('export-hsds', again);
  for (const t of HSDS_TABLES.filter((x) => x.written)) {
    const rows = parseCsv(text(join(first, t.path)), ',');
    const header = rows[0]!.fields;
    for (const f of t.required) assert.equal(header.includes(f), true, `${t.path} has no ${f} column`);
    for (const r of rows.slice(1)) {
      for (const f of t.required) assert.notEqual(r.fields[header.indexOf(f)] ?? '', '', `${t.path} line ${r.line}: ${f} is empty`);
    }
    assert.equal(text(join(again, t.path)), text(join(first, t.path)), `${t.path} changed between two exports`);
  }
  assert.equal(parseCsv(text(join(first, 'organizations.csv')), ',').length - 1, out.counts.organisations);
  assert.match(text(join(first, 'services.csv')), /,active\r\n/);

  const jsonFile = join(dir, 'inventory.json');
  json('export-hsds', jsonFile);
  const doc = readFileSync(jsonFile);
  json('export-hsds', join(dir, 'inventory-again.json'));
  assert.deepEqual(readFileSync(join(dir, 'inventory-again.json')), doc);
  const organisations = JSON.parse(doc.toString('utf8')) as { id: string; name: string; description: string; services: { id: string; name: string; status: string }[] }[];
  for (const o of organisations) {
    for (const f of ['id', 'name', 'description'] as const) assert.notEqual(o[f] ?? '', '', `organization ${o.name}: ${f}`);
    for (const s of o.services) for (const f of ['id', 'name', 'status'] as const) assert.notEqual(s[f] ?? '', '', `service ${s.name}: ${f}`);
  }
  // Read back, nothing departs from the schema and nothing is dropped.
  const read = readHsdsJson(doc, 'inventory.json');
  assert.deepEqual([read.accepted, read.dropped], [[], []]);
  assert.equal(read.dataset.organization.length, out.counts.organisations);

  // Ids come from the records: a new organisation adds ids and keeps everyone else's.
  const before = new Set(parseCsv(text(join(first, 'organizations.csv')), ',').slice(1).map((r) => r.fields[0]));
  json('add-organisation', 'Harbour Legal Aid', '--site', 'Vancouver');
  const third = join(dir, 'hsds-3');
  json('export-hsds', third);
  const now = parseCsv(text(join(third, 'organizations.csv')), ',').slice(1).map((r) => r.fields[0]);
  assert.deepEqual(now.filter((id) => !before.has(id)).length, 1);
  assert.equal([...before].every((id) => now.includes(id)), true);
});

for (const form of ['csv', 'json', 'zip'] as const) {
  test(`round trip (${form}): export → import into an empty project with the same sites and needs → export gives the same content`, async () => {
    const source = join(dir, `round-${form}${form === 'csv' ? '' : `.${form}`}`);
    json('export-hsds', source);
    const target = join(dir, `copy-${form}.db`);
    await emptyCopy(target);
    const { report } = jsonOf<{ report: HsdsImportReport }>(run(target, 'import-hsds', source, '--json'), ['import-hsds', source]);
    const listed = json<Listed>('services').organisations;
    assert.deepEqual(report.organisations, { created: listed.length, updated: 0, unchanged: 0, skipped: 0 });
    assert.equal(report.services.created, listed.reduce((n, o) => n + o.services.length, 0));
    assert.deepEqual([report.accepted, report.dropped], [[], []]);
    const copy = join(dir, `copy-out-${form}${form === 'csv' ? '' : `.${form}`}`);
    jsonOf(run(target, 'export-hsds', copy, '--json'), ['export-hsds', copy]);
    if (form === 'csv') assert.equal(normalised(folderContent(copy)), normalised(folderContent(source)));
    else if (form === 'json') assert.equal(normalised(text(copy)), normalised(text(source)));
    else {
      const entries = (zip: string) => Object.entries(unzipSync(readFileSync(zip))).sort(([a], [b]) => a.localeCompare(b)).map(([name, bytes]) => `== ${name}\n${strFromU8(bytes)}`).join('\n');
      assert.equal(normalised(entries(copy)), normalised(entries(source)));
    }
    // The organisations the study interviewed are not cases of the copy: none is linked.
    const copied = jsonOf<Listed>(run(target, 'services', '--json'), ['services']).organisations;
    assert.equal(copied.every((o) => o.caseId === null), true);
    // Importing the same file again changes nothing.
    const again = jsonOf<{ report: HsdsImportReport }>(run(target, 'import-hsds', source, '--json'), ['import-hsds', source]).report;
    assert.deepEqual(again.organisations, { created: 0, updated: 0, unchanged: listed.length, skipped: 0 });
  });
}

test('import-hsds into the demo matches its organisations and cases; edits in the file update them', () => {
  const folder = join(dir, 'edited');
  json('export-hsds', folder);
  const orgs = join(folder, 'organizations.csv');
  writeFileSync(orgs, text(orgs).replace('Sainte-Anne Mission,Religious organisation in Montreal.', 'Sainte-Anne Mission,Meals and a chaplain for people in the street.'));
  const { report } = json<{ report: HsdsImportReport }>('import-hsds', folder);
  assert.equal(report.organisations.updated, 1);
  assert.equal(report.organisations.created + report.organisations.skipped, 0);
  assert.deepEqual(report.outcomes.find((o) => o.outcome === 'updated'), { organisation: 'Sainte-Anne Mission', site: 'Montreal', outcome: 'updated' });
  const human = crosswise('import-hsds', folder);
  assert.equal(human.status, 0, human.stderr);
  assert.match(human.stdout, /^organisations: 0 created, 0 updated, \d+ unchanged, 0 skipped/);
  assert.match(human.stdout, /dropped: nothing/);
});

test('hostile files (missing required column, unknown site, bad JSON, not a zip) leave the database unchanged', async () => {
  const listed = JSON.stringify(json<Listed>('services'));
  const changes = await changeCount();
  const folder = join(dir, 'hostile');
  mkdirSync(folder);
  writeFileSync(join(folder, 'organizations.csv'), 'id,description\r\n1,A shelter\r\n');
  assertError(crosswise('import-hsds', folder), 1, /organizations\.csv: the column "name" is missing/);

  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '[{"id": "1", "name": ');
  assertError(crosswise('import-hsds', bad), 1, /bad\.json is not valid JSON/);
  const notZip = join(dir, 'inventory.zip');
  writeFileSync(notZip, 'PK? no');
  assertError(crosswise('import-hsds', notZip), 1, /inventory\.zip is not a zip archive/);
  assertError(crosswise('import-hsds', join(dir, 'nowhere.json')), 1, /no such file or folder/);

  const calgary = join(dir, 'calgary.json');
  writeFileSync(
    calgary,
    JSON.stringify([
      {
        id: 'c1',
        name: 'Bow River Shelter',
        description: 'A shelter',
        locations: [{ id: 'l1', location_type: 'physical', name: 'Calgary', addresses: [{ id: 'a1', address_1: '1 Main St', city: 'Calgary', state_province: 'AB', postal_code: 'T2P 1A1', country: 'CA', address_type: 'physical' }] }],
        services: [{ id: 's1', name: 'Beds', status: 'active' }],
      },
    ]),
  );
  const { report } = json<{ report: HsdsImportReport }>('import-hsds', calgary);
  assert.deepEqual(report.organisations, { created: 0, updated: 0, unchanged: 0, skipped: 1 });
  assert.match(report.outcomes[0]!.reason!, /no location of it is named after a site of this project/);

  assert.equal(JSON.stringify(json<Listed>('services')), listed);
  assert.equal(await changeCount(), changes);
});

test('an address city finds the site; unknown needs are reported, not guessed', () => {
  const file = join(dir, 'directory.json');
  writeFileSync(
    file,
    JSON.stringify({
      contents: [
        {
          id: 'o1',
          name: 'Prairie Legal Help',
          description: 'Free legal clinic',
          website: 'https://example.org/legal',
          locations: [{ id: 'l1', location_type: 'physical', name: 'Main office', addresses: [{ id: 'a1', address_1: '5 Portage Ave', city: 'Winnipeg', state_province: 'MB', postal_code: 'R3C 0A1', country: 'CA', address_type: 'physical' }], languages: [{ id: 'g1', name: 'English' }] }],
          services: [
            {
              id: 's1',
              name: 'Legal clinic',
              status: 'active',
              attributes: [
                { id: 'x1', taxonomy_term: { id: 't1', name: 'immigration status and legal help', description: 'Need' } },
                { id: 'x2', taxonomy_term: { id: 't2', name: 'Tax filing', description: 'Need' } },
              ],
            },
            { id: 's2', name: 'Old program', status: 'defunct' },
          ],
        },
      ],
    }),
  );
  const { report } = json<{ report: HsdsImportReport }>('import-hsds', file);
  assert.deepEqual(report.outcomes, [{ organisation: 'Prairie Legal Help', site: 'Winnipeg', outcome: 'created' }]);
  assert.deepEqual(
    report.dropped.map((e) => [e.what, e.reason, e.examples]),
    [
      ['needs met', 'no need of that name in the needs catalogue', ['Tax filing']],
      ['services', 'status "defunct", not active', ['Old program']],
    ],
  );
  const created = json<Listed>('services', '--site', 'Winnipeg').organisations.find((o) => o.name === 'Prairie Legal Help')!;
  assert.deepEqual(created.services, [{ ...created.services[0]!, name: 'Legal clinic', needs: ['Immigration status and legal help'] }]);
  assert.deepEqual(created.languages, ['English']);
});

test('add-organisation and add-service: linked to the study’s case by name; bad input is refused clearly', async () => {
  const small = join(dir, 'small.db');
  await emptyCopy(small, [['Vancouver', "Harbourside Women's Shelter Society"]]);
  const cli = (...args: string[]) => run(small, ...args);
  const add = <T>(...args: string[]) => jsonOf<T>(cli(...args, '--json'), args);
  const linked = add<{ caseId: string | null }>('add-organisation', "harbourside women's shelter society", '--site', 'vancouver');
  assert.notEqual(linked.caseId, null);
  const org = add<{ caseId: string | null; populations: string[]; languages: string[] }>(
    'add-organisation', "Women's Legal Information Clinic", '--site', 'Winnipeg', '--population', 'women', '--population', 'migrants', '--language', 'English',
  );
  assert.deepEqual([org.caseId, org.populations, org.languages], [null, ['women', 'migrants'], ['English']]);
  add('add-organisation', "Women's Legal Information Clinic", '--site', 'Toronto');
  const service = add<{ needIds: string[] }>('add-service', "Winnipeg/Women's Legal Information Clinic", 'Legal information', '--need', 'Immigration status and legal help', '--need', 'health care');
  assert.equal(service.needIds.length, 2);
  const human = cli('add-service', "harbourside women's shelter society", 'Drop-in');
  assert.equal(human.status, 0, human.stderr);
  assert.equal(human.stdout, `Added "Drop-in" to "Harbourside Women's Shelter Society".\n`);

  assertError(cli('add-service', "Women's Legal Information Clinic", 'X'), 1, /ambiguous: Toronto\/Women's Legal Information Clinic, Winnipeg\/Women's Legal Information Clinic/);
  assertError(cli('add-service', 'Toronto/Women\'s Legal Information Clinic', 'Y', '--need', 'Flying lessons'), 1, /no need "Flying lessons"/);
  assertError(cli('add-organisation', 'Anywhere', '--site', 'Calgary'), 1, /no site "Calgary"/);
  assertError(cli('add-organisation', "Women's legal information clinic", '--site', 'toronto'), 1, /Toronto already has an organisation named "Women's Legal Information Clinic"/);
  const usage = cli('add-organisation', 'No site');
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /required option '--site <name>'/);
});
