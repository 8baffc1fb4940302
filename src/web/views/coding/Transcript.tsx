// The transcript: one row per block with the speaker beside it, the text (hidden
// lead + visible text node) and the coding stripes. Rows are memoised: a coding
// change re-renders only the stripes of the blocks it touches, never the text.

import { memo } from 'react';
import { BLOCK_ATTR, TEXT_CLASS } from './dom-offsets.ts';
import type { StripeColumn } from './stripes.ts';
import { formatTime, type Block, type TextLayout } from './text-layout.ts';

export interface CodeLook {
  name: string;
  path: string;
  color: string;
}

export interface StripeLabels {
  codes: ReadonlyMap<string, CodeLook>;
  coderName(id: string): string;
  userId: string;
  /** "Fear of deportation, coded by Amira Haddad" */
  barLabel(code: string, coder: string): string;
  more(n: number): string;
  unknownCode: string;
}

/** A bar is at least about a line high, so a few coded words still show. */
const MIN_BAR = '1.2em';
/** Columns shown before the rest fold into "+N". */
const MAX_COLUMNS = 8;
/** Horizontal pitch of the code columns, in px: an 8 px column and a 3 px gap. */
const COLUMN_PX = 11;

// Stripes are drawn in one SVG per block, not as positioned HTML boxes: every positioned box is
// a paint layer, and with thousands of them the hit test that follows each scrolled frame (to
// update hover) took 3 ms a frame and up to 15, so fast scrolling dropped frames.
const Stripes = memo(function Stripes({
  columns,
  labels,
  selectedId,
  onSelect,
}: {
  columns: StripeColumn[];
  labels: StripeLabels;
  selectedId: string | null;
  onSelect(codingId: string): void;
}) {
  if (columns.length === 0) return <div className="cw-stripes" />;
  const shown = columns.slice(0, MAX_COLUMNS);
  return (
    <div className="cw-stripes">
      <svg className="cw-stripe-svg" width={shown.length * COLUMN_PX - 3}>
        {shown.map((col, i) => {
          const look = labels.codes.get(col.codeId);
          const name = look?.name ?? labels.unknownCode;
          // SVG paints in order: the selected bar last, so its ring is on top.
          const bars = selectedId ? [...col.bars.filter((b) => b.codingId !== selectedId), ...col.bars.filter((b) => b.codingId === selectedId)] : col.bars;
          return (
            <g key={col.codeId} style={{ ['--c' as string]: look?.color ?? '#888888' }}>
              {bars.map((bar) => {
                const mine = bar.coderId === labels.userId;
                const geometry = { y: `min(${bar.top * 100}%, calc(100% - ${MIN_BAR}))`, height: `max(${bar.height * 100}%, ${MIN_BAR})` };
                // Yours: a solid bar on the left of the column; other coders': pale and outlined on the right, so they never hide yours.
                return (
                  <rect
                    key={bar.codingId}
                    role="button"
                    className={`cw-stripe${mine ? '' : ' cw-stripe-other'}${bar.codingId === selectedId ? ' cw-stripe-selected' : ''}`}
                    x={mine ? i * COLUMN_PX : i * COLUMN_PX + 4.5}
                    width={mine ? 5 : 3}
                    rx={mine ? 2 : 0}
                    style={geometry}
                    aria-label={labels.barLabel(look?.path ?? name, labels.coderName(bar.coderId))}
                    data-name={name}
                    onClick={() => onSelect(bar.codingId)}
                  />
                );
              })}
            </g>
          );
        })}
      </svg>
      {columns.length > MAX_COLUMNS && <span className="cw-stripe-more">{labels.more(columns.length - MAX_COLUMNS)}</span>}
    </div>
  );
});

const Row = memo(function Row({
  block,
  text,
  columns,
  labels,
  selectedId,
  onSelect,
}: {
  block: Block;
  text: string;
  columns: StripeColumn[];
  labels: StripeLabels;
  selectedId: string | null;
  onSelect(codingId: string): void;
}) {
  return (
    <div className={`cw-block${block.speaker ? '' : ' cw-block-plain'}`} {...{ [BLOCK_ATTR]: block.index }}>
      <div className="cw-speaker">
        {block.speaker}
        {block.startMs !== null && <span className="cw-time">{formatTime(block.startMs)}</span>}
      </div>
      <div className="cw-text">
        <span className="cw-lead">{text.slice(block.u16Lead, block.u16Start)}</span>
        <span className={TEXT_CLASS}>{text.slice(block.u16Start, block.u16End)}</span>
      </div>
      <Stripes columns={columns} labels={labels} selectedId={selectedId} onSelect={onSelect} />
    </div>
  );
});

/** All rows; `selected` names the blocks of the selected coding, so only those rows re-render when it changes. */
export function Transcript({
  text,
  layout,
  stripes,
  labels,
  selected,
  onSelect,
}: {
  text: string;
  layout: TextLayout;
  stripes: StripeColumn[][];
  labels: StripeLabels;
  selected: { codingId: string; blocks: ReadonlySet<number> } | null;
  onSelect(codingId: string): void;
}) {
  return (
    <>
      {layout.blocks.map((b) => (
        <Row
          key={b.index}
          block={b}
          text={text}
          columns={stripes[b.index] ?? []}
          labels={labels}
          selectedId={selected?.blocks.has(b.index) ? selected.codingId : null}
          onSelect={onSelect}
        />
      ))}
      <span className="cw-lead">{text.slice(layout.u16Tail)}</span>
    </>
  );
}
