// Co-occurrence: for each pair of codes, how many pairs of their passages overlap
// (share a code point) or, with `within`, lie at most that many code points apart.
// Passages are distinct segments per code, so a passage coded by two coders counts once;
// one segment coded with both codes is one co-occurring pair. Found by one sweep per document.

import type { CodeId } from '../core/model.ts';
import { selfPairs } from '../core/text/ranges.ts';
import type { ProjectStore } from '../store/store.ts';
import { documentsInScope, loadStudy, type Scope } from './scope.ts';

export interface CooccurrenceOptions extends Scope {
  /** Codes to compare; default every code with codings in scope. */
  codeIds?: CodeId[];
  within?: number;
  /** Strongest pairs to list; default 20. */
  top?: number;
}

export interface CooccurrencePair {
  a: { codeId: CodeId; path: string };
  b: { codeId: CodeId; path: string };
  count: number;
}

export interface CooccurrenceResult {
  codes: { codeId: CodeId; path: string }[];
  /** counts[i][j]: co-occurring passage pairs of codes i and j; counts[i][i]: passages of code i. */
  counts: number[][];
  pairs: CooccurrencePair[];
}

export async function cooccurrence(project: ProjectStore, options: CooccurrenceOptions = {}): Promise<CooccurrenceResult> {
  const study = await loadStudy(project);
  const inScope = documentsInScope(study, options);
  const scoped = new Set(inScope.map((d) => d.id));
  const passages = await project.codedPassages({
    ...(options.codeIds ? { codeIds: options.codeIds } : {}),
    ...(options.coderId ? { coderId: options.coderId } : {}),
  });
  const present = new Set(passages.map((k) => k.codeId));
  const codeIds = options.codeIds ?? study.codes.map((c) => c.id).filter((id) => present.has(id));
  const indexOf = new Map(codeIds.map((id, i) => [id, i]));
  const n = codeIds.length;
  const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));

  const byDocument = new Map<string, { start: number; end: number; code: number }[]>();
  for (const k of passages) {
    const code = indexOf.get(k.codeId);
    if (code === undefined || !scoped.has(k.documentId)) continue;
    const list = byDocument.get(k.documentId) ?? [];
    if (list.length === 0) byDocument.set(k.documentId, list);
    list.push({ start: k.start, end: k.end, code });
    counts[code]![code]!++;
  }
  for (const inDocument of byDocument.values()) {
    for (const [i, j] of selfPairs(inDocument, options.within)) {
      const a = inDocument[i]!.code;
      const b = inDocument[j]!.code;
      if (a === b) continue;
      counts[a]![b]!++;
      counts[b]![a]!++;
    }
  }

  const codes = codeIds.map((codeId) => ({ codeId, path: study.codePath(codeId) }));
  const pairs: CooccurrencePair[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (counts[i]![j]! > 0) pairs.push({ a: codes[i]!, b: codes[j]!, count: counts[i]![j]! });
  pairs.sort((x, y) => y.count - x.count || x.a.path.localeCompare(y.a.path) || x.b.path.localeCompare(y.b.path));
  return { codes, counts, pairs: pairs.slice(0, options.top ?? 20) };
}
