import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flatten } from '../../components/tree.ts';
import { canMove, codeForest, codeOptions, codePath, mergeRefusal, searchForest } from './codebook.ts';

const code = (id: string, parentId: string | null, name: string, position: number, codable = true, definition = '') => ({ id, parentId, name, position, codable, definition });
const codes = [
  code('obs', null, 'Obstacles', 1, false, 'What keeps victims from help'),
  code('def', null, 'Working definitions', 0, false),
  code('fear', 'obs', 'Fear of deportation', 0, true, 'Peur d’être expulsé'),
  code('lang', 'obs', 'Language barriers', 1),
  code('police', 'fear', 'Police involvement', 0),
  code('smug', 'def', 'Confused with smuggling', 0),
];
const compare = (a: string, b: string) => a.localeCompare(b);

test('codeForest orders by position', () => {
  assert.deepEqual(
    flatten(codeForest(codes, compare)).map((n) => n.item.id),
    ['def', 'smug', 'obs', 'fear', 'police', 'lang'],
  );
});

test('searchForest matches name or definition, accent-insensitive, keeping ancestors', () => {
  const forest = codeForest(codes, compare);
  assert.deepEqual(
    flatten(searchForest(forest, 'expulse')).map((n) => n.item.id),
    ['obs', 'fear', 'police'],
  );
  assert.deepEqual(
    flatten(searchForest(forest, 'LANGUAGE')).map((n) => n.item.id),
    ['obs', 'lang'],
  );
  assert.equal(searchForest(forest, '  '), forest);
});

test('codePath names a code by its ancestors', () => {
  assert.equal(codePath(codes, 'police'), 'Obstacles › Fear of deportation › Police involvement');
  assert.equal(codePath(codes, 'def', '/'), 'Working definitions');
});

test('canMove refuses cycles and no-op moves', () => {
  assert.ok(canMove(codes, 'lang', 'def'));
  assert.ok(canMove(codes, 'fear', null));
  assert.ok(!canMove(codes, 'def', null));
  assert.ok(!canMove(codes, 'obs', 'police'));
  assert.ok(!canMove(codes, 'obs', 'obs'));
  assert.ok(!canMove(codes, 'fear', 'obs'));
  assert.ok(!canMove(codes, 'fear', 'missing'));
});

test('mergeRefusal', () => {
  assert.equal(mergeRefusal(codes, 'lang', 'smug'), null);
  assert.equal(mergeRefusal(codes, 'lang', 'lang'), 'same');
  assert.equal(mergeRefusal(codes, 'fear', 'lang'), null, 'sub-codes move with the merge');
  assert.equal(mergeRefusal(codes, 'obs', 'fear'), 'intoDescendant');
  assert.equal(mergeRefusal(codes, 'lang', 'def'), 'notCodable');
});

test('codeOptions lists codes in codebook order, indented by depth, with the parent path and the chosen ones disabled', () => {
  const coloured = codes.map((c) => ({ ...c, color: '#123456' }));
  const options = codeOptions(coloured, compare, (c) => !c.codable);
  assert.deepEqual(
    options.map((o) => [o.id, o.depth, o.detail ?? null, o.disabled]),
    [
      ['def', 0, null, true],
      ['smug', 1, 'Working definitions', false],
      ['obs', 0, null, true],
      ['fear', 1, 'Obstacles', false],
      ['police', 2, 'Obstacles › Fear of deportation', false],
      ['lang', 1, 'Obstacles', false],
    ],
  );
});
