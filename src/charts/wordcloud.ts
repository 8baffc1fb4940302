// A word cloud drawn directly as SVG (echarts-wordcloud needs a canvas): words
// by weight, biggest first, each placed at the first free spot along a spiral
// from the centre. Widths are estimated, so the same input always gives the
// same picture.

import { FONT_FAMILY, textWidth } from './labels.ts';
import type { ChartSpec } from './spec.ts';

type WordcloudSpec = Extract<ChartSpec, { kind: 'wordcloud' }>;

const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00', '#000000'];
const MAX_WORDS = 150;
const TITLE_HEIGHT = 44;
const MARGIN = 8;

interface Box { x: number; y: number; width: number; height: number }

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface PlacedWord { text: string; weight: number; size: number; x: number; y: number; colour: string }

/** Where each word goes; words that find no room (the lightest, in a crowded cloud) are left out. */
function layoutWords(spec: WordcloudSpec, width: number, height: number): PlacedWord[] {
  const words = spec.words
    .filter((w) => w.weight > 0 && w.text.trim() !== '')
    .sort((a, b) => b.weight - a.weight || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    .slice(0, MAX_WORDS);
  if (words.length === 0) return [];
  const heaviest = words[0]!.weight;
  const lightest = words.at(-1)!.weight;
  const maxSize = Math.max(20, Math.min(72, height / 7));
  const minSize = 11;
  const area = { x: MARGIN, y: TITLE_HEIGHT, width: width - 2 * MARGIN, height: height - TITLE_HEIGHT - MARGIN };
  const cx = area.x + area.width / 2;
  const cy = area.y + area.height / 2;
  const aspect = area.width / Math.max(1, area.height);
  const placed: Box[] = [];
  const out: PlacedWord[] = [];
  words.forEach((word, index) => {
    const share = heaviest === lightest ? 1 : (word.weight - lightest) / (heaviest - lightest);
    const size = Math.round(minSize + (maxSize - minSize) * Math.sqrt(share));
    const w = textWidth(word.text, size) + 4;
    const h = size * 1.15;
    for (let t = 0; t < 600; t += 0.15) {
      const r = 2.2 * t;
      const box = { x: cx + r * aspect * Math.cos(t) - w / 2, y: cy + r * Math.sin(t) - h / 2, width: w, height: h };
      const inside = box.x >= area.x && box.y >= area.y && box.x + w <= area.x + area.width && box.y + h <= area.y + area.height;
      if (!inside || placed.some((p) => overlaps(p, box))) continue;
      placed.push(box);
      out.push({ text: word.text, weight: word.weight, size, x: box.x + w / 2, y: box.y + h / 2, colour: COLOURS[index % COLOURS.length]! });
      return;
    }
  });
  return out;
}

export function wordcloudSvg(spec: WordcloudSpec, width: number, height: number): string {
  const round = (n: number) => Math.round(n * 10) / 10;
  const words = layoutWords(spec, width, height).map(
    (w) =>
      `<text class="word" x="${round(w.x)}" y="${round(w.y)}" font-size="${w.size}" fill="${w.colour}" text-anchor="middle" dominant-baseline="central"><title>${escapeXml(`${w.text}: ${w.weight}`)}</title>${escapeXml(w.text)}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="26" font-size="16" font-weight="bold" fill="#333333" text-anchor="middle">${escapeXml(spec.title)}</text>`,
    ...words,
    '</svg>',
  ].join('\n');
}
