import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Code } from '../../../core/model.ts';
import { codeEntries, searchCodes } from './code-search.ts';

const code = (id: string, name: string, parentId: string | null = null, codable = true, position = 0): Code => ({
  id, name, parentId, codable, position, color: '#336699', definition: '', inclusion: '', exclusion: '', example: '', version: 1,
});
const codes = [
  code('o', 'Obstacles', null, false, 1),
  code('o1', 'Fear of deportation', 'o', true, 0),
  code('o2', 'Lack of information', 'o', true, 1),
  code('r', 'Réponses', null, false, 2),
  code('r1', 'Hébergement', 'r', true, 0),
  code('r2', 'Police', 'r', true, 1),
  code('d', 'Deportation orders', null, true, 0),
];
const entries = codeEntries(codes);
const names = (q: string, recent: string[] = []) => searchCodes(entries, q, recent).map((e) => e.code.name);

test('entries come in tree order with paths', () => {
  assert.deepEqual(entries.map((e) => e.path), [
    'Deportation orders', 'Obstacles', 'Obstacles / Fear of deportation', 'Obstacles / Lack of information',
    'Réponses', 'Réponses / Hébergement', 'Réponses / Police',
  ]);
  assert.deepEqual(entries.map((e) => e.depth), [0, 0, 1, 1, 0, 1, 1]);
});

test('search ignores accents and case and never offers categories', () => {
  assert.deepEqual(names('hebergement'), ['Hébergement']);
  assert.deepEqual(names('HÉBERG'), ['Hébergement']);
  assert.deepEqual(names('obstacles'), ['Fear of deportation', 'Lack of information']);
  assert.deepEqual(names('reponses pol'), ['Police']);
});

test('name prefix ranks above a word inside the name, and both above path-only matches', () => {
  assert.deepEqual(names('deport'), ['Deportation orders', 'Fear of deportation']);
  assert.deepEqual(names('info'), ['Lack of information']);
});

test('recent codes come first for an empty query and among equal matches', () => {
  assert.deepEqual(names('', ['r2']).slice(0, 2), ['Police', 'Deportation orders']);
  assert.deepEqual(names('o', ['o2']).slice(0, 1), ['Lack of information']);
});

test('regex characters in the query are literal', () => {
  assert.deepEqual(names('('), []);
});
