import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Disagreement } from '../../../analysis/agreement.ts';
import type { CodedSegment } from '../../../core/model.ts';
import { countBy, disagreementKey, filterDisagreements, focusSpans, groupByCode, step } from './disagreements.ts';

const d = (documentId: string, codeId: string, start: number, end: number, codedBy = ['a']): Disagreement => ({
  documentId,
  document: documentId.toUpperCase(),
  start,
  end,
  codeId,
  code: `Path/${codeId}`,
  codedBy,
  notCodedBy: codedBy.includes('a') ? ['b'] : ['a'],
});

// In report order: document, then position.
const list = [d('d1', 'fear', 10, 20), d('d1', 'trust', 15, 30, ['b']), d('d1', 'fear', 40, 50, ['b']), d('d2', 'fear', 0, 5), d('d2', 'écoute', 7, 9)];
const compare = (x: string, y: string) => x.localeCompare(y, 'fr', { sensitivity: 'base' });

test('filterDisagreements by document, code, both or neither', () => {
  assert.equal(filterDisagreements(list, null, null).length, 5);
  assert.equal(filterDisagreements(list, 'd1', null).length, 3);
  assert.equal(filterDisagreements(list, null, 'fear').length, 3);
  assert.deepEqual(filterDisagreements(list, 'd2', 'fear').map(disagreementKey), ['d2:fear:0:5']);
});

test('groupByCode orders codes by label with the given collation and keeps report order inside', () => {
  const groups = groupByCode(list, (x) => x.codeId, compare);
  assert.deepEqual(
    groups.map((g) => [g.codeId, g.items.map((i) => `${i.documentId}@${i.start}`)]),
    [
      ['écoute', ['d2@7']],
      ['fear', ['d1@10', 'd1@40', 'd2@0']],
      ['trust', ['d1@15']],
    ],
  );
});

test('countBy counts per code and per document', () => {
  assert.deepEqual([...countBy(list, (x) => x.codeId)], [['fear', 3], ['trust', 1], ['écoute', 1]]);
  assert.deepEqual([...countBy(list, (x) => x.documentId)], [['d1', 3], ['d2', 2]]);
});

test('step walks the list as shown, starting at either end, and stops at the ends', () => {
  const groups = groupByCode(list, (x) => x.codeId, compare);
  assert.equal(step(groups, null, 1) && disagreementKey(step(groups, null, 1)!), 'd2:écoute:7:9');
  assert.equal(step(groups, null, -1) && disagreementKey(step(groups, null, -1)!), 'd1:trust:15:30');
  assert.equal(disagreementKey(step(groups, 'd2:écoute:7:9', 1)!), 'd1:fear:10:20');
  assert.equal(disagreementKey(step(groups, 'd2:fear:0:5', 1)!), 'd1:trust:15:30');
  assert.equal(step(groups, 'd1:trust:15:30', 1), null);
  assert.equal(step(groups, 'd2:écoute:7:9', -1), null);
  assert.equal(disagreementKey(step(groups, 'gone', 1)!), 'd2:écoute:7:9');
});

const coding = (coderId: string, codeId: string, start: number, end: number, documentId = 'd1'): CodedSegment => ({
  id: `${coderId}${codeId}${start}`,
  segmentId: 's',
  codeId,
  coderId,
  createdAt: '',
  documentId,
  start,
  end,
  quote: { exact: '', prefix: '', suffix: '' },
  segmentVersion: 1,
});

test('focusSpans: the range itself, or at document level the codings of the coders who applied the code', () => {
  const whole = d('d1', 'fear', 0, 900, ['a']);
  const codings = [coding('a', 'fear', 300, 320), coding('a', 'fear', 100, 150), coding('b', 'fear', 500, 510), coding('a', 'trust', 0, 10), coding('a', 'fear', 1, 2, 'd2')];
  assert.deepEqual(focusSpans(d('d1', 'fear', 10, 20), 'character', codings), [{ start: 10, end: 20 }]);
  assert.deepEqual(focusSpans(whole, 'document', codings), [
    { start: 100, end: 150 },
    { start: 300, end: 320 },
  ]);
  assert.deepEqual(focusSpans(whole, 'document', []), [{ start: 0, end: 900 }]);
});
