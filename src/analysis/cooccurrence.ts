// Co-occurrence: for each pair of codes, how many pairs of their passages overlap
// (share a code point) or, with `within`, lie at most that many code points apart.
// Passages are distinct segments per code, so a passage coded by two coders counts once;
// one segment coded with both codes is one co-occurring pair. Found by one sweep per document.

import type { CodeId } from '../core/model.ts';
import { forEachSortedSelfPair } from '../core/text/ranges.ts';
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
  const present = new Set(passages.codeIds);
  const codeIds = options.codeIds ?? study.codes.map((c) => c.id).filter((id) => present.has(id));
  const indexOf = new Map(codeIds.map((id, i) => [id, i]));
  const n = codeIds.length;
  // The store numbers codes its own way: ours[its index] is the matrix row, -1 for a code left out.
  const ours = Int32Array.from(passages.codeIds, (id) => indexOf.get(id) ?? -1);
  const counts = new Float64Array(n * n);

  for (const { documentId, starts, ends, codes } of passages.documents) {
    if (!scoped.has(documentId)) continue;
    for (const code of codes) if (ours[code]! >= 0) counts[ours[code]! * (n + 1)]!++;
    forEachSortedSelfPair(starts, ends, options.within, (i, j) => {
      const a = ours[codes[i]!]!;
      const b = ours[codes[j]!]!;
      if (a === b || a < 0 || b < 0) return;
      counts[a * n + b]!++;
      counts[b * n + a]!++;
    });
  }

  const codes = codeIds.map((codeId) => ({ codeId, path: study.codePath(codeId) }));
  const pairs: CooccurrencePair[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (counts[i * n + j]! > 0) pairs.push({ a: codes[i]!, b: codes[j]!, count: counts[i * n + j]! });
  pairs.sort((x, y) => y.count - x.count || x.a.path.localeCompare(y.a.path) || x.b.path.localeCompare(y.b.path));
  const matrix = Array.from({ length: n }, (_, i) => Array.from(counts.subarray(i * n, (i + 1) * n)));
  return { codes, counts: matrix, pairs: pairs.slice(0, options.top ?? 20) };
}
