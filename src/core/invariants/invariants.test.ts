import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertParentAllowed, assertUniqueSiblingName, findInTree, pathOf, pathsOf, subtreeOf, wouldCreateCycle } from './tree.ts';
import { checkAttributeValue, parseAttributeValue } from './attributes.ts';
import { assertCodable, checkColor, checkSegmentRange } from './segments.ts';
import { integrityProblems } from './integrity.ts';

const tree = [
  { id: 'needs', parentId: null, name: 'Needs' },
  { id: 'housing', parentId: 'needs', name: 'Safe housing' },
  { id: 'shelter', parentId: 'housing', name: 'Emergency shelter' },
  { id: 'obstacles', parentId: null, name: 'Obstacles' },
  { id: 'o-housing', parentId: 'obstacles', name: 'Safe housing' },
];

test('a subtree is the node and everything under it, whatever order the nodes come in', () => {
  assert.deepEqual([...subtreeOf(tree, 'needs')].sort(), ['housing', 'needs', 'shelter']);
  assert.deepEqual([...subtreeOf([...tree].reverse(), 'needs')].sort(), ['housing', 'needs', 'shelter']);
  assert.deepEqual([...subtreeOf(tree, 'shelter')], ['shelter']);
});

test('moving a node under itself or a descendant is a cycle', () => {
  assert.equal(wouldCreateCycle(tree, 'needs', 'shelter'), true);
  assert.equal(wouldCreateCycle(tree, 'housing', 'housing'), true);
  assert.equal(wouldCreateCycle(tree, 'housing', 'obstacles'), false);
  assert.equal(wouldCreateCycle(tree, 'housing', null), false);
  assert.throws(() => assertParentAllowed(tree, 'needs', 'shelter', 'code'), /would create a cycle/);
  assert.throws(() => assertParentAllowed(tree, 'needs', 'nope', 'code'), /does not exist/);
  assert.doesNotThrow(() => assertParentAllowed(tree, 'shelter', 'obstacles', 'code'));
});

test('sibling names are unique, ignoring case; the same name elsewhere is fine', () => {
  assert.throws(() => assertUniqueSiblingName(tree, 'needs', 'safe HOUSING', 'code'), /already exists/);
  assert.doesNotThrow(() => assertUniqueSiblingName(tree, null, 'Safe housing', 'code'));
  assert.doesNotThrow(() => assertUniqueSiblingName(tree, 'needs', 'Safe housing', 'code', 'housing'));
  assert.throws(() => assertUniqueSiblingName(tree, null, '  ', 'code'), /needs a name/);
});

test('nodes are found by id, path, path suffix or unique name', () => {
  assert.deepEqual(pathOf(tree, 'shelter'), ['Needs', 'Safe housing', 'Emergency shelter']);
  const paths = pathsOf(tree);
  assert.equal(paths.size, tree.length);
  for (const n of tree) assert.deepEqual(paths.get(n.id), pathOf(tree, n.id));
  assert.equal(findInTree(tree, 'shelter', 'code')?.id, 'shelter');
  assert.equal(findInTree(tree, 'Needs/Safe housing', 'code')?.id, 'housing');
  assert.equal(findInTree(tree, 'emergency shelter', 'code')?.id, 'shelter');
  assert.equal(findInTree(tree, 'Missing', 'code'), undefined);
  assert.throws(() => findInTree(tree, 'Safe housing', 'code'), /ambiguous: Needs\/Safe housing, Obstacles\/Safe housing/);
});

test('attribute values must match their declared type', () => {
  assert.equal(checkAttributeValue('integer', 12), 12);
  assert.throws(() => checkAttributeValue('integer', 1.5, 'years'), /years is of type integer/);
  assert.throws(() => checkAttributeValue('integer', '12'), /whole number/);
  assert.equal(checkAttributeValue('float', 1.5), 1.5);
  assert.throws(() => checkAttributeValue('float', Number.NaN), /a number/);
  assert.throws(() => checkAttributeValue('boolean', 'yes'), /true or false/);
  assert.throws(() => checkAttributeValue('text', 3), /expected text/);
  assert.equal(checkAttributeValue('date', '2005-02-28'), '2005-02-28');
  assert.throws(() => checkAttributeValue('date', '2005-02-30'), /YYYY-MM-DD/);
  assert.throws(() => checkAttributeValue('date', '28/02/2005'), /YYYY-MM-DD/);
  assert.equal(checkAttributeValue('datetime', '2005-01-18T14:30:00Z'), '2005-01-18T14:30:00Z');
  assert.equal(checkAttributeValue('datetime', '2005-01-18T14:30-05:00'), '2005-01-18T14:30-05:00');
  assert.throws(() => checkAttributeValue('datetime', '2005-01-18 25:00'), /date-time/);
});

test('typed-in attribute values are parsed to their type', () => {
  assert.equal(parseAttributeValue('integer', ' 12 '), 12);
  assert.throws(() => parseAttributeValue('integer', '12.5'), /whole number/);
  assert.equal(parseAttributeValue('float', '0.25'), 0.25);
  assert.throws(() => parseAttributeValue('float', 'abc'), /a number/);
  assert.equal(parseAttributeValue('boolean', 'Oui'), true);
  assert.equal(parseAttributeValue('boolean', 'no'), false);
  assert.throws(() => parseAttributeValue('boolean', 'maybe'), /true or false/);
  assert.equal(parseAttributeValue('text', ' as typed '), ' as typed ');
  assert.equal(parseAttributeValue('date', '2005-05-31'), '2005-05-31');
});

test('segment ranges must lie inside the text and cover something', () => {
  assert.doesNotThrow(() => checkSegmentRange(0, 10, 10));
  assert.throws(() => checkSegmentRange(5, 11, 10, 'VAN-01'), /outside VAN-01 \(0\.\.10 code points\)/);
  assert.throws(() => checkSegmentRange(-1, 3, 10), /outside/);
  assert.throws(() => checkSegmentRange(4, 4, 10), /empty/);
  assert.throws(() => checkSegmentRange(1.5, 4, 10), /whole numbers/);
  assert.throws(() => assertCodable({ name: 'Needs', codable: false }), /is a category/);
  assert.equal(checkColor('#A1B2C3'), '#a1b2c3');
  assert.throws(() => checkColor('red'), /#rrggbb/);
});

test('orphan codings and stray segments are reported', () => {
  const problems = integrityProblems({
    documents: [{ id: 'd1', length: 100 }],
    codes: [{ id: 'c1', codable: true }, { id: 'cat', codable: false }],
    users: [{ id: 'u1' }],
    segments: [
      { id: 's1', documentId: 'd1', start: 0, end: 10 },
      { id: 's2', documentId: 'd9', start: 0, end: 10 },
      { id: 's3', documentId: 'd1', start: 90, end: 101 },
    ],
    codings: [
      { id: 'k1', segmentId: 's1', codeId: 'c1', coderId: 'u1' },
      { id: 'k2', segmentId: 's9', codeId: 'c9', coderId: 'u9' },
      { id: 'k3', segmentId: 's1', codeId: 'cat', coderId: 'u1' },
    ],
  });
  assert.deepEqual(problems, [
    'segment s2 belongs to missing document d9',
    'segment s3 (90..101) is outside document d1 (0..100)',
    'coding k2 refers to missing segment s9',
    'coding k2 refers to missing code c9',
    'coding k2 refers to missing coder u9',
    'coding k3 applies category cat, which is not codable',
  ]);
});
