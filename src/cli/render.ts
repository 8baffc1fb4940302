// Plain-text renderings for the terminal. Machine-readable output is --json.

import type { TreeNode } from '../core/invariants/tree.ts';

/** Indents each node under its parent, in the order given (parents before children). */
export function renderTree<T extends TreeNode>(nodes: readonly T[], label: (node: T) => string): string {
  const children = new Map<string | null, T[]>();
  for (const n of nodes) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const lines: string[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const n of children.get(parent) ?? []) {
      lines.push(`${'  '.repeat(depth)}${label(n)}`);
      walk(n.id, depth + 1);
    }
  };
  walk(null, 0);
  return lines.join('\n');
}

/** Two aligned columns. */
export function renderPairs(pairs: readonly (readonly [string, string | number])[]): string {
  const width = Math.max(0, ...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

/** A table with a header row, columns padded to their widest cell. */
export function renderTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]?.length ?? 0)));
  return cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')).join('\n');
}
