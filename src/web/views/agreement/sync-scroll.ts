// Keeping side-by-side columns of the same text at the same place: the position
// is carried as "this far into that block", so columns whose blocks have
// different heights (wrapping, fonts) still line up.

export interface BlockBox {
  /** Top of the block in the scrolled content, px. */
  top: number;
  height: number;
}

export interface Anchor {
  block: number;
  /** How far into the block's slot (its top to the next block's top): 0 at its top, 1 at the next. */
  fraction: number;
}

/** Height of a block's slot: up to the next block's top, so the gaps between blocks count too. */
const slot = (blocks: readonly BlockBox[], i: number) => {
  const next = blocks[i + 1];
  return Math.max(1, next ? next.top - blocks[i]!.top : blocks[i]!.height);
};

/** The block at `scrollTop` and how far into it; null without blocks. */
export function anchorAt(blocks: readonly BlockBox[], scrollTop: number): Anchor | null {
  if (blocks.length === 0) return null;
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (blocks[mid]!.top <= scrollTop) lo = mid;
    else hi = mid - 1;
  }
  return { block: lo, fraction: (scrollTop - blocks[lo]!.top) / slot(blocks, lo) };
}

/** The scrollTop that puts `anchor` at the top, within 0..maxScroll. */
export function scrollTopFor(blocks: readonly BlockBox[], anchor: Anchor, maxScroll: number): number {
  const b = blocks[Math.min(anchor.block, blocks.length - 1)];
  if (!b) return 0;
  return Math.min(maxScroll, Math.max(0, b.top + anchor.fraction * slot(blocks, Math.min(anchor.block, blocks.length - 1))));
}

export interface ScrollState {
  blocks: readonly BlockBox[];
  scrollTop: number;
  /** scrollHeight − clientHeight. */
  maxScroll: number;
}

/** Where another column should scroll to follow `source`; the ends stay the ends. */
export function followScroll(source: ScrollState, target: Omit<ScrollState, 'scrollTop'>): number {
  if (source.scrollTop <= 0) return 0;
  if (source.maxScroll > 0 && source.scrollTop >= source.maxScroll - 1) return target.maxScroll;
  const anchor = anchorAt(source.blocks, source.scrollTop);
  return anchor ? scrollTopFor(target.blocks, anchor, target.maxScroll) : Math.min(source.scrollTop, target.maxScroll);
}
