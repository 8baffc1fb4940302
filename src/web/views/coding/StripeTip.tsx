// The name of the code whose stripe is under the pointer, shown beside the stripe. One element
// for the whole transcript, placed on hover, rather than a tooltip per stripe: see Transcript's
// note on why stripes are not positioned boxes.

import { useEffect, useState, type RefObject } from 'react';

interface Tip {
  name: string;
  left: number;
  top: number;
}

/** Follows the pointer over `.cw-stripe` elements inside `content`, which must be the positioned box the tip is placed in. */
export function StripeTip({ content }: { content: RefObject<HTMLElement | null> }) {
  const [tip, setTip] = useState<Tip | null>(null);
  useEffect(() => {
    const root = content.current;
    if (!root) return;
    const over = (e: PointerEvent) => {
      const bar = e.target instanceof Element ? e.target.closest('.cw-stripe') : null;
      if (!bar) return setTip(null);
      const box = bar.getBoundingClientRect();
      const origin = root.getBoundingClientRect();
      setTip({ name: bar.getAttribute('data-name') ?? '', left: box.right - origin.left + 6, top: box.top - origin.top });
    };
    const leave = () => setTip(null);
    root.addEventListener('pointerover', over);
    root.addEventListener('pointerleave', leave);
    return () => {
      root.removeEventListener('pointerover', over);
      root.removeEventListener('pointerleave', leave);
    };
  }, [content]);
  return tip && <div className="cw-stripe-tip" style={{ left: tip.left, top: tip.top }} aria-hidden="true">{tip.name}</div>;
}
