// Coding highlights through the CSS Custom Highlight API: one Highlight per code
// and ownership (mine / other coders'), one ::highlight rule per code colour.
// The document text is never re-rendered: syncing diffs the codings and only
// touches the Highlights of codings that appeared, moved or went away.

import type { CodedSegment } from '../../../core/model.ts';
import type { CodePointIndex } from '../../../core/text/offsets.ts';
import { codePointsToStaticRanges, TEXT_CLASS } from './dom-offsets.ts';
import { blockAtOrAfter, type TextLayout } from './text-layout.ts';

interface Entry {
  key: string;
  name: string;
  ranges: StaticRange[];
}

const rgba = (hex: string, alpha: number) => {
  const n = /^#[0-9a-f]{6}$/i.test(hex) ? parseInt(hex.slice(1), 16) : 0x888888;
  return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
};

/** Extra highlights drawn above the codings. */
export type Overlay = 'selected' | 'target' | 'flash';
const OVERLAY: Record<Overlay, string> = { selected: 'cw-selected', target: 'cw-target', flash: 'cw-flash' };

export class CodingHighlights {
  private readonly entries = new Map<string, Entry>();
  private readonly highlights = new Map<string, Highlight>();
  private readonly codeNumbers = new Map<string, number>();
  private readonly style = document.createElement('style');
  private colours = '';

  constructor(
    private readonly layout: TextLayout,
    private readonly index: CodePointIndex,
    private readonly textNodes: readonly (Text | null)[],
  ) {
    this.style.dataset.owner = 'coding-view';
    document.head.append(this.style);
    for (const [overlay, name] of Object.entries(OVERLAY)) {
      const h = new Highlight();
      h.priority = overlay === 'flash' ? 20 : 10;
      CSS.highlights.set(name, h);
    }
  }

  /**
   * Writes one rule pair per code colour; only when a colour changed. Rules are
   * scoped to the text spans: an unscoped ::highlight rule makes every element
   * resolve every highlight's style, which made style recalculation ten times slower.
   */
  setColours(colours: ReadonlyMap<string, string>): void {
    const rules: string[] = [];
    for (const [codeId, colour] of colours) {
      const n = this.numberOf(codeId);
      rules.push(
        `.${TEXT_CLASS}::highlight(cw-c${n}m){background-color:${rgba(colour, 0.3)}}`,
        // Other coders' codings are paler; no text decoration: dotted underlines doubled scrolling paint time.
        `.${TEXT_CLASS}::highlight(cw-c${n}o){background-color:${rgba(colour, 0.15)}}`,
      );
    }
    const css = rules.join('\n');
    if (css !== this.colours) this.style.textContent = this.colours = css;
  }

  /** Brings the highlights in line with `codings` (the ones currently shown); `prune` drops the others. */
  sync(codings: readonly CodedSegment[], userId: string, prune = true): void {
    const keep = new Set<string>();
    const fresh: CodedSegment[] = [];
    for (const c of codings) {
      const e = this.entries.get(c.id);
      if (e && e.key === this.keyOf(c, userId)) keep.add(c.id);
      else fresh.push(c);
    }
    if (prune) for (const [id, e] of this.entries) if (!keep.has(id)) this.drop(id, e);
    // One pass over the new codings in document order, each starting its block search where it is.
    fresh.sort((a, b) => a.start - b.start);
    const added = new Map<string, StaticRange[]>();
    for (const c of fresh) {
      const name = this.nameOf(c, userId);
      const ranges = codePointsToStaticRanges(this.layout, this.index, this.textNodes, c.start, c.end, blockAtOrAfter(this.layout, c.start));
      this.entries.set(c.id, { key: this.keyOf(c, userId), name, ranges });
      const list = added.get(name);
      if (list) list.push(...ranges);
      else added.set(name, ranges.slice());
    }
    for (const [name, ranges] of added) {
      const h = this.highlights.get(name);
      if (h) for (const r of ranges) h.add(r);
      else {
        const created = new Highlight(...ranges);
        this.highlights.set(name, created);
        CSS.highlights.set(name, created);
      }
    }
  }

  /**
   * Draws one coding at once, ahead of the next sync (which then finds it in place):
   * a coding just applied shows without waiting for the view to re-render.
   */
  add(coding: CodedSegment, userId: string): void {
    if (!this.entries.has(coding.id)) this.sync([coding], userId, false);
  }

  /** Draws an overlay over [start, end), or clears it with null. */
  overlay(which: Overlay, range: { start: number; end: number } | null): void {
    const h = CSS.highlights.get(OVERLAY[which]);
    if (!h) return;
    h.clear();
    if (range) for (const r of codePointsToStaticRanges(this.layout, this.index, this.textNodes, range.start, range.end)) h.add(r);
  }

  dispose(): void {
    for (const name of [...this.highlights.keys(), ...Object.values(OVERLAY)]) CSS.highlights.delete(name);
    this.highlights.clear();
    this.entries.clear();
    this.style.remove();
  }

  private drop(id: string, e: Entry): void {
    const h = this.highlights.get(e.name);
    if (h) for (const r of e.ranges) h.delete(r);
    this.entries.delete(id);
  }

  private numberOf(codeId: string): number {
    let n = this.codeNumbers.get(codeId);
    if (n === undefined) this.codeNumbers.set(codeId, (n = this.codeNumbers.size));
    return n;
  }

  private nameOf(c: CodedSegment, userId: string): string {
    return `cw-c${this.numberOf(c.codeId)}${c.coderId === userId ? 'm' : 'o'}`;
  }

  private keyOf(c: CodedSegment, userId: string): string {
    return `${c.start}:${c.end}:${c.codeId}:${c.coderId === userId}`;
  }
}
