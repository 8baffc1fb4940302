import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodedSegment } from '../../../core/model.ts';
import { computeStripes } from './stripes.ts';
import { layoutDocument } from './text-layout.ts';

const text = 'First line of text.\nSecond line here.';
const layout = layoutDocument(text, []);
const coding = (id: string, codeId: string, start: number, end: number, coderId = 'u1'): CodedSegment => ({
  id, codeId, coderId, start, end, segmentId: `s-${id}`, documentId: 'd', createdAt: '', segmentVersion: 1,
  quote: { exact: '', prefix: '', suffix: '' },
});
const order = new Map([['b', 0], ['a', 1]]);

test('a column per code in codebook order, bars as shares of the block', () => {
  const s = computeStripes(layout, [coding('1', 'a', 0, 5), coding('2', 'b', 6, 19), coding('3', 'a', 10, 19)], order);
  assert.deepEqual(s.blocks[0]!.map((c) => c.codeId), ['b', 'a']);
  assert.deepEqual(s.blocks[0]![1]!.bars.map((b) => [b.top, b.height]), [[0, 5 / 19], [10 / 19, 9 / 19]]);
  assert.deepEqual(s.blocks[1], []);
});

test('a coding across blocks gets a bar in each; unchanged blocks keep their arrays', () => {
  const c1 = coding('1', 'a', 0, 5);
  const c2 = coding('2', 'b', 15, 26);
  const first = computeStripes(layout, [c1, c2], order);
  assert.equal(first.blocks[1]![0]!.bars[0]!.top, 0);
  const next = computeStripes(layout, [c1, c2, coding('3', 'a', 22, 30)], order, first);
  assert.notEqual(next.blocks[1], first.blocks[1]);
  assert.equal(next.blocks[0], first.blocks[0]);
});

test('incremental updates equal a fresh computation: moved, removed and added codings', () => {
  const c1 = coding('1', 'a', 0, 5);
  const c2 = coding('2', 'b', 15, 26);
  const c3 = coding('3', 'a', 22, 30);
  const first = computeStripes(layout, [c1, c2, c3], order);
  const moved = { ...c2, start: 2, end: 8 };
  const after = [c1, moved, coding('4', 'b', 21, 25)];
  const incremental = computeStripes(layout, after, order, first);
  assert.deepEqual(incremental.blocks, computeStripes(layout, after, order).blocks);
  assert.deepEqual(computeStripes(layout, [], order, incremental).blocks, [[], []]);
});
