import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServiceOrganisation } from '../../../core/services.ts';
import { organisationsBySite, parseList } from './services.ts';

test('parseList splits on commas, semicolons and lines, trims, and drops blanks and repeats', () => {
  assert.deepEqual(parseList(' English, Cree;French\n\nenglish ,  '), ['English', 'Cree', 'French']);
  assert.deepEqual(parseList('   '), []);
});

const org = (id: string, name: string, siteId: string): ServiceOrganisation => ({
  id, name, siteId, description: '', caseId: null, type: '', populations: [], languages: [], email: '', phone: '', url: '', createdAt: '2005-01-01T00:00:00Z', version: 1,
});

test('organisationsBySite lists every site by name, each with its organisations by name', () => {
  const compare = new Intl.Collator('fr-CA', { sensitivity: 'base' }).compare;
  const sites = [{ id: 'w', name: 'Winnipeg' }, { id: 'm', name: 'Montréal' }, { id: 't', name: 'Toronto' }];
  const grouped = organisationsBySite([org('1', 'Sagesse', 'w'), org('2', 'Ka Ni Kanichihk', 'w'), org('3', 'Maison L’Escale', 'm')], sites, compare);
  assert.deepEqual(
    grouped.map((g) => [g.site.name, g.organisations.map((o) => o.name)]),
    [['Montréal', ['Maison L’Escale']], ['Toronto', []], ['Winnipeg', ['Ka Ni Kanichihk', 'Sagesse']]],
  );
});
