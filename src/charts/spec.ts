// What a chart shows, independent of how it is drawn: analyses turn their
// results into a ChartSpec (src/analysis/outputs/charts.ts), and render.ts draws
// it as SVG or PNG on the server.

import type { Language } from '../core/model.ts';

/** How values print: counts as integers, percent values are shares 0..1. */
export type ValueFormat = 'count' | 'percent';

export type ChartSpec =
  | {
      kind: 'bar';
      title: string;
      categories: string[];
      series: { name: string; values: (number | null)[] }[];
      valueFormat?: ValueFormat;
      /** The language numbers print in: "50 %" and "0,25" in French; default English. */
      locale?: Language;
      horizontal?: boolean;
    }
  | { kind: 'heatmap'; title: string; rows: string[]; columns: string[]; values: (number | null)[][]; valueFormat?: ValueFormat; locale?: Language }
  | { kind: 'wordcloud'; title: string; words: { text: string; weight: number }[] };
