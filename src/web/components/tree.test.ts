import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ancestorIds, buildForest, descendantIds, filterForest, flatten } from './tree.ts';

const items = [
  { id: 'b', parentId: null, name: 'Obstacles', pos: 1 },
  { id: 'a', parentId: null, name: 'Definitions', pos: 0 },
  { id: 'b2', parentId: 'b', name: 'Language', pos: 1 },
  { id: 'b1', parentId: 'b', name: 'Fear of deportation', pos: 0 },
  { id: 'b1x', parentId: 'b1', name: 'Police', pos: 0 },
  { id: 'orphan', parentId: 'gone', name: 'Orphan', pos: 9 },
];

test('buildForest nests children and sorts siblings', () => {
  const forest = buildForest(items, (x, y) => x.pos - y.pos);
  assert.deepEqual(
    forest.map((n) => n.item.id),
    ['a', 'b', 'orphan'],
  );
  assert.deepEqual(
    forest[1]!.children.map((n) => n.item.id),
    ['b1', 'b2'],
  );
  assert.deepEqual(
    flatten(forest).map((n) => n.item.id),
    ['a', 'b', 'b1', 'b1x', 'b2', 'orphan'],
  );
});

test('filterForest keeps ancestors of matches and the subtree of a match', () => {
  const forest = buildForest(items, (x, y) => x.pos - y.pos);
  const police = filterForest(forest, (i) => i.name === 'Police');
  assert.deepEqual(
    flatten(police).map((n) => n.item.id),
    ['b', 'b1', 'b1x'],
  );
  const fear = filterForest(forest, (i) => i.name.startsWith('Fear'));
  assert.deepEqual(
    flatten(fear).map((n) => n.item.id),
    ['b', 'b1', 'b1x'],
  );
  assert.deepEqual(filterForest(forest, () => false), []);
});

test('descendantIds and ancestorIds', () => {
  assert.deepEqual([...descendantIds(items, 'b')].sort(), ['b1', 'b1x', 'b2']);
  assert.deepEqual([...descendantIds(items, 'a')], []);
  assert.deepEqual(ancestorIds(items, 'b1x'), ['b', 'b1']);
  assert.deepEqual(ancestorIds(items, 'a'), []);
});
