// A horizontal grouped bar chart in SVG: categories down the side, one bar per
// series in each, the value written at the end of every bar (colour is never the
// only carrier), an optional reference line (a threshold) and a mark per category.

import { useId } from 'react';
import './charts.css';

export interface BarSeries {
  key: string;
  name: string;
  color: string;
}

export interface BarCategory {
  key: string;
  label: string;
  /** A short mark after the label, e.g. "similarity"; `markKind` styles it. */
  mark?: string;
  markKind?: string;
}

export interface BarChartProps {
  title: string;
  categories: BarCategory[];
  series: BarSeries[];
  /** values[category][series]; null draws no bar and says so. */
  values: (number | null)[][];
  /** The axis end; default the largest value. */
  max?: number;
  format(value: number): string;
  /** What a missing value reads as. */
  missing: string;
  reference?: { value: number; label: string };
  onSelect?(category: number, series: number): void;
}

const LABEL = 260;
const PLOT = 460;
const VALUE = 56;
const BAR = 12;
const GAP = 14;
const TOP = 24;

export function BarChart({ title, categories, series, values, max, format, missing, reference, onSelect }: BarChartProps) {
  const id = useId();
  const end = max ?? Math.max(1e-9, ...values.flat().map((v) => v ?? 0));
  const x = (v: number) => LABEL + (PLOT * Math.max(0, Math.min(v, end))) / end;
  const group = series.length * BAR + GAP;
  const height = TOP + categories.length * group + 8;
  const width = LABEL + PLOT + VALUE;
  return (
    <figure className="ui-bars" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="ui-bars-title">
        {title}
      </figcaption>
      <ul className="ui-bars-legend">
        {series.map((s) => (
          <li key={s.key}>
            <span className="ui-bars-swatch" style={{ background: s.color }} aria-hidden="true" />
            {s.name}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby={`${id}-title`} className="ui-bars-svg">
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t}>
            <line x1={x(end * t)} x2={x(end * t)} y1={TOP - 4} y2={height - 8} className="ui-bars-grid" />
            <text x={x(end * t)} y={TOP - 8} textAnchor="middle" className="ui-bars-tick">
              {format(end * t)}
            </text>
          </g>
        ))}
        {categories.map((c, i) => {
          const y0 = TOP + i * group;
          return (
            <g key={c.key}>
              <text x={LABEL - 8} y={y0 + (series.length * BAR) / 2 + 4} textAnchor="end" className="ui-bars-label">
                {clip(c.label, 34)}
                {c.mark && (
                  <tspan className={`ui-bars-mark is-${c.markKind ?? 'note'}`} dx={6}>
                    {c.mark}
                  </tspan>
                )}
                <title>{c.label}</title>
              </text>
              {series.map((s, j) => {
                const v = values[i]?.[j] ?? null;
                const y = y0 + j * BAR;
                const said = `${c.label}, ${s.name}: ${v === null ? missing : format(v)}`;
                return (
                  <g key={s.key} className={onSelect ? 'ui-bars-bar is-clickable' : 'ui-bars-bar'} onClick={() => onSelect?.(i, j)}>
                    <title>{said}</title>
                    {v !== null && <rect x={LABEL} y={y + 1} width={Math.max(v > 0 ? 1.5 : 0, x(v) - LABEL)} height={BAR - 2} fill={s.color} />}
                    <text x={(v === null ? LABEL : x(v)) + 4} y={y + BAR - 2} className="ui-bars-value">
                      {v === null ? missing : format(v)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        {reference && (
          <g className="ui-bars-reference">
            <line x1={x(reference.value)} x2={x(reference.value)} y1={TOP - 4} y2={height - 8} />
            <text x={x(reference.value) + 4} y={height - 10}>
              {reference.label}
            </text>
          </g>
        )}
      </svg>
    </figure>
  );
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
