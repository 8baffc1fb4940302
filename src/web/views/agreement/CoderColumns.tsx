// One column per coder with the same transcript, that coder's codings painted in
// code colours, the disagreements marked in every column, scrolling kept together.

import { memo, useEffect, useId, useMemo, useRef } from 'react';
import type { CodedSegment, SpeakerTurn } from '../../../core/model.ts';
import { CodePointIndex } from '../../../core/text/offsets.ts';
import { layoutDocument, type TextLayout } from '../coding/text-layout.ts';
import type { Span } from './disagreements.ts';
import { HighlightLayers, rangesIn, rgba } from './highlights.ts';
import { followScroll, type BlockBox } from './sync-scroll.ts';
import type { AgreementText } from './useAgreementText.ts';

const TEXT = 'ag-text';
const CODE_LAYER = 'ag-code-';
const FLASH_MS = 1600;

export interface ColumnCoder {
  id: string;
  name: string;
}

export interface CoderColumnsProps {
  text: string;
  turns: readonly SpeakerTurn[];
  coders: readonly ColumnCoder[];
  codings: readonly CodedSegment[];
  colours: ReadonlyMap<string, string>;
  /** Every disagreement shown in the list but the current one, marked in all columns. */
  disagreements: readonly Span[];
  /** The disagreement picked last; a new token scrolls to it and flashes it. */
  current: { spans: Span[]; token: number } | null;
  say: AgreementText;
}

/** The blocks of one column; rendered once per text, never on highlight changes. */
const ColumnText = memo(function ColumnText({ text, layout }: { text: string; layout: TextLayout }) {
  return (
    <>
      {layout.blocks.map((b) => (
        <div key={b.index} className="ag-block" data-block={b.index}>
          {b.speaker && <div className="ag-speaker">{b.speaker}</div>}
          <p className={TEXT}>{text.slice(b.u16Start, b.u16End)}</p>
        </div>
      ))}
    </>
  );
});

