import type { TextQuote } from '../model.ts';
import { CodePointIndex } from './offsets.ts';

/** Code points of context kept on each side of a quote: enough to tell repeated phrases apart. */
export const QUOTE_CONTEXT = 32;

/**
 * The selector stored with every segment (as in the W3C TextQuoteSelector), so a
 * segment can be found again if its offsets ever stop matching the text.
 */
export function quoteOf(text: string | CodePointIndex, start: number, end: number, context = QUOTE_CONTEXT): TextQuote {
  const index = typeof text === 'string' ? new CodePointIndex(text) : text;
  return {
    exact: index.slice(start, end),
    prefix: index.slice(Math.max(0, start - context), start),
    suffix: index.slice(end, Math.min(index.length, end + context)),
  };
}

/** Every code-point range where `exact` occurs in `text`. */
export function occurrences(text: string | CodePointIndex, exact: string): { start: number; end: number }[] {
  const index = typeof text === 'string' ? new CodePointIndex(text) : text;
  if (!exact) return [];
  const found: { start: number; end: number }[] = [];
  for (let at = index.text.indexOf(exact); at >= 0; at = index.text.indexOf(exact, at + 1)) {
    found.push({ start: index.toCodePoint(at), end: index.toCodePoint(at + exact.length) });
  }
  return found;
}
