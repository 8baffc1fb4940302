import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contains, difference, forEachSortedSelfPair, gap, intersect, intersection, normalize, overlappingPairs, overlaps, pairsWithin, type Range, union } from '../text/ranges.ts';
import { sameUnitPairs, unitSpans } from './units.ts';
import { CodePointIndex } from '../text/offsets.ts';
import { paragraphRanges } from '../text/sentences.ts';
import { parseQuery } from './query-syntax.ts';

const r = (start: number, end: number) => ({ start, end });
const sorted = (pairs: [number, number][]) => pairs.map((p) => p.join(':')).sort();

test('touching ranges do not overlap; nested and crossing ones do', () => {
  assert.equal(overlaps(r(0, 5), r(5, 9)), false);
  assert.equal(overlaps(r(5, 9), r(0, 5)), false);
  assert.equal(overlaps(r(0, 10), r(3, 4)), true);
  assert.equal(overlaps(r(0, 5), r(4, 9)), true);
  assert.equal(overlaps(r(0, 5), r(0, 5)), true);
  assert.equal(intersect(r(0, 5), r(5, 9)), null);
  assert.deepEqual(intersect(r(0, 10), r(3, 4)), r(3, 4));
  assert.equal(contains(r(0, 10), r(3, 4)), true);
  assert.equal(contains(r(0, 10), r(3, 11)), false);
  assert.equal(gap(r(0, 5), r(5, 9)), 0);
  assert.equal(gap(r(0, 5), r(8, 9)), 3);
  assert.equal(gap(r(8, 9), r(0, 5)), 3);
});

test('range sets: union, intersection and difference of code points', () => {
  assert.deepEqual(normalize([r(5, 9), r(0, 5), r(20, 22), r(21, 30), r(3, 3)]), [r(0, 9), r(20, 30)]);
  assert.deepEqual(union([r(0, 2)], [r(1, 4), r(6, 7)]), [r(0, 4), r(6, 7)]);
  assert.deepEqual(intersection([r(0, 10), r(20, 30)], [r(5, 25)]), [r(5, 10), r(20, 25)]);
  assert.deepEqual(intersection([r(0, 5)], [r(5, 9)]), []);
  assert.deepEqual(difference([r(0, 10)], [r(2, 3), r(5, 7)]), [r(0, 2), r(3, 5), r(7, 10)]);
  assert.deepEqual(difference([r(0, 10), r(12, 15)], [r(8, 13)]), [r(0, 8), r(13, 15)]);
  assert.deepEqual(difference([r(0, 5)], [r(5, 9)]), [r(0, 5)]);
  assert.deepEqual(difference([r(2, 4)], [r(0, 10)]), []);
});

test('the sweep finds exactly the overlapping pairs a nested loop would', () => {
  const a = [r(0, 5), r(10, 20), r(12, 13), r(30, 31)];
  const b = [r(5, 9), r(4, 11), r(0, 40), r(13, 14)];
  const expected: [number, number][] = [];
  a.forEach((x, i) => b.forEach((y, j) => overlaps(x, y) && expected.push([i, j])));
  assert.deepEqual(sorted(overlappingPairs(a, b)), sorted(expected));
  // Random lists agree with the nested loop too.
  let seed = 7;
  const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  const make = () => Array.from({ length: 60 }, () => { const s = rand(200); return r(s, s + 1 + rand(15)); });
  const x = make();
  const y = make();
  const brute: [number, number][] = [];
  x.forEach((p, i) => y.forEach((q, j) => overlaps(p, q) && brute.push([i, j])));
  assert.deepEqual(sorted(overlappingPairs(x, y)), sorted(brute));
  const near: [number, number][] = [];
  x.forEach((p, i) => y.forEach((q, j) => gap(p, q) <= 4 && near.push([i, j])));
  assert.deepEqual(sorted(pairsWithin(x, y, 4)), sorted(near));
});

test('within N code points counts the gap between ranges; touching is within 0', () => {
  assert.deepEqual(pairsWithin([r(0, 5)], [r(5, 9)], 0), [[0, 0]]);
  assert.deepEqual(pairsWithin([r(0, 5)], [r(8, 9)], 2), []);
  assert.deepEqual(pairsWithin([r(0, 5)], [r(8, 9)], 3), [[0, 0]]);
});

test('paragraphs in code points; passages share a unit when they reach into it', () => {
  const text = 'Q: 👩 là?\nA: oui.\nA: encore';
  assert.deepEqual(paragraphRanges(new CodePointIndex(text)), [r(0, 8), r(9, 16), r(17, 26)]);
  const units = [r(0, 8), r(10, 17), r(18, 27)];
  assert.deepEqual(unitSpans(units, [r(3, 12), r(8, 10), r(20, 21)]), [r(0, 2), null, r(2, 3)]);
  assert.deepEqual(sorted(sameUnitPairs(units, [r(0, 2), r(11, 12)], [r(5, 6), r(8, 10), r(19, 20)])), ['0:0']);
});

test('the query syntax: quoted and bare codes, AND NOT, NEAR/N, NEAR/TURN, INSIDE, OR binding loosest', () => {
  assert.deepEqual(parseQuery('"Obstacles/Fear of deportation" AND NOT "Needs/Safe housing"'), {
    op: 'not', left: { code: 'Obstacles/Fear of deportation' }, right: { code: 'Needs/Safe housing' },
  });
  assert.deepEqual(parseQuery('A near/50 B'), { op: 'near', near: { within: 50 }, left: { code: 'A' }, right: { code: 'B' } });
  assert.deepEqual(parseQuery('A NEAR/turn B'), { op: 'near', near: { unit: 'turn' }, left: { code: 'A' }, right: { code: 'B' } });
  assert.deepEqual(parseQuery('A NEAR B'), { op: 'near', near: { within: 50 }, left: { code: 'A' }, right: { code: 'B' } });
  assert.deepEqual(parseQuery('A OR B AND C'), { op: 'or', left: { code: 'A' }, right: { op: 'and', left: { code: 'B' }, right: { code: 'C' } } });
  assert.deepEqual(parseQuery('(A OR B) INSIDE "C \\"x\\""'), { op: 'inside', left: { op: 'or', left: { code: 'A' }, right: { code: 'B' } }, right: { code: 'C "x"' } });
  for (const bad of ['', 'A AND', '(A OR B', 'A B', 'A AND )', '"open']) assert.throws(() => parseQuery(bad), /query|quoted|expected/, bad);
});

test('pairs within one list, overlapping or within N, match a nested loop', () => {
  const selfPairs = (list: Range[], within?: number) => {
    const pairs: [number, number][] = [];
    forEachSortedSelfPair(list.map((x) => x.start), list.map((x) => x.end), within, (i, j) => pairs.push([i, j]));
    return pairs;
  };
  let seed = 11;
  const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  const list = Array.from({ length: 80 }, () => { const s = rand(300); return r(s, s + 1 + rand(20)); }).sort((a, b) => a.start - b.start);
  for (const within of [undefined, 0, 3]) {
    const brute: [number, number][] = [];
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      if (within === undefined ? overlaps(list[i]!, list[j]!) : gap(list[i]!, list[j]!) <= within) brute.push([i, j]);
    }
    assert.deepEqual(sorted(selfPairs(list, within)), sorted(brute), String(within));
  }
  assert.deepEqual(selfPairs([r(0, 5), r(5, 9)]), []);
  assert.deepEqual(selfPairs([r(0, 5), r(5, 9)], 0), [[0, 1]]);
});
