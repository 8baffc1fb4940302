// DOM positions ↔ code points. Each block renders its visible text as one text
// node (see text-layout.ts); a boundary point is resolved to that node, or to
// "before"/"after" a block when it falls on a label, a stripe or a hidden lead.
// The pure part (points → offsets) is unit-tested; the DOM glue is tested in the browser.

import type { CodePointIndex } from '../../../core/text/offsets.ts';
import { blockAtOrAfter, piecesOf, type TextLayout } from './text-layout.ts';

export type BoundaryPoint =
  | { kind: 'text'; block: number; offset: number }
  | { kind: 'before'; block: number }
  | { kind: 'after'; block: number };

/** A position in one block's visible text node (UTF-16 offset in that node). */
export interface TextPoint {
  block: number;
  offset: number;
}

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;

/** Code point of a boundary point; an offset inside a surrogate pair moves to the pair's start. */
export function boundaryToCodePoint(layout: TextLayout, index: CodePointIndex, point: BoundaryPoint): number {
  const block = layout.blocks[point.block];
  if (!block) return layout.length;
  if (point.kind === 'before') return block.start;
  if (point.kind === 'after') return block.end;
  let u16 = block.u16Start + Math.max(0, Math.min(point.offset, block.u16End - block.u16Start));
  if (isLow(index.text.charCodeAt(u16)) && isHigh(index.text.charCodeAt(u16 - 1))) u16--;
  return index.toCodePoint(u16);
}

/**
 * Where code point `cp` is in the text nodes. A position shown in two blocks (the
 * end of one and the start of the next) or hidden in a lead goes to the next
 * block with `affinity` 'start' and to the previous one with 'end'.
 */
export function codePointToTextPoint(layout: TextLayout, index: CodePointIndex, cp: number, affinity: 'start' | 'end'): TextPoint | null {
  const { blocks } = layout;
  if (blocks.length === 0) return null;
  const next = blockAtOrAfter(layout, cp);
  const inNext = next < blocks.length && blocks[next]!.start <= cp;
  const atPrevEnd = next > 0 && blocks[next - 1]!.end === cp;
  let i: number;
  if (inNext && atPrevEnd) i = affinity === 'start' ? next : next - 1;
  else if (inNext) i = next;
  else if (atPrevEnd) i = next - 1;
  else i = (affinity === 'start' && next < blocks.length) || next === 0 ? next : next - 1;
  const b = blocks[i]!;
  const clamped = Math.max(b.start, Math.min(cp, b.end));
  return { block: i, offset: index.toUtf16(clamped) - b.u16Start };
}

/** The visible pieces of a code-point range as (block, UTF-16 start, UTF-16 end) in block text nodes. */
export function rangeToTextPieces(layout: TextLayout, index: CodePointIndex, start: number, end: number, from?: number) {
  return piecesOf(layout, start, end, from).map((p) => {
    const b = layout.blocks[p.block]!;
    return { block: p.block, start: index.toUtf16(p.start) - b.u16Start, end: index.toUtf16(p.end) - b.u16Start };
  });
}

// ——— DOM glue ———

export const BLOCK_ATTR = 'data-block';
export const TEXT_CLASS = 'cw-t';

/** The visible text node of a block element (its `.cw-t` span's only child). */
export function blockTextNode(blockEl: Element): Text | null {
  const child = blockEl.querySelector(`.${TEXT_CLASS}`)?.firstChild;
  return child instanceof Text ? child : null;
}

/** Resolves a DOM boundary point inside the transcript `root` to a block-relative point. */
export function domPointToBoundary(root: Element, node: Node, offset: number): BoundaryPoint | null {
  if (!root.contains(node)) return null;
  const el = node instanceof Element ? node : node.parentElement;
  const blockEl = el?.closest(`[${BLOCK_ATTR}]`);
  if (!blockEl || !root.contains(blockEl)) {
    // Between blocks: the child at `offset` (or the next block after it) follows the point.
    const blocks = root.querySelectorAll(`[${BLOCK_ATTR}]`);
    const probe = document.createRange();
    probe.setStart(node, offset);
    for (const b of blocks) {
      if (probe.comparePoint(b, 0) >= 0) return { kind: 'before', block: Number(b.getAttribute(BLOCK_ATTR)) };
    }
    const last = blocks[blocks.length - 1];
    return last ? { kind: 'after', block: Number(last.getAttribute(BLOCK_ATTR)) } : null;
  }
  const block = Number(blockEl.getAttribute(BLOCK_ATTR));
  const text = blockTextNode(blockEl);
  if (!text) return { kind: 'before', block };
  if (node === text) return { kind: 'text', block, offset };
  const start = document.createRange();
  start.setStart(text, 0);
  return start.comparePoint(node, offset) <= 0 ? { kind: 'before', block } : { kind: 'after', block };
}

/** A DOM range inside the transcript as code points (start ≤ end), or null if outside it. */
export function domRangeToCodePoints(
  root: Element,
  range: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number },
  layout: TextLayout,
  index: CodePointIndex,
): { start: number; end: number } | null {
  const a = domPointToBoundary(root, range.startContainer, range.startOffset);
  const b = domPointToBoundary(root, range.endContainer, range.endOffset);
  if (!a || !b) return null;
  const start = boundaryToCodePoint(layout, index, a);
  const end = boundaryToCodePoint(layout, index, b);
  return start <= end ? { start, end } : { start: end, end: start };
}

/** Static ranges for the visible pieces of [start, end), given each block's text node. */
export function codePointsToStaticRanges(
  layout: TextLayout,
  index: CodePointIndex,
  textNodes: readonly (Text | null)[],
  start: number,
  end: number,
  from?: number,
): StaticRange[] {
  const ranges: StaticRange[] = [];
  for (const p of rangeToTextPieces(layout, index, start, end, from)) {
    const node = textNodes[p.block];
    if (node) ranges.push(new StaticRange({ startContainer: node, startOffset: p.start, endContainer: node, endOffset: p.end }));
  }
  return ranges;
}

/** A live DOM range for a text point (to place a caret or measure a boundary). */
export function textPointRange(textNodes: readonly (Text | null)[], point: TextPoint): Range | null {
  const node = textNodes[point.block];
  if (!node) return null;
  const r = document.createRange();
  r.setStart(node, point.offset);
  return r;
}
