import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AttributeDefinition, Case } from '../../../core/model.ts';
import type { DocumentRow } from '../../../core/read-models.ts';
import { attributeChoices } from '../../components/case-choices.ts';
import { filterDocuments, NO_FILTER } from './filters.ts';

const org = (id: string, type: string, aboriginal: boolean): Case => ({
  id,
  kind: 'organisation',
  name: id,
  parentId: 's1',
  description: '',
  attributes: { 'organisation type': type, 'serves Aboriginal people': aboriginal },
});
const cases = [org('o1', 'Victim services', true), org('o2', "Women's organisation", false), org('o3', 'Victim services', false)];
const casesById = new Map(cases.map((c) => [c.id, c]));

const row = (id: string, organisation: string | null, extra: Partial<DocumentRow> = {}): DocumentRow => ({
  id,
  name: `${id} interview`,
  language: 'en',
  length: 100,
  interviewId: null,
  caseId: null,
  original: null,
  importInfo: {},
  createdAt: '2005-01-01T00:00:00.000Z',
  case: { id: `p-${id}`, name: id.toUpperCase() },
  organisation: organisation ? { id: organisation, name: organisation } : null,
  site: { id: 's1', name: 'Montréal' },
  interviewStatus: 'coded',
  coderIds: ['A'],
  codings: 3,
  ...extra,
});
const rows = [row('mtl-01', 'o1', { language: 'fr' }), row('mtl-02', 'o2', { coderIds: [] , interviewStatus: 'transcribed' }), row('loose', null, { site: null, interviewStatus: null, language: null })];
const ids = (filter: Partial<typeof NO_FILTER>) => filterDocuments(rows, { ...NO_FILTER, ...filter }, casesById).map((r) => r.id);

test('no filter keeps everything', () => {
  assert.deepEqual(ids({}), ['mtl-01', 'mtl-02', 'loose']);
});

test('filters by organisation attribute, typed values compared as text', () => {
  assert.deepEqual(ids({ organisation: 'organisation type=Victim services' }), ['mtl-01']);
  assert.deepEqual(ids({ organisation: 'serves Aboriginal people=false' }), ['mtl-02']);
});

test('filters by site, language, status (with none), coder and text', () => {
  assert.deepEqual(ids({ siteId: 's1' }), ['mtl-01', 'mtl-02']);
  assert.deepEqual(ids({ language: 'fr' }), ['mtl-01']);
  assert.deepEqual(ids({ language: 'none' }), ['loose']);
  assert.deepEqual(ids({ status: 'none' }), ['loose']);
  assert.deepEqual(ids({ status: 'transcribed' }), ['mtl-02']);
  assert.deepEqual(ids({ coderId: 'A' }), ['mtl-01', 'loose']);
  assert.deepEqual(ids({ text: 'MTL 02' }), ['mtl-02']);
});

test('attributeChoices lists distinct values per attribute of a kind of case', () => {
  const defs: AttributeDefinition[] = [
    { id: '1', name: 'organisation type', type: 'text', caseKinds: ['organisation'], description: '' },
    { id: '2', name: 'serves Aboriginal people', type: 'boolean', caseKinds: ['organisation'], description: '' },
    { id: '3', name: 'role', type: 'text', caseKinds: ['participant'], description: '' },
  ];
  const choices = attributeChoices(defs, cases, (a, b) => a.localeCompare(b), 'organisation');
  assert.deepEqual(
    choices.map((c) => [c.attribute.name, c.values]),
    [
      ['organisation type', ['Victim services', "Women's organisation"]],
      ['serves Aboriginal people', [false, true]],
    ],
  );
});
