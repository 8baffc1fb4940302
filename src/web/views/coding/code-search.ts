// Type-ahead over the codebook: accent- and case-insensitive, every typed word
// must occur in the code's path; matches on the name rank above path-only ones,
// recently used codes first among equals.

import type { Code } from '../../../core/model.ts';

export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export interface CodeEntry {
  code: Code;
  /** Ancestor names and the name, joined by " / ". */
  path: string;
  depth: number;
}

/** Codes in tree order (parents before children, siblings by position) with their paths. */
export function codeEntries(codes: readonly Code[]): CodeEntry[] {
  const ids = new Set(codes.map((c) => c.id));
  const children = new Map<string | null, Code[]>();
  for (const c of codes) {
    const key = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    children.set(key, [...(children.get(key) ?? []), c]);
  }
  const out: CodeEntry[] = [];
  const walk = (parent: string | null, prefix: string, depth: number) => {
    const list = (children.get(parent) ?? []).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
    for (const c of list) {
      const path = prefix ? `${prefix} / ${c.name}` : c.name;
      out.push({ code: c, path, depth });
      walk(c.id, path, depth + 1);
    }
  };
  walk(null, '', 0);
  return out;
}

/** Codable codes matching `query`, best first; an empty query lists recent codes, then the codebook. */
export function searchCodes(entries: readonly CodeEntry[], query: string, recent: readonly string[] = [], limit = 50): CodeEntry[] {
  const rank = (id: string) => {
    const r = recent.indexOf(id);
    return r < 0 ? recent.length : r;
  };
  const codable = entries.filter((e) => e.code.codable);
  const q = fold(query).trim();
  if (!q) {
    const order = new Map(codable.map((e, i) => [e.code.id, i]));
    return [...codable].sort((a, b) => rank(a.code.id) - rank(b.code.id) || order.get(a.code.id)! - order.get(b.code.id)!).slice(0, limit);
  }
  const words = q.split(/\s+/);
  const scored: { entry: CodeEntry; score: number }[] = [];
  for (const entry of codable) {
    const name = fold(entry.code.name);
    const path = fold(entry.path);
    if (!words.every((w) => path.includes(w))) continue;
    const score = name.startsWith(q) ? 0 : new RegExp(`(^|[^\\p{L}\\p{N}])${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u').test(name) ? 1 : words.every((w) => name.includes(w)) ? 2 : 3;
    scored.push({ entry, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || rank(a.entry.code.id) - rank(b.entry.code.id) || a.entry.path.localeCompare(b.entry.path))
    .slice(0, limit)
    .map((s) => s.entry);
}
