// The heat map's colour scale: pale to deep blue in even steps of lightness, and
// the text colour that stays readable on it (WCAG contrast at least 4.5:1).

const LOW = [241, 246, 253];
const HIGH = [8, 48, 107];

/** The colour for `value` on a scale from 0 to `max`; no value is white. */
export function heatColor(value: number | null, max: number): string {
  if (value === null) return '#ffffff';
  const t = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
  const channel = (i: number) => Math.round(LOW[i]! + (HIGH[i]! - LOW[i]!) * t);
  return `rgb(${channel(0)} ${channel(1)} ${channel(2)})`;
}

/** Black text up to where white reaches 4.5:1 (64 % of the scale), white beyond. */
export const heatText = (value: number | null, max: number): string => (value !== null && max > 0 && value / max >= 0.64 ? '#ffffff' : '#000000');
