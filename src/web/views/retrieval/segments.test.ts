import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RetrievedSegment } from '../../../core/read-models.ts';
import { passages, reach, readingOrder } from './segments.ts';

const seg = (id: string, segmentId: string, doc: string, site: string | null, start: number, coderId: string, caseId: string | null): RetrievedSegment => ({
  coding: {
    id,
    segmentId,
    codeId: 'c',
    coderId,
    createdAt: '',
    documentId: doc,
    start,
    end: start + 5,
    quote: { exact: 'x', prefix: '', suffix: '' },
    segmentVersion: 1,
  },
  document: { id: doc, name: `${doc} interview` },
  case: caseId ? { id: caseId, name: caseId } : null,
  site: site ? { id: site, name: site } : null,
  before: '',
  after: '',
});

const list = [
  seg('1', 's1', 'WPG-02', 'Winnipeg', 50, 'B', 'p2'),
  seg('2', 's2', 'MTL-02', 'Montreal', 90, 'A', 'p1'),
  seg('3', 's3', 'MTL-02', 'Montreal', 10, 'A', 'p1'),
  seg('4', 's3', 'MTL-02', 'Montreal', 10, 'B', 'p1'),
  seg('5', 's5', 'loose', null, 0, 'A', null),
];

test('readingOrder sorts by site, document, position, coder; no site last', () => {
  assert.deepEqual(
    readingOrder(list, (a, b) => a.localeCompare(b)).map((s) => s.coding.id),
    ['3', '4', '2', '1', '5'],
  );
});

test('reach counts distinct segments, documents and cases', () => {
  assert.deepEqual(reach(list), { codings: 5, segments: 4, documents: 3, cases: 2 });
});

test('passages merge the codings of one segment', () => {
  const ordered = readingOrder(list, (a, b) => a.localeCompare(b));
  const out = passages(ordered);
  assert.deepEqual(
    out.map((p) => [p.first.coding.segmentId, p.coderIds]),
    [
      ['s3', ['A', 'B']],
      ['s2', ['A']],
      ['s1', ['B']],
      ['s5', ['A']],
    ],
  );
});
