// Retrieved segments in reading order, and what the count line says about them.

import type { RetrievedSegment } from '../../../core/read-models.ts';

/** Site, then document, then position in the document; one coder after the other at the same place. */
export function readingOrder(segments: readonly RetrievedSegment[], compare: (a: string, b: string) => number): RetrievedSegment[] {
  return [...segments].sort(
    (a, b) =>
      Number(!a.site) - Number(!b.site) ||
      compare(a.site?.name ?? '', b.site?.name ?? '') ||
      compare(a.document.name, b.document.name) ||
      a.coding.start - b.coding.start ||
      a.coding.end - b.coding.end ||
      compare(a.coding.coderId, b.coding.coderId),
  );
}

export interface Reach {
  codings: number;
  segments: number;
  documents: number;
  cases: number;
}

/** Distinct segments (a passage two coders coded counts once), documents and cases. */
export function reach(segments: readonly RetrievedSegment[]): Reach {
  return {
    codings: segments.length,
    segments: new Set(segments.map((s) => s.coding.segmentId)).size,
    documents: new Set(segments.map((s) => s.document.id)).size,
    cases: new Set(segments.flatMap((s) => (s.case ? [s.case.id] : []))).size,
  };
}

export interface Passage {
  /** The first coding of the passage: its document, case, site, text and context. */
  first: RetrievedSegment;
  coderIds: string[];
  codeIds: string[];
}

/** One passage per segment, listing every coder and code on it (input in reading order; order kept). */
export function passages(ordered: readonly RetrievedSegment[]): Passage[] {
  const bySegment = new Map<string, Passage>();
  for (const s of ordered) {
    const had = bySegment.get(s.coding.segmentId);
    if (!had) bySegment.set(s.coding.segmentId, { first: s, coderIds: [s.coding.coderId], codeIds: [s.coding.codeId] });
    else {
      if (!had.coderIds.includes(s.coding.coderId)) had.coderIds.push(s.coding.coderId);
      if (!had.codeIds.includes(s.coding.codeId)) had.codeIds.push(s.coding.codeId);
    }
  }
  return [...bySegment.values()];
}
