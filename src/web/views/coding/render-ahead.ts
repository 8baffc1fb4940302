// Blocks start with `content-visibility: auto` (coding.css), so a long transcript's first render
// lays out only what is on screen. Left at that, scrolling renders each block as it comes near,
// and a fast fling dropped one frame in five. Once the view is ready, blocks are therefore marked
// for rendering a few per frame, nearest the reading position first (those below, then those
// above), pausing while the coder types or clicks: a 50,000-word transcript is laid out a few
// seconds after opening, and scrolling then only paints. The attribute is not React's, so
// re-renders leave it in place.

const RENDERED_ATTR = 'data-rendered';
/** About a millisecond and a half of layout each: well inside a frame's budget. */
const BLOCKS_PER_FRAME = 8;
/** After a key or pointer press the frames are the coder's (a code applied must show at once). */
const PAUSE_AFTER_INPUT_MS = 600;

/** Marks every block under `root` not yet marked for rendering, a few per frame; returns a function that stops. */
export function renderAhead(root: HTMLElement, scroller: HTMLElement, blockSelector: string): () => void {
  const blocks = [...root.querySelectorAll<HTMLElement>(`${blockSelector}:not([${RENDERED_ATTR}])`)];
  // Each coding applied re-runs this: once all is rendered, it must cost nothing (no layout read).
  if (blocks.length === 0) return () => {};
  const top = scroller.getBoundingClientRect().top;
  const first = Math.max(0, blocks.findIndex((b) => b.getBoundingClientRect().bottom > top));
  const order = [...blocks.slice(first), ...blocks.slice(0, first).reverse()];
  let at = 0;
  let frame = 0;
  let pausedUntil = 0;
  const pause = () => (pausedUntil = performance.now() + PAUSE_AFTER_INPUT_MS);
  const step = (now: number) => {
    if (now >= pausedUntil) for (const end = Math.min(order.length, at + BLOCKS_PER_FRAME); at < end; at++) order[at]!.setAttribute(RENDERED_ATTR, '');
    if (at < order.length) frame = requestAnimationFrame(step);
    else stop();
  };
  const stop = () => {
    cancelAnimationFrame(frame);
    removeEventListener('keydown', pause, true);
    removeEventListener('pointerdown', pause, true);
  };
  addEventListener('keydown', pause, true);
  addEventListener('pointerdown', pause, true);
  frame = requestAnimationFrame(step);
  return stop;
}
