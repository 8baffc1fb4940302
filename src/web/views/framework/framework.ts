// The framework view's rules: how a pre-fill joins text already typed, whether a
// draft differs from what is saved, and a row or column read as a list.

import type { FrameworkView, FrameworkViewCell } from '../../../analysis/framework.ts';

export interface CellDraft {
  summary: string;
  linked: readonly string[];
}

/** The pre-filled quotes after what the analyst has typed, never instead of it. */
export function withPrefill(typed: string, quotes: string): string {
  if (!typed.trim()) return quotes;
  if (!quotes) return typed;
  return `${typed.replace(/\s+$/, '')}\n\n${quotes}`;
}

/** Linked segments plus new ones, each once, in the order first seen. */
export const withLinks = (linked: readonly string[], more: readonly string[]): string[] => [...new Set([...linked, ...more])];

export function sameDraft(a: CellDraft, b: CellDraft): boolean {
  if (a.summary !== b.summary || a.linked.length !== b.linked.length) return false;
  const other = new Set(b.linked);
  return a.linked.every((id) => other.has(id));
}

export interface ReadingItem {
  label: string;
  cell: FrameworkViewCell;
}

/** A row (vertical analysis: one case across themes) or a column (horizontal: one theme across cases). */
export function reading(view: FrameworkView, along: { row: number } | { column: number }): ReadingItem[] {
  if ('row' in along) return view.themes.map((theme, j) => ({ label: theme.path, cell: view.cells[along.row]![j]! }));
  return view.rows.map((row, i) => ({ label: row.name, cell: view.cells[i]![along.column]! }));
}

/** The theme's own name: the last part of its path. */
export const themeName = (path: string) => path.split('/').at(-1) ?? path;
