// Coding stripes per block, computed from offsets only (never from layout): one
// column per code present in the block, a bar per coding spanning the share of
// the block's text it covers. Recomputation is incremental: only blocks touched
// by codings that appeared, changed or went away are rebuilt, and the others
// keep their arrays, so memoised rows skip re-rendering.

import type { CodedSegment } from '../../../core/model.ts';
import { blockAtOrAfter, piecesOf, type TextLayout } from './text-layout.ts';

export interface StripeBar {
  codingId: string;
  coderId: string;
  /** Share of the block's text before the bar and covered by it, 0..1. */
  top: number;
  height: number;
}

export interface StripeColumn {
  codeId: string;
  bars: StripeBar[];
}

export interface Stripes {
  blocks: StripeColumn[][];
  /** What the blocks were computed from, for the next incremental update. */
  basis: {
    layout: TextLayout;
    order: ReadonlyMap<string, number>;
    codings: Map<string, { coding: CodedSegment; blocks: number[] }>;
    perBlock: Map<number, Set<string>>;
  };
}

const NONE: StripeColumn[] = [];

/** Stripes for every block; `order` ranks codes (codebook order) so columns line up across blocks. */
export function computeStripes(
  layout: TextLayout,
  codings: readonly CodedSegment[],
  order: ReadonlyMap<string, number>,
  previous: Stripes | null = null,
): Stripes {
  const reuse = previous && previous.basis.layout === layout && previous.basis.order === order ? previous : null;
  const known = reuse ? new Map(reuse.basis.codings) : new Map<string, { coding: CodedSegment; blocks: number[] }>();
  const perBlock = reuse ? new Map([...reuse.basis.perBlock].map(([b, ids]) => [b, new Set(ids)])) : new Map<number, Set<string>>();
  const dirty = new Set<number>();
  const place = (c: CodedSegment) => {
    const blocks = piecesOf(layout, c.start, c.end, blockAtOrAfter(layout, c.start)).map((p) => p.block);
    known.set(c.id, { coding: c, blocks });
    for (const b of blocks) {
      let ids = perBlock.get(b);
      if (!ids) perBlock.set(b, (ids = new Set()));
      ids.add(c.id);
      dirty.add(b);
    }
  };
  const unplace = (id: string) => {
    for (const b of known.get(id)?.blocks ?? []) {
      perBlock.get(b)?.delete(id);
      dirty.add(b);
    }
    known.delete(id);
  };

  const present = new Set<string>();
  for (const c of codings) {
    present.add(c.id);
    const k = known.get(c.id);
    if (k?.coding === c) continue;
    if (k) unplace(c.id);
    place(c);
  }
  for (const id of [...known.keys()]) if (!present.has(id)) unplace(id);

  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const blocks = reuse ? reuse.blocks.slice() : layout.blocks.map(() => NONE);
  for (const i of dirty) {
    const b = layout.blocks[i]!;
    const len = Math.max(1, b.end - b.start);
    const columns = new Map<string, StripeBar[]>();
    const ids = [...(perBlock.get(i) ?? [])].map((id) => known.get(id)!.coding).sort((x, y) => x.start - y.start || x.end - y.end);
    for (const c of ids) {
      const s = Math.max(c.start, b.start);
      const e = Math.min(c.end, b.end);
      const bars = columns.get(c.codeId) ?? [];
      bars.push({ codingId: c.id, coderId: c.coderId, top: (s - b.start) / len, height: (e - s) / len });
      columns.set(c.codeId, bars);
    }
    blocks[i] = columns.size
      ? [...columns].sort((x, y) => rank(x[0]) - rank(y[0]) || x[0].localeCompare(y[0])).map(([codeId, bars]) => ({ codeId, bars }))
      : NONE;
  }
  return { blocks, basis: { layout, order, codings: known, perBlock } };
}
