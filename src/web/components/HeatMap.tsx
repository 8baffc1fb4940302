// A heat map as a real <table>: every cell shows its number (colour is never the
// only carrier), is a button that opens what it counts, and is reached by Tab
// once and then the arrow keys (one roving tab stop); a legend reads the colours.

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { heatColor, heatText } from './heat.ts';
import './charts.css';

export interface HeatMapRow {
  key: string;
  label: string;
  /** Indent (a code under a category). */
  depth?: number;
  /** Shown after the label, smaller. */
  detail?: string;
}

export interface HeatMapColumn {
  key: string;
  label: string;
  detail?: string;
}

export interface HeatMapCell {
  row: number;
  column: number;
}

export interface HeatMapProps {
  caption: string;
  /** Caption for screen readers only (a heading already names it). */
  hideCaption?: boolean;
  rows: HeatMapRow[];
  columns: HeatMapColumn[];
  /** values[row][column]: what the colour shows; null for no value. */
  values: (number | null)[][];
  /** What a cell says (default: the value); e.g. "4 (50 %)". */
  cellText(row: number, column: number): string;
  /** The cell for a screen reader: row, column and the number in words. */
  cellLabel(row: number, column: number): string;
  /** Totals, shown as a last column and a last row, uncoloured. */
  totals?: { label: string; rows?: ReactNode[]; columns?: ReactNode[]; all?: ReactNode };
  /** What the colour scale measures, and how its ends read. */
  legend: { label: string; format(n: number): string };
  selected?: HeatMapCell | null;
  onSelect?(cell: HeatMapCell): void;
  /** The corner header (what the rows are). */
  corner: string;
}

export function HeatMap({ caption, hideCaption, rows, columns, values, cellText, cellLabel, totals, legend, selected, onSelect, corner }: HeatMapProps) {
  const id = useId();
  const table = useRef<HTMLTableElement>(null);
  const [focus, setFocus] = useState<HeatMapCell>({ row: 0, column: 0 });
  const max = Math.max(0, ...values.flat().map((v) => v ?? 0));

  const moveTo = (row: number, column: number) => {
    const next = { row: Math.max(0, Math.min(rows.length - 1, row)), column: Math.max(0, Math.min(columns.length - 1, column)) };
    setFocus(next);
    table.current?.querySelector<HTMLButtonElement>(`[data-cell="${next.row}:${next.column}"]`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, row: number, column: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, column],
      ArrowDown: [row + 1, column],
      ArrowLeft: [row, column - 1],
      ArrowRight: [row, column + 1],
      Home: [row, 0],
      End: [row, columns.length - 1],
      PageUp: [0, column],
      PageDown: [rows.length - 1, column],
    };
    const to = moves[e.key];
    if (!to) return;
    e.preventDefault();
    moveTo(to[0], to[1]);
  };

  return (
    <div className="ui-heat">
      <div className="ui-heat-scroll">
        <table ref={table} className="ui-heat-table" aria-describedby={`${id}-legend`}>
          <caption className={hideCaption ? 'ui-visually-hidden' : undefined}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="ui-heat-corner">
                {corner}
              </th>
              {columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                  {c.detail && <span className="ui-heat-detail">{c.detail}</span>}
                </th>
              ))}
              {totals?.rows && (
                <th scope="col" className="ui-heat-total">
                  {totals.label}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.key}>
                <th scope="row" style={{ paddingInlineStart: `${0.5 + (r.depth ?? 0) * 1.1}rem` }}>
                  {r.label}
                  {r.detail && <span className="ui-heat-detail">{r.detail}</span>}
                </th>
                {columns.map((c, j) => {
                  const value = values[i]?.[j] ?? null;
                  const isSelected = selected?.row === i && selected.column === j;
                  return (
                    <td key={c.key} className="ui-heat-cell">
                      <button
                        type="button"
                        data-cell={`${i}:${j}`}
                        tabIndex={focus.row === i && focus.column === j ? 0 : -1}
                        aria-label={cellLabel(i, j)}
                        aria-pressed={onSelect ? isSelected : undefined}
                        className={isSelected ? 'is-selected' : undefined}
                        style={{ background: heatColor(value, max), color: heatText(value, max) }}
                        onFocus={() => setFocus({ row: i, column: j })}
                        onKeyDown={(e) => onKeyDown(e, i, j)}
                        onClick={() => onSelect?.({ row: i, column: j })}
                      >
                        {cellText(i, j)}
                      </button>
                    </td>
                  );
                })}
                {totals?.rows && <td className="ui-heat-total">{totals.rows[i]}</td>}
              </tr>
            ))}
          </tbody>
          {totals?.columns && (
            <tfoot>
              <tr>
                <th scope="row">{totals.label}</th>
                {columns.map((c, j) => (
                  <td key={c.key} className="ui-heat-total">
                    {totals.columns![j]}
                  </td>
                ))}
                {totals.rows && <td className="ui-heat-total">{totals.all}</td>}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      <HeatLegend id={`${id}-legend`} label={legend.label} low={legend.format(0)} high={legend.format(max)} />
    </div>
  );
}

/** The colour scale from nothing to the largest value, with both ends in numbers. */
export function HeatLegend({ id, label, low, high }: { id?: string; label: string; low: string; high: string }) {
  const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => `${heatColor(t, 1)} ${t * 100}%`).join(', ');
  return (
    <div className="ui-heat-legend" id={id}>
      <span>{label}</span>
      <span className="ui-heat-legend-end">{low}</span>
      <span className="ui-heat-legend-bar" style={{ background: `linear-gradient(to right, ${stops})` }} aria-hidden="true" />
      <span className="ui-heat-legend-end">{high}</span>
    </div>
  );
}
