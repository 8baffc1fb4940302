import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Memo, MemoTarget } from '../../../core/model.ts';
import { ALL_MEMOS, countByKind, filterMemos, groupMemos } from './memos.ts';

const memo = (id: string, target: MemoTarget, authorId: string, text: string, updatedAt: string): Memo => ({
  id,
  target,
  authorId,
  title: '',
  text,
  createdAt: updatedAt,
  updatedAt,
  version: 1,
});
const memos = [
  memo('1', { kind: 'code', id: 'c1' }, 'A', 'Fear of deportation overlaps with police', '2005-03-01T00:00:00Z'),
  memo('2', { kind: 'project' }, 'L', 'Sampling across six organisation types', '2005-01-01T00:00:00Z'),
  memo('3', { kind: 'code', id: 'c2' }, 'B', 'Définition à revoir', '2005-04-01T00:00:00Z'),
  memo('4', { kind: 'segment', id: 's1' }, 'A', 'Striking passage', '2005-02-01T00:00:00Z'),
];

test('groupMemos orders groups by kind and memos newest first', () => {
  assert.deepEqual(
    groupMemos(memos).map((g) => [g.kind, g.memos.map((m) => m.id)]),
    [
      ['project', ['2']],
      ['code', ['3', '1']],
      ['segment', ['4']],
    ],
  );
});

test('filterMemos by kind, author and accent-insensitive text', () => {
  const ids = (f: Partial<typeof ALL_MEMOS>) => filterMemos(memos, { ...ALL_MEMOS, ...f }).map((m) => m.id);
  assert.deepEqual(ids({}), ['1', '2', '3', '4']);
  assert.deepEqual(ids({ kind: 'code' }), ['1', '3']);
  assert.deepEqual(ids({ authorId: 'A' }), ['1', '4']);
  assert.deepEqual(ids({ text: 'definition' }), ['3']);
});

test('countByKind', () => {
  assert.deepEqual(countByKind(memos), { project: 1, document: 0, case: 0, code: 2, segment: 1 });
});
