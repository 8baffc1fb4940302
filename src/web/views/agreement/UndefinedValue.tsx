// "—" for a statistic that is undefined, with the reason: always in the text for
// screen readers, shown on hover or focus in a box that no scrolling table clips
// (fixed position), dismissed with Escape.

import { useEffect, useId, useRef, useState, type CSSProperties } from 'react';

export function UndefinedValue({ text }: { text: string }) {
  const id = useId();
  const anchor = useRef<HTMLSpanElement>(null);
  const [place, setPlace] = useState<CSSProperties | null>(null);
  const show = () => {
    const r = anchor.current?.getBoundingClientRect();
    if (!r) return;
    const below = r.bottom + 120 < innerHeight;
    setPlace({
      position: 'fixed',
      ...(r.left < innerWidth / 2 ? { left: r.left } : { right: Math.max(8, innerWidth - r.right) }),
      ...(below ? { top: r.bottom + 2 } : { bottom: innerHeight - r.top + 2 }),
    });
  };
  const hide = () => setPlace(null);
  // Any scroll moves the anchor away from a fixed box: close it.
  useEffect(() => {
    if (!place) return;
    addEventListener('scroll', hide, true);
    return () => removeEventListener('scroll', hide, true);
  }, [place]);
  return (
    <span
      ref={anchor}
      className="ag-undefined"
      tabIndex={0}
      aria-describedby={id}
      onMouseEnter={show}
      onMouseLeave={hide}
      onFocus={show}
      onBlur={hide}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && place) {
          e.stopPropagation();
          hide();
        }
      }}
    >
      <span aria-hidden="true">—</span>
      <span id={id} role="tooltip" className={place ? 'ag-tip is-open' : 'ag-tip'} style={place ?? undefined}>
        {text}
      </span>
    </span>
  );
}
