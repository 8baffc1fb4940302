// The heat map's colours: the scale's ends, and text that stays readable on every step.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { heatColor, heatText } from './heat.ts';

const luminance = (rgb: string) => {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number).map((c) => {
    const x = c / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

test('the scale runs from pale (nothing) to deep (the largest value); no value is white', () => {
  assert.equal(heatColor(0, 10), 'rgb(241 246 253)');
  assert.equal(heatColor(10, 10), 'rgb(8 48 107)');
  assert.equal(heatColor(3, 0), heatColor(0, 10));
  assert.equal(heatColor(null, 10), '#ffffff');
});

test('every step of the scale has text with at least 4.5:1 contrast', () => {
  for (let v = 0; v <= 100; v++) {
    const text = heatText(v, 100) === '#ffffff' ? 1 : 0;
    const ratio = contrast(luminance(heatColor(v, 100)), text);
    assert.equal(ratio >= 4.5, true, `${v}%: ${ratio.toFixed(2)}`);
  }
});
