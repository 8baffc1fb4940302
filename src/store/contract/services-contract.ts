// The services inventory for every adapter: organisations per site and their services
// mapped to needs, versioned (a stale edit is refused), logged, and checked.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CrosswiseError } from '../../core/errors.ts';
import { seed, withStore } from './fixtures.ts';

const isConflict = (err: unknown) => err instanceof CrosswiseError && err.kind === 'conflict';

async function inventory(location: string, fn: (s: Awaited<ReturnType<typeof setUp>>) => Promise<void>): Promise<void> {
  await withStore(location, async (store) => fn(await setUp(store)));
}

async function setUp(store: Parameters<typeof seed>[0]) {
  const seeded = await seed(store);
  const { p, fear } = seeded;
  const housing = await p.createNeed({ name: 'Safe housing', horizon: 'short_term', purpose: 'protection' });
  const legal = await p.createNeed({ name: 'Legal information', horizon: 'long_term', purpose: 'protection', codeIds: [fear.id] });
  const toronto = await p.createCase({ kind: 'site', name: 'Toronto' });
  return { ...seeded, housing, legal, toronto };
}

export function servicesContract(adapter: string, freshLocation: () => Promise<string>): void {
  describe(`services contract: ${adapter}`, () => {
    test('organisations and services are stored, found, versioned and logged; stale edits are refused', async () => {
      await inventory(await freshLocation(), async ({ p, site, org, housing, legal }) => {
        const shelter = await p.createServiceOrganisation({
          name: '  Maison L’Escale ',
          siteId: site.id,
          caseId: org.id,
          type: "Women's organisation",
          populations: ['migrants', 'Migrants', ' ', 'youth'],
          languages: ['French', 'English'],
          phone: '+1 514 555 0100',
        });
        assert.deepEqual(
          { name: shelter.name, populations: shelter.populations, languages: shelter.languages, caseId: shelter.caseId, version: shelter.version },
          { name: 'Maison L’Escale', populations: ['migrants', 'youth'], languages: ['French', 'English'], caseId: org.id, version: 1 },
        );
        const bed = await p.createService({ organisationId: shelter.id, name: 'Emergency beds', needIds: [housing.id] });
        const clinic = await p.createService({ organisationId: shelter.id, name: 'Legal clinic', needIds: [legal.id, housing.id] });
        assert.deepEqual((await p.findServiceOrganisation('maison l’escale')).id, shelter.id);
        assert.deepEqual((await p.findServiceOrganisation('Montreal/Maison L’Escale')).id, shelter.id);
        assert.deepEqual(await p.listServiceOrganisations(), [shelter]);
        assert.deepEqual(await p.listServices({ organisationId: shelter.id }), [bed, clinic]);
        assert.deepEqual((await p.listServices({ needId: legal.id })).map((s) => s.name), ['Legal clinic']);
        assert.deepEqual((await p.listServices()).find((s) => s.id === clinic.id)!.needIds, [legal.id, housing.id]);

        const renamed = await p.updateServiceOrganisation(shelter.id, { name: 'L’Escale', populations: ['women'] }, 1);
        assert.equal(renamed.version, 2);
        await assert.rejects(p.updateServiceOrganisation(shelter.id, { name: 'Stale' }, 1), isConflict);
        const moved = await p.updateService(bed.id, { needIds: [] , description: 'Thirty days' }, 1);
        assert.deepEqual({ version: moved.version, needIds: moved.needIds }, { version: 2, needIds: [] });
        await assert.rejects(p.updateService(bed.id, { name: 'Stale' }, 1), isConflict);
        assert.deepEqual((await p.listServiceOrganisations())[0], renamed);

        await p.deleteService(clinic.id);
        const logged = (await p.changes()).filter((c) => c.entity === 'service' || c.entity === 'service_organisation');
        assert.deepEqual(logged.map((c) => `${c.action} ${c.entity}`), [
          'create service_organisation',
          'create service',
          'create service',
          'update service_organisation',
          'update service',
          'delete service',
        ]);
        assert.deepEqual(logged[0]!.actor, { system: 'contract-test' });
      });
    });

    test('sites, organisation cases, needs and names are checked, and a refused change writes nothing', async () => {
      await inventory(await freshLocation(), async ({ p, site, org, participant, toronto, housing }) => {
        const base = { name: 'Shelter', siteId: site.id };
        await assert.rejects(p.createServiceOrganisation({ ...base, siteId: org.id }), /the site must be a case of kind site; "Maison L’Escale" is of kind organisation/);
        await assert.rejects(p.createServiceOrganisation({ ...base, siteId: 'nope' }), /no site nope/);
        await assert.rejects(p.createServiceOrganisation({ ...base, caseId: participant.id }), /"MTL-02" is of kind participant/);
        await assert.rejects(p.createServiceOrganisation({ ...base, name: '  ' }), /needs a name/);
        const first = await p.createServiceOrganisation(base);
        await assert.rejects(p.createServiceOrganisation({ ...base, name: 'SHELTER' }), /already has an organisation named "Shelter"/);
        // The same name at another site is another organisation; a bare name is then ambiguous.
        const other = await p.createServiceOrganisation({ ...base, siteId: toronto.id });
        await assert.rejects(p.findServiceOrganisation('shelter'), /ambiguous: Montreal\/Shelter, Toronto\/Shelter/);
        assert.equal((await p.findServiceOrganisation('Toronto/Shelter')).id, other.id);
        await assert.rejects(p.findServiceOrganisation('Nowhere'), /no organisation "Nowhere"/);

        await assert.rejects(p.createService({ organisationId: first.id, name: 'Beds', needIds: ['no-such-need'] }), /no need no-such-need/);
        await assert.rejects(p.createService({ organisationId: first.id, name: 'Beds', needIds: [housing.id, housing.id] }), /appears twice/);
        await assert.rejects(p.createService({ organisationId: 'nope', name: 'Beds' }), /no organisation nope/);
        const beds = await p.createService({ organisationId: first.id, name: 'Beds' });
        await assert.rejects(p.createService({ organisationId: first.id, name: 'beds' }), /already offers a service named "Beds"/);
        await assert.rejects(p.updateService(beds.id, { needIds: ['nope'] }), /no need nope/);
        await assert.rejects(p.updateServiceOrganisation(first.id, { siteId: participant.id }), /must be a case of kind site/);

        assert.deepEqual((await p.listServices()).map((s) => [s.name, s.version, s.needIds]), [['Beds', 1, []]]);
        assert.deepEqual((await p.listServiceOrganisations()).map((o) => [o.name, o.version]), [['Shelter', 1], ['Shelter', 1]]);
        assert.deepEqual((await p.listServiceOrganisations({ siteId: toronto.id })).map((o) => o.id), [other.id]);
        const logged = (await p.changes()).filter((c) => c.entity === 'service' || c.entity === 'service_organisation');
        assert.equal(logged.length, 3);
      });
    });

    test('deleting an organisation deletes its services; deleting a need unlinks it; a transaction lands whole or not at all', async () => {
      await inventory(await freshLocation(), async ({ p, site, housing, legal }) => {
        const a = await p.createServiceOrganisation({ name: 'A', siteId: site.id });
        const b = await p.createServiceOrganisation({ name: 'B', siteId: site.id });
        await p.createService({ organisationId: a.id, name: 'Beds', needIds: [housing.id, legal.id] });
        const kept = await p.createService({ organisationId: b.id, name: 'Advice', needIds: [legal.id] });
        await p.deleteServiceOrganisation(a.id);
        assert.deepEqual((await p.listServices()).map((s) => s.id), [kept.id]);
        const deletion = (await p.changes()).at(-1)!;
        assert.deepEqual([deletion.action, deletion.entity, (deletion.data.services as { name: string }[]).map((s) => s.name)], ['delete', 'service_organisation', ['Beds']]);
        await p.deleteNeed(legal.id);
        assert.deepEqual((await p.listServices())[0]!.needIds, []);

        await assert.rejects(
          p.transaction(async (tx) => {
            const c = await tx.createServiceOrganisation({ name: 'C', siteId: site.id });
            await tx.createService({ organisationId: c.id, name: 'Beds', needIds: [housing.id] });
            await tx.createService({ organisationId: c.id, name: 'Bad', needIds: ['nope'] });
          }),
          /no need nope/,
        );
        assert.deepEqual((await p.listServiceOrganisations()).map((o) => o.name), ['B']);
        await assert.rejects(p.deleteServiceOrganisation(a.id), /no organisation/);
      });
    });
  });
}
