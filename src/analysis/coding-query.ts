// Coding queries: Boolean combinations of codes over coded passages, per document.
// A code stands for itself and its sub-codes; its passages are its distinct segments
// (one passage however many coders coded it). Every result lies inside some coded
// segment, so its text is cut from that segment's quote.
//   A AND B     the overlaps of A's and B's passages
//   A OR B      the passages of either
//   A NOT B     A's passages without the code points B covers
//   A NEAR B    A's passages with a B passage within N code points, or in the same paragraph or turn
//   A INSIDE B  A's passages that lie within a B passage

import type { CaseId, CodeId, CodingId, DocumentId } from '../core/model.ts';
import type { CaseRef } from '../core/read-models.ts';
import { contains, difference, intersect, normalize, overlappingPairs, pairsWithin, type Range } from '../core/text/ranges.ts';
import { sameUnitPairs } from '../core/analysis/units.ts';
import { paragraphRanges } from '../core/text/sentences.ts';
import { isInterviewerLabel } from '../core/text/speakers.ts';
import { codesOf, type QueryExpr } from '../core/analysis/query-syntax.ts';
import { CodePointIndex, sliceCodePoints } from '../core/text/offsets.ts';
import type { ProjectStore } from '../store/store.ts';
import { documentsInScope, loadStudy, type Scope } from './scope.ts';

export type CodingExpr = QueryExpr<CodeId>;

export interface CodingQueryOptions extends Scope {
  /** Leave out the code points of interviewer turns. */
  excludeInterviewer?: boolean;
}

export interface QueryHit {
  document: { id: DocumentId; name: string };
  case: CaseRef | null;
  site: CaseRef | null;
  start: number;
  end: number;
  text: string;
  /** The codings behind the passage (of every operand that matched). */
  codingIds: CodingId[];
}

export interface CodingQueryResult {
  hits: QueryHit[];
  documents: number;
  cases: number;
}

/** A passage while evaluating: its range, its codings, and a segment containing it (for its text). */
interface Passage extends Range {
  codingIds: CodingId[];
  source: { start: number; exact: string };
}

type PerDocument = Map<DocumentId, Passage[]>;

