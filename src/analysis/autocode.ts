// Auto-coding: every hit of a text search, or every turn of a speaker, coded
// with one code by one coder, in one transaction. Ranges the coder already
// coded with the code are left as they are.

import type { CodeId, DocumentId, UserId } from '../core/model.ts';
import { foldWord } from '../core/text/fold.ts';
import type { Range } from '../core/text/ranges.ts';
import type { ProjectStore } from '../store/store.ts';
import { DocumentUnits, documentsInScope, searchDocuments, type DocumentScope, type SearchOptions } from './search.ts';

/** How far a hit is widened before it is coded. */
export type Widen = 'hit' | 'sentence' | 'paragraph' | 'turn';
export const WIDENINGS: readonly Widen[] = ['hit', 'sentence', 'paragraph', 'turn'];

export interface AutocodeTarget {
  codeId: CodeId;
  coderId: UserId;
}

export interface AutocodeResult {
  /** Documents with at least one range to code. */
  documents: number;
  /** Search hits, or turns of the speaker. */
  hits: number;
  /** Distinct ranges after widening (hits in one sentence make one range). */
  ranges: number;
  /** Codings made. */
  created: number;
  /** Ranges the coder had already coded with the code. */
  existing: number;
  /** Hits that could not be widened (to a turn, outside any turn). */
  skipped: number;
}

type Ranges = Map<DocumentId, Range[]>;

function widen(units: DocumentUnits, hit: Range, how: Widen): Range | null {
  switch (how) {
    case 'hit':
      return hit;
    case 'sentence':
      return units.sentenceOf(hit);
    case 'paragraph':
      return units.paragraphOf(hit);
    case 'turn': {
      const body = units.turnOf(hit)?.body;
      return body && body.start < body.end && body.start <= hit.start ? body : null;
    }
  }
}

const key = (documentId: DocumentId, r: Range) => `${documentId} ${r.start} ${r.end}`;

async function codeRanges(project: ProjectStore, target: AutocodeTarget, ranges: Ranges, hits: number, skipped: number): Promise<AutocodeResult> {
  const coded = new Set((await project.listCodings(target)).map((c) => key(c.documentId, c)));
  const result: AutocodeResult = { documents: 0, hits, ranges: 0, created: 0, existing: 0, skipped };
  for (const [documentId, list] of ranges) {
    const distinct = new Map(list.map((r) => [key(documentId, r), r]));
    if (distinct.size > 0) result.documents++;
    for (const [k, r] of distinct) {
      result.ranges++;
      if (coded.has(k)) {
        result.existing++;
        continue;
      }
      await project.applyCode({ documentId, start: r.start, end: r.end, ...target });
      result.created++;
    }
  }
  return result;
}

/** Codes every hit of `query` (widened as asked) with the code, as the coder. */
export async function autocodeSearch(
  project: ProjectStore,
  query: string,
  target: AutocodeTarget,
  options: SearchOptions & { widen?: Widen } = {},
): Promise<AutocodeResult> {
  return project.transaction(async (tx) => {
    const ranges: Ranges = new Map();
    let hits = 0;
    let skipped = 0;
    for await (const { document, units, hits: found } of searchDocuments(tx, query, options)) {
      const list: Range[] = [];
      for (const hit of found) {
        hits++;
        const range = widen(units, hit, options.widen ?? 'hit');
        if (range) list.push(range);
        else skipped++;
      }
      ranges.set(document.summary.id, list);
    }
    return codeRanges(tx, target, ranges, hits, skipped);
  });
}

/** Codes the words of every turn of `speaker` (its label left out; case and accents ignored) with the code. */
export async function autocodeSpeaker(project: ProjectStore, speaker: string, target: AutocodeTarget, scope: DocumentScope = {}): Promise<AutocodeResult> {
  const wanted = foldWord(speaker.trim());
  return project.transaction(async (tx) => {
    const ranges: Ranges = new Map();
    let hits = 0;
    for (const { summary } of await documentsInScope(tx, scope)) {
      const doc = await tx.getDocument(summary.id);
      if (!doc.turns.some((t) => foldWord(t.speaker) === wanted)) continue;
      const units = new DocumentUnits(doc);
      const bodies = units.turns.filter((t) => foldWord(t.speaker) === wanted && t.body.start < t.body.end).map((t) => t.body);
      hits += bodies.length;
      ranges.set(doc.id, bodies);
    }
    return codeRanges(tx, target, ranges, hits, 0);
  });
}