export function CoderColumns({ text, turns, coders, codings, colours, disagreements, current, say }: CoderColumnsProps) {
  const { t } = say;
  const id = useId();
  const index = useMemo(() => new CodePointIndex(text), [text]);
  const layout = useMemo(() => layoutDocument(text, turns, index), [text, turns, index]);
  const scrollers = useRef<(HTMLDivElement | null)[]>([]);
  const layers = useRef<HighlightLayers | null>(null);
  /** Per column: the scrollTop we set ourselves, so its scroll event is not followed back. */
  const expected = useRef<(number | null)[]>([]);
  const boxes = useRef<(BlockBox[] | undefined)[]>([]);

  const nodesOf = (col: number): (Text | null)[] =>
    [...(scrollers.current[col]?.querySelectorAll(`.${TEXT}`) ?? [])].map((p) => (p.firstChild instanceof Text ? p.firstChild : null));

  useEffect(() => {
    const l = new HighlightLayers();
    layers.current = l;
    return () => {
      l.dispose();
      layers.current = null;
    };
  }, []);

  // Block positions are measured on demand and forgotten when a column changes size.
  useEffect(() => {
    boxes.current = [];
    const observer = new ResizeObserver(() => {
      boxes.current = [];
    });
    for (const el of scrollers.current) if (el) observer.observe(el);
    return () => observer.disconnect();
  }, [layout, coders.length]);

  const measure = (col: number): BlockBox[] => {
    const el = scrollers.current[col];
    if (!el) return [];
    return (boxes.current[col] ??= [...el.querySelectorAll<HTMLElement>('[data-block]')].map((b) => ({ top: b.offsetTop, height: b.offsetHeight })));
  };

  const setScroll = (col: number, top: number) => {
    const el = scrollers.current[col];
    if (!el) return;
    const clamped = Math.max(0, Math.min(el.scrollHeight - el.clientHeight, Math.round(top)));
    if (Math.abs(el.scrollTop - clamped) < 1) return;
    expected.current[col] = clamped;
    el.scrollTop = clamped;
  };

  const onScroll = (col: number) => {
    const el = scrollers.current[col];
    if (!el) return;
    const mine = expected.current[col];
    expected.current[col] = null;
    if (mine != null && Math.abs(el.scrollTop - mine) < 2) return;
    const source = { blocks: measure(col), scrollTop: el.scrollTop, maxScroll: el.scrollHeight - el.clientHeight };
    scrollers.current.forEach((other, j) => {
      if (other && j !== col) setScroll(j, followScroll(source, { blocks: measure(j), maxScroll: other.scrollHeight - other.clientHeight }));
    });
  };

  // Codings in code colours, each column its coder's; disagreements in every column.
  useEffect(() => {
    const l = layers.current;
    if (!l) return;
    const codeNumbers = new Map<string, number>();
    const byLayer = new Map<string, StaticRange[]>();
    coders.forEach((coder, col) => {
      const nodes = nodesOf(col);
      for (const c of codings) {
        if (c.coderId !== coder.id) continue;
        if (!codeNumbers.has(c.codeId)) codeNumbers.set(c.codeId, codeNumbers.size);
        const name = `${CODE_LAYER}${codeNumbers.get(c.codeId)}`;
        byLayer.set(name, [...(byLayer.get(name) ?? []), ...rangesIn(layout, index, nodes, c.start, c.end)]);
      }
    });
    for (const [name, ranges] of byLayer) l.set(name, ranges, 0);
    l.prune(CODE_LAYER, new Set(byLayer.keys()));
    l.set('ag-disagree', coders.flatMap((_, col) => disagreements.flatMap((s) => rangesIn(layout, index, nodesOf(col), s.start, s.end))), 5);
    l.setStyles(
      [
        ...[...codeNumbers].map(([codeId, n]) => `.${TEXT}::highlight(${CODE_LAYER}${n}){background-color:${rgba(colours.get(codeId) ?? '#888888', 0.34)}}`),
        `.${TEXT}::highlight(ag-disagree){color:#7a1212;text-decoration:underline wavy #c62828;text-decoration-thickness:1.5px;text-underline-offset:3px}`,
        `.${TEXT}::highlight(ag-current){color:#000;text-decoration:underline overline solid #b3261e;text-decoration-thickness:2px;text-underline-offset:3px}`,
        `.${TEXT}::highlight(ag-flash){background-color:rgba(255,140,0,0.75);color:#000}`,
      ].join('\n'),
    );
  }, [layout, index, coders, codings, colours, disagreements]);

  // The picked disagreement: marked, brought to a third of the way down each column, flashed.
  const token = current?.token;
  useEffect(() => {
    const l = layers.current;
    if (!l) return;
    const spans = current?.spans ?? [];
    const ranges = coders.flatMap((_, col) => spans.flatMap((s) => rangesIn(layout, index, nodesOf(col), s.start, s.end)));
    l.set('ag-current', ranges, 10);
    const first = spans[0];
    if (!first) return;
    scrollers.current[0]?.closest('.ag-columns')?.scrollIntoView({ block: 'nearest' });
    coders.forEach((_, col) => {
      const el = scrollers.current[col];
      const [r] = rangesIn(layout, index, nodesOf(col), first.start, first.end);
      if (!el || !r) return;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      setScroll(col, el.scrollTop + range.getBoundingClientRect().top - el.getBoundingClientRect().top - el.clientHeight / 3);
    });
    l.set('ag-flash', ranges, 20);
    const timer = setTimeout(() => l.set('ag-flash', [], 20), FLASH_MS);
    return () => {
      clearTimeout(timer);
      l.set('ag-flash', [], 20);
    };
    // Only a new pick (token) or a new text moves the columns.
  }, [token, layout, coders]);

  return (
    <div className="ag-columns" style={{ gridTemplateColumns: `repeat(${coders.length}, minmax(260px, 1fr))` }}>
      {coders.map((coder, col) => {
        const count = codings.filter((c) => c.coderId === coder.id).length;
        return (
          <section key={coder.id} className="ag-column" aria-labelledby={`${id}-${col}`}>
            <h3 id={`${id}-${col}`} className="ag-column-head">
              {coder.name} <span className="ag-column-count">{say.count('codings', count)}</span>
            </h3>
            <div
              ref={(el) => {
                scrollers.current[col] = el;
              }}
              className="ag-scroll scroll-composited"
              role="region"
              aria-label={t('columnLabel', { coder: coder.name })}
              tabIndex={0}
              onScroll={() => onScroll(col)}
            >
              <ColumnText text={text} layout={layout} />
            </div>
          </section>
        );
      })}
    </div>
  );
}