/** Identical ranges become one passage with the codings of both. */
function dedupe(passages: Passage[]): Passage[] {
  const byRange = new Map<string, Passage>();
  for (const p of passages) {
    const key = `${p.start}:${p.end}`;
    const seen = byRange.get(key);
    if (seen) seen.codingIds = [...new Set([...seen.codingIds, ...p.codingIds])];
    else byRange.set(key, { ...p, codingIds: [...p.codingIds] });
  }
  return [...byRange.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

const merged = (...lists: CodingId[][]) => [...new Set(lists.flat())];

interface DocumentUnits {
  paragraph(id: DocumentId): Promise<Range[]>;
  turn(id: DocumentId): Promise<Range[]>;
}

async function combine(expr: Exclude<CodingExpr, { code: CodeId }>, left: PerDocument, right: PerDocument, units: DocumentUnits): Promise<PerDocument> {
  const out: PerDocument = new Map();
  if (expr.op === 'or') {
    for (const id of new Set([...left.keys(), ...right.keys()])) out.set(id, dedupe([...(left.get(id) ?? []), ...(right.get(id) ?? [])]));
    return out;
  }
  for (const [id, a] of left) {
    const b = right.get(id) ?? [];
    let result: Passage[];
    if (expr.op === 'not') {
      const cut = normalize(b);
      const cuts = new Map<number, Range[]>();
      for (const [i, j] of overlappingPairs(a, cut)) cuts.set(i, [...(cuts.get(i) ?? []), cut[j]!]);
      result = a.flatMap((p, i) => difference([p], cuts.get(i) ?? []).map((r) => ({ ...p, ...r })));
    } else if (expr.op === 'and') {
      result = overlappingPairs(a, b).map(([i, j]) => ({ ...a[i]!, ...intersect(a[i]!, b[j]!)!, codingIds: merged(a[i]!.codingIds, b[j]!.codingIds) }));
    } else {
      let pairs: [number, number][];
      if (expr.op === 'near') {
        const near = expr.near;
        pairs = 'within' in near ? pairsWithin(a, b, near.within) : sameUnitPairs(await units[near.unit](id), a, b);
      } else pairs = overlappingPairs(a, b).filter(([i, j]) => contains(b[j]!, a[i]!));
      const matched = new Map<number, CodingId[]>();
      for (const [i, j] of pairs) matched.set(i, merged(matched.get(i) ?? a[i]!.codingIds, b[j]!.codingIds));
      result = [...matched].map(([i, codingIds]) => ({ ...a[i]!, codingIds }));
    }
    result = dedupe(result);
    if (result.length) out.set(id, result);
  }
  return out;
}

export async function codingQuery(project: ProjectStore, expr: CodingExpr, options: CodingQueryOptions = {}): Promise<CodingQueryResult> {
  const study = await loadStudy(project);
  const inScope = documentsInScope(study, options);
  const scoped = new Set(inScope.map((d) => d.id));
  const leafCodes = [...new Set(codesOf(expr))];
  const wanted = [...new Set(leafCodes.flatMap((c) => study.subtree(c)))];
  const codings = (
    await project.quotedCodingRanges({
      codeIds: wanted,
      ...(options.coderId ? { coderId: options.coderId } : {}),
      ...(inScope.length < study.documents.length ? { documentIds: [...scoped] } : {}),
    })
  ).filter((k) => scoped.has(k.documentId));

  // Texts are read only for documents that need paragraphs or turns.
  const texts = new Map<DocumentId, Promise<{ text: string; turns: { speaker: string; start: number; end: number }[] }>>();
  const read = (id: DocumentId) => {
    if (!texts.has(id)) texts.set(id, project.getDocument(id));
    return texts.get(id)!;
  };
  const units: DocumentUnits = {
    paragraph: async (id) => paragraphRanges(new CodePointIndex((await read(id)).text)),
    turn: async (id) => (await read(id)).turns.map((t) => ({ start: t.start, end: t.end })),
  };

  const leaves = new Map<CodeId, PerDocument>();
  for (const code of leafCodes) {
    const codes = new Set(study.subtree(code));
    const perDocument: PerDocument = new Map();
    for (const k of codings) {
      if (!codes.has(k.codeId)) continue;
      const list = perDocument.get(k.documentId) ?? [];
      list.push({ start: k.start, end: k.end, codingIds: [k.id], source: { start: k.start, exact: k.exact } });
      perDocument.set(k.documentId, list);
    }
    for (const [id, list] of perDocument) perDocument.set(id, dedupe(list));
    if (options.excludeInterviewer) {
      for (const [id, list] of perDocument) {
        const asked = (await read(id)).turns.filter((t) => isInterviewerLabel(t.speaker));
        perDocument.set(id, list.flatMap((p) => difference([p], asked).map((r) => ({ ...p, ...r }))));
      }
    }
    leaves.set(code, perDocument);
  }

  const evaluate = async (e: CodingExpr): Promise<PerDocument> =>
    'code' in e ? leaves.get(e.code)! : combine(e, await evaluate(e.left), await evaluate(e.right), units);
  const result = await evaluate(expr);

  const hits: QueryHit[] = [];
  const cases = new Set<CaseId>();
  for (const d of inScope.filter((x) => result.has(x.id)).sort((x, y) => x.name.localeCompare(y.name))) {
    if (d.caseId) cases.add(d.caseId);
    for (const p of result.get(d.id)!) {
      hits.push({
        document: { id: d.id, name: d.name },
        case: study.caseRef(d.caseId),
        site: study.tree.enclosing(d.caseId, 'site'),
        start: p.start,
        end: p.end,
        text: sliceCodePoints(p.source.exact, p.start - p.source.start, p.end - p.source.start),
        codingIds: p.codingIds.sort(),
      });
    }
  }
  return { hits, documents: new Set(hits.map((h) => h.document.id)).size, cases: cases.size };
}
