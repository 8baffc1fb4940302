import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AttributeDefinition, Case } from '../../../core/model.ts';
import { attributesFor, groupStudy } from './study.ts';

const c = (id: string, kind: Case['kind'], name: string, parentId: string | null = null): Case => ({ id, kind, name, parentId, description: '', attributes: {} });
const compare = (a: string, b: string) => a.localeCompare(b);

test('groupStudy nests participants under organisations under sites', () => {
  const cases = [
    c('p2', 'participant', 'WPG-02', 'o2'),
    c('s2', 'site', 'Winnipeg'),
    c('s1', 'site', 'Montreal'),
    c('o1', 'organisation', 'Maison L’Escale', 's1'),
    c('o2', 'organisation', 'Prairie Centre', 's2'),
    c('p1', 'participant', 'MTL-01', 'o1'),
    c('p3', 'participant', 'MTL-10', 's1'),
    c('p4', 'participant', 'Loose'),
  ];
  const groups = groupStudy(cases, compare);
  assert.deepEqual(
    groups.map((g) => g.site?.name ?? null),
    ['Montreal', 'Winnipeg', null],
  );
  const montreal = groups[0]!;
  assert.equal(montreal.participants, 2);
  assert.deepEqual(
    montreal.groups.map((g) => [g.organisation?.name ?? null, g.participants.map((p) => p.name)]),
    [
      ['Maison L’Escale', ['MTL-01']],
      [null, ['MTL-10']],
    ],
  );
  assert.deepEqual(groups[2]!.groups[0]!.participants.map((p) => p.id), ['p4']);
});

test('attributesFor keeps definitions for the kind or for every kind', () => {
  const d = (name: string, caseKinds: AttributeDefinition['caseKinds']): AttributeDefinition => ({ id: name, name, type: 'text', caseKinds, description: '' });
  const defs = [d('province', ['site']), d('role', ['participant']), d('note', [])];
  assert.deepEqual(
    attributesFor(defs, 'participant').map((x) => x.name),
    ['role', 'note'],
  );
});
