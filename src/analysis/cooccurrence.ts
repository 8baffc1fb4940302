// Co-occurrence: for each pair of codes, how many pairs of their passages overlap
// (share a code point) or, with `within`, lie at most that many code points apart.
// Passages are distinct segments per code, so a passage coded by two coders counts once;
// one segment coded with both codes is one co-occurring pair. Found by one sweep per document.

import type { CodeId, UserId } from '../core/model.ts';
import type { PassagePair, RetrievedSegment } from '../core/read-models.ts';
import { forEachSortedSelfPair, overlappingPairs, pairsWithin } from '../core/text/ranges.ts';
import { retrieveSegments } from './retrieval.ts';
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

/** Each code's passages (distinct segments, as co-occurrence counts them) per document. */
function passagesByDocument(segments: readonly RetrievedSegment[]): Map<string, RetrievedSegment[]> {
  const bySegment = new Map(segments.map((r) => [r.coding.segmentId, r]));
  const out = new Map<string, RetrievedSegment[]>();
  for (const r of bySegment.values()) out.set(r.document.id, [...(out.get(r.document.id) ?? []), r]);
  return out;
}

/** Drill-down: the co-occurring pairs of passages behind one count, as many as the count. */
export async function cooccurringPairs(
  project: ProjectStore,
  a: CodeId,
  b: CodeId,
  options: { within?: number; coderId?: UserId; siteId?: string; attribute?: { name: string; value: string } },
): Promise<PassagePair[]> {
  const scope = { ...(options.coderId ? { coderId: options.coderId } : {}), ...(options.siteId ? { siteId: options.siteId } : {}), ...(options.attribute ? { attribute: options.attribute } : {}) };
  const [of, with_] = await Promise.all([retrieveSegments(project, a, scope), retrieveSegments(project, b, scope)]);
  const second = passagesByDocument(with_);
  const pairs: PassagePair[] = [];
  for (const [documentId, first] of passagesByDocument(of)) {
    const other = second.get(documentId) ?? [];
    const ranges = (list: RetrievedSegment[]) => list.map((r) => r.coding);
    const found = options.within === undefined ? overlappingPairs(ranges(first), ranges(other)) : pairsWithin(ranges(first), ranges(other), options.within);
    for (const [i, j] of found) pairs.push({ a: first[i]!, b: other[j]! });
  }
  return pairs.sort((x, y) => x.a.document.name.localeCompare(y.a.document.name) || x.a.coding.start - y.a.coding.start || x.b.coding.start - y.b.coding.start);
}
