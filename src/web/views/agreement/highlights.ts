// Coder columns painted with the CSS Custom Highlight API: the text is rendered
// once and never split into marks; highlights are named layers of ranges.

import type { CodePointIndex } from '../../../core/text/offsets.ts';
import { piecesOf, type TextLayout } from '../coding/text-layout.ts';

export const supportsHighlights = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS;

/** Ranges over [start, end) code points in one column, whose block texts are `nodes` (one per block). */
export function rangesIn(layout: TextLayout, index: CodePointIndex, nodes: readonly (Text | null)[], start: number, end: number): StaticRange[] {
  return piecesOf(layout, start, end).flatMap((p) => {
    const node = nodes[p.block];
    const block = layout.blocks[p.block]!;
    if (!node) return [];
    return [
      new StaticRange({
        startContainer: node,
        startOffset: index.toUtf16(p.start) - block.u16Start,
        endContainer: node,
        endOffset: index.toUtf16(p.end) - block.u16Start,
      }),
    ];
  });
}

/** Named highlight layers and the style rules that colour them; all gone on dispose. */
export class HighlightLayers {
  private readonly names = new Set<string>();
  private readonly style = document.createElement('style');

  constructor() {
    this.style.dataset.owner = 'agreement-view';
    document.head.append(this.style);
  }

  setStyles(css: string): void {
    if (this.style.textContent !== css) this.style.textContent = css;
  }

  set(name: string, ranges: readonly AbstractRange[], priority: number): void {
    if (!supportsHighlights()) return;
    const h = new Highlight(...ranges);
    h.priority = priority;
    CSS.highlights.set(name, h);
    this.names.add(name);
  }

  /** Drops the layers whose name starts with `prefix` and are not in `keep`. */
  prune(prefix: string, keep: ReadonlySet<string>): void {
    for (const name of this.names) {
      if (name.startsWith(prefix) && !keep.has(name)) {
        CSS.highlights.delete(name);
        this.names.delete(name);
      }
    }
  }

  dispose(): void {
    for (const name of this.names) CSS.highlights.delete(name);
    this.names.clear();
    this.style.remove();
  }
}

/** rgba() of a #rrggbb colour. */
export function rgba(hex: string, alpha: number): string {
  const n = /^#[0-9a-f]{6}$/i.test(hex) ? parseInt(hex.slice(1), 16) : 0x888888;
  return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
