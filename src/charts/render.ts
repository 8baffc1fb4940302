// Charts rendered on the server, no browser: bar charts and heat maps through
// ECharts' SSR SVG renderer, word clouds laid out here; PNG through resvg with
// the system's fonts (Liberation Sans on Debian: fonts-liberation), whose
// metrics the layout measures with (labels.ts).

import { existsSync } from 'node:fs';
import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';
import type { ChartSpec } from './spec.ts';
import { barOption, defaultSize, heatmapOption } from './echarts-options.ts';
import { wordcloudSvg } from './wordcloud.ts';
import { measureCssFont } from './labels.ts';

// Without a canvas ECharts guesses text widths; measure as the PNG font draws.
echarts.setPlatformAPI({ measureText: measureCssFont });

export type ChartSize = { width: number; height: number };

/**
 * ECharts numbers SVG ids and classes (zr3-cls-12, zr3-g0) from process-wide
 * counters; renumbering them in order of appearance makes the same input give
 * the same bytes.
 */
function renumberIds(svg: string): string {
  const names = new Map<string, string>();
  const perKind = new Map<string, number>();
  return svg.replace(/\bzr\d+-(cls-|[a-z]+)\d+\b/g, (token, kind: string) => {
    let name = names.get(token);
    if (name === undefined) {
      const n = perKind.get(kind) ?? 0;
      perKind.set(kind, n + 1);
      name = `zr0-${kind}${n}`;
      names.set(token, name);
    }
    return name;
  });
}

function echartsSvg(option: echarts.EChartsCoreOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(option);
    return renumberIds(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

export function chartSvg(spec: ChartSpec, size: ChartSize = defaultSize(spec)): string {
  switch (spec.kind) {
    case 'bar':
      return echartsSvg(barOption(spec, size), size);
    case 'heatmap':
      return echartsSvg(heatmapOption(spec), size);
    case 'wordcloud':
      return wordcloudSvg(spec, size.width, size.height);
  }
}

const LIBERATION = '/usr/share/fonts/truetype/liberation';
const FONT_FILES = ['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf'].map((f) => `${LIBERATION}/${f}`);
let fonts: { loadSystemFonts: boolean; fontFiles?: string[] } | null = null;

/** The two font files the charts use, when present: scanning every system font costs more than drawing. */
function fontSources(): { loadSystemFonts: boolean; fontFiles?: string[] } {
  fonts ??= FONT_FILES.every((f) => existsSync(f)) ? { loadSystemFonts: false, fontFiles: FONT_FILES } : { loadSystemFonts: true };
  return fonts;
}

/** The chart as PNG: `size` in CSS pixels, times `scale` (2 for crisp print) in image pixels. */
export function chartPng(spec: ChartSpec, size: ChartSize = defaultSize(spec), scale = 1): Uint8Array {
  const resvg = new Resvg(chartSvg(spec, size), {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { ...fontSources(), defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
    logLevel: 'off',
  });
  return new Uint8Array(resvg.render().asPng());
}
