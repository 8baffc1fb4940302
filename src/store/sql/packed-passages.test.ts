import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unpackPassages } from './packed-passages.ts';

const columns = (d: ReturnType<typeof unpackPassages>) => ({ starts: [...d.starts], ends: [...d.ends], codes: [...d.codes] });

test('packed passages unpack into columns, codes numbered as first met across documents', () => {
  const codeIds: string[] = [];
  const index = new Map<string, number>();
  const first = unpackPassages('d1', '0,5,k-a;3,12,k-b;1024,70000,k-a', codeIds, index);
  assert.deepEqual(columns(first), { starts: [0, 3, 1024], ends: [5, 12, 70000], codes: [0, 1, 0] });
  const second = unpackPassages('d2', '7,9,k-c', codeIds, index);
  assert.deepEqual(columns(second), { starts: [7], ends: [9], codes: [2] });
  assert.deepEqual(codeIds, ['k-a', 'k-b', 'k-c']);
  assert.equal(second.documentId, 'd2');
});

test('passages the database gave out of order come back in order of start', () => {
  const codeIds: string[] = [];
  const out = unpackPassages('d1', '40,50,x;0,10,y;12,20,x;0,3,z', codeIds, new Map());
  assert.deepEqual(columns(out).starts, [0, 0, 12, 40]);
  // Each passage keeps its own end and code.
  const triples = [...out.starts].map((s, i) => `${s}-${out.ends[i]}:${codeIds[out.codes[i]!]}`).sort();
  assert.deepEqual(triples, ['0-10:y', '0-3:z', '12-20:x', '40-50:x']);
});
