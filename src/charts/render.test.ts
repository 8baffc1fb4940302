// Server-side charts: well-formed SVG carrying the title and every label, one
// heat-map cell per value, PNG of the requested size, the same bytes each time.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { chartPng, chartSvg } from './render.ts';
import { formatValue, shortLabel } from './labels.ts';
import type { ChartSpec } from './spec.ts';

const SITES = ['Vancouver', 'Winnipeg', 'Toronto', 'Montréal'];

const bar: ChartSpec = {
  kind: 'bar',
  title: 'Share of cases & sites',
  categories: ['Needs/Safe housing', 'Obstacles/Fear of deportation', 'Needs/Immigration status and legal help for people without papers'],
  series: SITES.map((name, i) => ({ name, values: [0.25 * i, 1 - 0.25 * i, i === 2 ? null : 0.5] })),
  valueFormat: 'percent',
  horizontal: true,
};
const heatmap: ChartSpec = {
  kind: 'heatmap',
  title: 'Coded cases per code',
  rows: ['Needs', 'Needs/Safe housing', 'Obstacles'],
  columns: SITES,
  values: [[1, 2, 3, 4], [0, null, 2, 1], [5, 5, 0, 2]],
};
const cloud: ChartSpec = {
  kind: 'wordcloud',
  title: 'Most frequent terms',
  words: [{ text: 'housing', weight: 40 }, { text: 'trust', weight: 22 }, { text: 'police', weight: 9 }, { text: 'R&D <x>', weight: 3 }],
};

/** Every text node of the SVG, in document order. */
function texts(svg: string): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') for (const [key, value] of Object.entries(node)) key === '#text' ? out.push(String(value)) : walk(value);
  };
  walk(new XMLParser({ preserveOrder: true, ignoreAttributes: true }).parse(svg));
  return out;
}

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) }; // IHDR follows the 8-byte signature and chunk header
}

test('bar chart: valid SVG with the title, every category (long paths shortened) and every series', () => {
  const svg = chartSvg(bar);
  assert.equal(XMLValidator.validate(svg), true);
  const words = texts(svg);
  assert.equal(words.includes('Share of cases &amp; sites') || words.includes('Share of cases & sites'), true);
  for (const category of bar.categories) assert.equal(words.includes(shortLabel(category, 40)), true, category);
  for (const site of SITES) assert.equal(words.includes(site), true, site);
  assert.equal(words.includes('100%'), true);
  assert.doesNotMatch(svg, /@keyframes|animation/);
});

test('heat map: one cell per row × column (no value shown grey), labels and a colour scale', () => {
  const svg = chartSvg(heatmap);
  assert.equal(XMLValidator.validate(svg), true);
  const cells = svg.match(/ecmeta_ssr_type="chart"/g) ?? [];
  assert.equal(cells.length, heatmap.rows.length * heatmap.columns.length);
  const words = texts(svg);
  for (const label of [...heatmap.rows, ...heatmap.columns, heatmap.title, 'no value', '–']) assert.equal(words.includes(label), true, label);
  // The colour scale: a gradient bar.
  assert.match(svg, /<linearGradient/);
});

test('word cloud: every word placed once, escaped, biggest first; deterministic', () => {
  const svg = chartSvg(cloud);
  assert.equal(XMLValidator.validate(svg), true);
  const placed = [...svg.matchAll(/<text class="word"[^>]*font-size="(\d+)"[^>]*><title>[^<]*<\/title>([^<]*)<\/text>/g)];
  assert.deepEqual(placed.map((m) => m[2]), ['housing', 'trust', 'police', 'R&#38;D &#60;x&#62;']);
  const sizes = placed.map((m) => Number(m[1]));
  assert.deepEqual([...sizes].sort((a, b) => b - a), sizes);
  assert.equal(chartSvg(cloud), svg);
});

test('the same spec gives the same SVG, also after other charts were drawn', () => {
  const first = chartSvg(heatmap);
  chartSvg(bar);
  assert.equal(chartSvg(heatmap), first);
});

test('PNG: signature and the requested pixel size, times the scale', () => {
  for (const spec of [bar, heatmap, cloud]) {
    const png = chartPng(spec, { width: 640, height: 400 });
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.deepEqual(pngSize(png), { width: 640, height: 400 });
  }
  assert.deepEqual(pngSize(chartPng(heatmap, { width: 300, height: 200 }, 2)), { width: 600, height: 400 });
});

test('labels: code paths keep their last segments, other text its start', () => {
  assert.equal(shortLabel('Needs/Safe housing', 40), 'Needs/Safe housing');
  assert.equal(shortLabel('Characteristics of trafficking/Recruitment and deception', 40), '…/Recruitment and deception');
  assert.equal(shortLabel('A very long theme name without any path at all here', 20), 'A very long theme n…');
  assert.equal([...shortLabel('Root/An extremely long final segment of a code path', 20)].length, 20);
});

test('numbers print in the chart’s language: "50 %" and a decimal comma in French', () => {
  assert.deepEqual([formatValue(0.5, 'percent'), formatValue(0.5, 'percent', 'fr'), formatValue(2.5, 'count', 'fr'), formatValue(3, 'count', 'fr')], ['50%', '50\u00a0%', '2,50', '3']);
  const words = texts(chartSvg({ ...bar, locale: 'fr' }));
  assert.equal(words.includes('100\u00a0%') || words.includes('100&#160;%') || words.includes('100&nbsp;%'), true);
  assert.equal(words.includes('100%'), false);
});
