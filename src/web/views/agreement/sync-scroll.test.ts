import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorAt, followScroll, scrollTopFor, type BlockBox } from './sync-scroll.ts';

// Blocks of 100px with 10px gaps, starting after 8px of padding.
const a: BlockBox[] = [0, 1, 2, 3].map((i) => ({ top: 8 + i * 110, height: 100 }));
// The same blocks, wrapped taller.
const b: BlockBox[] = [0, 1, 2, 3].map((i) => ({ top: 8 + i * 220, height: 210 }));

test('anchorAt finds the block at the top and how far into its slot', () => {
  assert.deepEqual(anchorAt(a, 8), { block: 0, fraction: 0 });
  assert.deepEqual(anchorAt(a, 63), { block: 0, fraction: 0.5 });
  assert.deepEqual(anchorAt(a, 118), { block: 1, fraction: 0 });
  assert.deepEqual(anchorAt(a, 338), { block: 3, fraction: 0 });
  assert.deepEqual(anchorAt(a, 388), { block: 3, fraction: 0.5 });
  assert.equal(anchorAt([], 10), null);
});

test('before the first block the fraction is negative, so padding carries over', () => {
  assert.deepEqual(anchorAt(a, 4), { block: 0, fraction: -4 / 110 });
});

test('scrollTopFor maps an anchor into other block heights, within bounds', () => {
  assert.equal(scrollTopFor(b, { block: 1, fraction: 0.5 }, 10_000), 8 + 220 + 110);
  assert.equal(scrollTopFor(b, { block: 3, fraction: 0.5 }, 500), 500);
  assert.equal(scrollTopFor(b, { block: 9, fraction: 0 }, 10_000), 8 + 3 * 220);
  assert.equal(scrollTopFor([], { block: 1, fraction: 0.5 }, 100), 0);
});

test('followScroll keeps the same text at the top, and the ends at the ends', () => {
  assert.equal(followScroll({ blocks: a, scrollTop: 63, maxScroll: 300 }, { blocks: b, maxScroll: 800 }), 8 + 110);
  assert.equal(followScroll({ blocks: a, scrollTop: 0, maxScroll: 300 }, { blocks: b, maxScroll: 800 }), 0);
  assert.equal(followScroll({ blocks: a, scrollTop: 300, maxScroll: 300 }, { blocks: b, maxScroll: 800 }), 800);
  // Identical columns follow exactly.
  for (const top of [1, 50, 117, 229]) {
    assert.ok(Math.abs(followScroll({ blocks: a, scrollTop: top, maxScroll: 300 }, { blocks: a, maxScroll: 300 }) - top) < 1e-9);
  }
});
