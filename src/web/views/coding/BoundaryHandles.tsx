// Start and end handles to adjust a segment: sliders for the keyboard (arrows
// move by word, Shift by character, Enter saves, Escape cancels) that the mouse
// can drag; a drag snaps to word edges unless Alt is held, and saves on release.

import { useLayoutEffect, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { useMessages } from '../../i18n/index.tsx';
import { messages } from './messages.ts';

export type Side = 'start' | 'end';

export interface HandlesProps {
  start: number;
  end: number;
  /** Client rect of the character just inside a boundary, for placing its handle. */
  boundaryRect(side: Side, start: number, end: number): DOMRect | null;
  /** Code point under a client position, or null outside the text. */
  pointAt(x: number, y: number): number | null;
  content: RefObject<HTMLDivElement | null>;
  label(side: Side): string;
  onMove(side: Side, to: number | 'word+' | 'word-' | 'char+' | 'char-', snap: boolean): void;
  onDone(commit: boolean): void;
}

export function BoundaryHandles(props: HandlesProps) {
  const t = useMessages(messages);
  const [places, setPlaces] = useState<Record<Side, { left: number; top: number; height: number } | null>>({ start: null, end: null });
  const { start, end, boundaryRect, content } = props;

  useLayoutEffect(() => {
    const box = content.current?.getBoundingClientRect();
    if (!box) return;
    const place = (side: Side) => {
      const r = boundaryRect(side, start, end);
      return r ? { left: (side === 'start' ? r.left : r.right) - box.left, top: r.top - box.top, height: r.height } : null;
    };
    setPlaces({ start: place('start'), end: place('end') });
  }, [start, end, boundaryRect, content]);

  const onKeyDown = (side: Side) => (e: KeyboardEvent<HTMLButtonElement>) => {
    const forward = e.key === 'ArrowRight' || e.key === 'ArrowDown';
    if (forward || e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
      e.preventDefault();
      props.onMove(side, `${e.shiftKey ? 'char' : 'word'}${forward ? '+' : '-'}`, false);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      props.onDone(true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      props.onDone(false);
    }
  };
  const onPointerMove = (side: Side) => (e: PointerEvent<HTMLButtonElement>) => {
    if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
    const cp = props.pointAt(e.clientX, e.clientY);
    if (cp !== null) props.onMove(side, cp, !e.altKey);
  };

  return (
    <>
      {(['start', 'end'] as const).map((side) => {
        const p = places[side];
        if (!p) return null;
        return (
          <button
            key={side}
            type="button"
            autoFocus={side === 'start'}
            className={`cw-handle cw-handle-${side}`}
            style={{ transform: `translate(${p.left}px, ${p.top}px)`, height: p.height }}
            role="slider"
            aria-label={props.label(side)}
            aria-valuemin={side === 'start' ? 0 : start + 1}
            aria-valuemax={side === 'start' ? end - 1 : undefined}
            aria-valuenow={side === 'start' ? start : end}
            aria-valuetext={t(side === 'start' ? 'startAt' : 'endAt', { offset: side === 'start' ? start : end })}
            onKeyDown={onKeyDown(side)}
            onPointerDown={(e) => {
              e.preventDefault();
              e.currentTarget.setPointerCapture(e.pointerId);
              e.currentTarget.focus();
            }}
            onPointerMove={onPointerMove(side)}
            onPointerUp={(e) => {
              if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
              e.currentTarget.releasePointerCapture(e.pointerId);
              props.onDone(true);
            }}
          />
        );
      })}
    </>
  );
}
