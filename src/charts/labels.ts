// Chart text without a browser to measure it: widths from Arial's metrics, which
// Liberation Sans (the font the PNG renderer uses) shares, so ECharts' layout,
// the word cloud and the rendered text agree; labels shortened to fit.

import type { Language } from '../core/model.ts';

/** The font charts are drawn in, with metric-compatible fallbacks for SVG viewers. */
export const FONT_FAMILY = 'Liberation Sans, Arial, Helvetica, sans-serif';

/** Advance widths in thousandths of an em, Arial / Liberation Sans. */
const WIDTHS: [string, number][] = [
  ["'|", 191], ['ijl', 222], ['’‘', 222], [' \u00a0ftI.,:;!/[]\\', 278], ['r()-*`', 333], ['“”"', 355],
  ['ckszvxyJ', 500], ['abdeghnopqu0123456789?_#$–', 556], ['+=<>~', 584], ['FTZ', 611],
  ['ABEKPSVXY&', 667], ['wCDHNRU', 722], ['GOQ', 778], ['mM', 833], ['%', 889], ['W', 944], ['…—@', 1000],
];
const WIDTH = new Map(WIDTHS.flatMap(([chars, width]) => [...chars].map((c) => [c, width / 1000] as const)));
const OTHER = 0.6;

/** Estimated width in pixels of `text` at `fontSize`. Accented letters measure as their base letter. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += WIDTH.get(ch) ?? WIDTH.get(ch.normalize('NFD')[0]!) ?? OTHER;
  return em * fontSize;
}

/** ECharts' text measurement: a CSS font shorthand such as "bold 16px Liberation Sans". */
export function measureCssFont(text: string, font = '12px sans-serif'): { width: number } {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
  const bold = /\bbold\b|\b[6-9]00\b/.test(font) ? 1.07 : 1;
  return { width: textWidth(text, size) * bold };
}

/**
 * A label of at most `max` characters (code points). Code paths ("Needs/Housing/
 * Emergency shelter") keep their last segments, which name the code; other text
 * keeps its start.
 */
export function shortLabel(label: string, max = 36): string {
  if ([...label].length <= max) return label;
  const segments = label.split('/');
  if (segments.length > 1) {
    let tail = segments.at(-1)!;
    for (let i = segments.length - 2; i >= 0 && [...`…/${segments[i]}/${tail}`].length <= max; i--) tail = `${segments[i]}/${tail}`;
    const kept = `…/${tail}`;
    if ([...kept].length <= max) return kept;
    return truncate(segments.at(-1)!, max);
  }
  return truncate(label, max);
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * A value as the chart prints it: shares as whole percentages, counts as they are; in French
 * with a no-break space before "%" and a decimal comma (U+00A0, which the chart font has).
 */
export function formatValue(value: number | null, format: 'count' | 'percent' = 'count', locale: Language = 'en'): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const fr = locale === 'fr';
  if (format === 'percent') return `${Math.round(value * 100)}${fr ? '\u00a0%' : '%'}`;
  const text = Number.isInteger(value) ? String(value) : value.toFixed(2);
  return fr ? text.replace('.', ',') : text;
}
