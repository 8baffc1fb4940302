// Bar charts and heat maps as ECharts options for server-side SVG rendering:
// no animation, every category labelled, long labels shortened, a colour-scale
// legend on heat maps.

import type { EChartsOption } from 'echarts';
import type { Language } from '../core/model.ts';
import type { ChartSpec, ValueFormat } from './spec.ts';
import { FONT_FAMILY, formatValue, shortLabel, textWidth } from './labels.ts';

type BarSpec = Extract<ChartSpec, { kind: 'bar' }>;
type HeatmapSpec = Extract<ChartSpec, { kind: 'heatmap' }>;

/** Okabe–Ito: distinguishable with colour-vision deficiencies and in greyscale print. */
const SERIES_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const HEAT_COLOURS = ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];
const NO_VALUE_COLOUR = '#e5e5e5';
const LABEL_CHARS = 40;
const FONT_SIZE = 12;

const common = (title: string): EChartsOption => ({
  animation: false,
  backgroundColor: '#ffffff',
  textStyle: { fontFamily: FONT_FAMILY },
  title: { text: title, left: 'center', top: 8, textStyle: { fontSize: 16, fontWeight: 'bold' } },
});

const valueText = (format: ValueFormat | undefined, locale?: Language) => (value: unknown) => formatValue(typeof value === 'number' ? value : null, format, locale);

function labelWidth(labels: string[]): number {
  return Math.max(0, ...labels.map((label) => textWidth(label, FONT_SIZE)));
}

const COLUMN_CHARS = 24;
const ROTATE_COLUMNS = 8;

/** Room the chart needs for its content, when the caller does not give a size. */
export function defaultSize(spec: ChartSpec): { width: number; height: number } {
  switch (spec.kind) {
    case 'bar': {
      const bars = spec.categories.length * Math.max(1, spec.series.length);
      if (spec.horizontal) return { width: 900, height: Math.max(320, Math.ceil(140 + bars * 10 + spec.categories.length * 10)) };
      return { width: Math.max(640, Math.min(1600, 160 + bars * 26)), height: 520 };
    }
    case 'heatmap': {
      const left = labelWidth(spec.rows.map((r) => shortLabel(r, LABEL_CHARS)));
      const top = labelWidth(spec.columns.map((c) => shortLabel(c, COLUMN_CHARS)));
      const rotated = spec.columns.length > ROTATE_COLUMNS;
      const column = rotated ? 40 : Math.max(56, top + 16);
      const header = rotated ? top * 0.71 + 20 : 24;
      return { width: Math.max(480, Math.ceil(left + 72 + spec.columns.length * column)), height: Math.ceil(header + 170 + spec.rows.length * 26) };
    }
    case 'wordcloud':
      return { width: 900, height: 600 };
  }
}

export function barOption(spec: BarSpec, size: { width: number; height: number }): EChartsOption {
  const categories = spec.categories.map((c) => shortLabel(c, LABEL_CHARS));
  const bars = categories.length * spec.series.length;
  const rotate = !spec.horizontal && categories.length > 6 ? 35 : 0;
  // Upright labels under vertical bars wrap within their slot instead of running into the next.
  const slot = rotate === 0 && !spec.horizontal ? { width: Math.max(40, (size.width - 120) / Math.max(1, categories.length) - 8), overflow: 'break' as const } : {};
  const categoryAxis = {
    type: 'category' as const,
    data: categories,
    inverse: spec.horizontal === true,
    axisLabel: { interval: 0, rotate, fontSize: FONT_SIZE, ...slot },
    axisTick: { alignWithLabel: true },
  };
  const valueAxis = {
    type: 'value' as const,
    min: 0,
    ...(spec.valueFormat === 'percent' ? { max: 1 } : { minInterval: 1 }),
    axisLabel: { formatter: valueText(spec.valueFormat, spec.locale), fontSize: FONT_SIZE },
    ...(spec.series.length === 1 ? { name: shortLabel(spec.series[0]!.name, 30), nameLocation: 'middle' as const, nameGap: spec.horizontal ? 28 : 44 } : {}),
  };
  return {
    ...common(spec.title),
    color: SERIES_COLOURS,
    legend: spec.series.length > 1 ? { top: 36, type: 'plain', data: spec.series.map((s) => s.name) } : { show: false },
    grid: { left: 24, right: 40, top: spec.series.length > 1 ? 80 : 56, bottom: 24, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? categoryAxis : valueAxis,
    series: spec.series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values.map((v) => (v === null ? '-' : v)),
      silent: true,
      label: { show: bars <= 48, position: spec.horizontal ? 'right' : 'top', formatter: (p: { value?: unknown }) => valueText(spec.valueFormat, spec.locale)(p.value), fontSize: 11 },
    })),
  };
}

export function heatmapOption(spec: HeatmapSpec): EChartsOption {
  const percent = spec.valueFormat === 'percent';
  const present = spec.values.flat().filter((v): v is number => v !== null && Number.isFinite(v));
  const max = percent ? 1 : Math.max(1, ...present);
  const cells: [number, number, number][] = [];
  const missing: [number, number, number][] = [];
  spec.rows.forEach((_, r) =>
    spec.columns.forEach((_, c) => {
      const v = spec.values[r]?.[c] ?? null;
      if (v === null || !Number.isFinite(v)) missing.push([c, r, 0]);
      else cells.push([c, r, v]);
    }),
  );
  const label = (format: (value: number) => string) => ({
    show: true,
    fontSize: 11,
    formatter: (p: { value?: unknown }) => (Array.isArray(p.value) ? format(Number(p.value[2])) : ''),
  });
  return {
    ...common(spec.title),
    grid: { left: 24, right: 32, top: 56, bottom: 80, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: {
      type: 'category',
      position: 'top',
      data: spec.columns.map((c) => shortLabel(c, COLUMN_CHARS)),
      axisLabel: { interval: 0, rotate: spec.columns.length > ROTATE_COLUMNS ? 45 : 0, fontSize: FONT_SIZE },
      splitArea: { show: false },
    },
    yAxis: { type: 'category', inverse: true, data: spec.rows.map((r) => shortLabel(r, LABEL_CHARS)), axisLabel: { interval: 0, fontSize: FONT_SIZE } },
    visualMap: [{
      type: 'continuous',
      seriesIndex: 0,
      min: 0,
      max,
      orient: 'horizontal',
      left: 'center',
      bottom: 16,
      itemWidth: 14,
      itemHeight: 220,
      calculable: false,
      text: [formatValue(max, spec.valueFormat, spec.locale), formatValue(0, spec.valueFormat, spec.locale)],
      inRange: { color: HEAT_COLOURS },
    }, {
      // Heat maps need a visual map per series; this one also explains grey cells.
      type: 'piecewise',
      seriesIndex: 1,
      show: missing.length > 0,
      orient: 'horizontal',
      right: 24,
      bottom: 16,
      pieces: [{ value: 0, label: 'no value', color: NO_VALUE_COLOUR }],
    }],
    series: [
      { type: 'heatmap', name: 'value', data: cells, silent: true, label: label((v) => formatValue(v, spec.valueFormat, spec.locale)), itemStyle: { borderColor: '#ffffff', borderWidth: 1 } },
      { type: 'heatmap', name: 'no value', data: missing, silent: true, label: label(() => '–'), itemStyle: { borderColor: '#ffffff', borderWidth: 1 } },
    ],
  };
}
