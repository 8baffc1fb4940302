// Intercoder agreement in a project: how consistently two or more coders applied
// each code, per code and overall, and where they disagree (for a UI to jump to).
//
// Units of comparison:
// - character: every code point of the compared documents is, for each code, coded
//   or not by each coder. Text nobody coded counts as agreement, which inflates
//   agreement when most text is uncoded; `onlyCoded` counts only characters at least
//   one coder coded with the code (kappa and alpha then cannot exceed 0 for two
//   coders: nobody-coded units are gone). Also gives Krippendorff's unitizing alpha per code,
//   the documents laid end to end as one continuum.
// - segment: the passages coders marked, each coder's passages matched to the
//   others' when overlap/union ≥ `overlap` (greedy, best overlaps first, at most one
//   passage per coder in a match). For each code, a coder's value on a passage is
//   whether they applied that code to it; a passage only one coder marked is a
//   disagreement for each code on it. `onlyCoded`: only passages someone coded with the code.
// - document: a code is present in a document for a coder who applied it anywhere in it.
//
// Statistics are nominal (coded / not coded): percent agreement, Cohen's kappa for
// two coders, Fleiss' kappa for three or more, and Krippendorff's alpha always.
// "Overall" pools every (unit, code) decision of all compared codes.

import type { CodeId, CodedSegment, DocumentId, DocumentSummary, UserId } from '../core/model.ts';
import { invalid, notFound } from '../core/errors.ts';
import { PATH_SEPARATOR, pathsOf, subtreeOf } from '../core/invariants/tree.ts';
import type { CountTable } from '../core/stats/data.ts';
import type { Result } from '../core/stats/result.ts';
import { undefinedResult } from '../core/stats/result.ts';
import { percentAgreement, type PercentAgreement } from '../core/stats/percent-agreement.ts';
import { cohenKappaFromTable, type CohenKappa } from '../core/stats/cohen-kappa.ts';
import { fleissKappa, type FleissKappa } from '../core/stats/fleiss-kappa.ts';
import { krippendorffAlpha, type KrippendorffAlpha } from '../core/stats/krippendorff-alpha.ts';
import { unitizingAlpha, type Interval, type UnitizingAlpha } from '../core/stats/unitizing-alpha.ts';
import type { ProjectStore } from '../store/store.ts';

export type AgreementUnit = 'character' | 'segment' | 'document';
export const AGREEMENT_UNITS: readonly AgreementUnit[] = ['character', 'segment', 'document'];
export const DEFAULT_OVERLAP = 0.5;

export interface AgreementOptions {
  coderIds: readonly UserId[];
  /** Codes to compare; a category stands for the codes under it. Default: every code the coders applied in the documents. */
  codeIds?: readonly CodeId[];
  /** Default: every document each of the coders coded. */
  documentIds?: readonly DocumentId[];
  unit?: AgreementUnit;
  onlyCoded?: boolean;
  /** Segment level: the overlap/union two passages need to be the same passage. */
  overlap?: number;
}

export interface AgreementStatistics {
  /** Units compared: characters, passages or documents (summed over codes for the overall figures). */
  units: number;
  /** Units each coder coded. */
  codedBy: { coderId: UserId; units: number }[];
  percentAgreement: Result<PercentAgreement>;
  /** Two coders only. */
  cohenKappa: Result<CohenKappa> | null;
  /** Three or more coders only. */
  fleissKappa: Result<FleissKappa> | null;
  krippendorffAlpha: Result<KrippendorffAlpha>;
}

export interface CodeAgreement extends AgreementStatistics {
  codeId: CodeId;
  code: string;
  /** Character level only. */
  unitizingAlpha: Result<UnitizingAlpha> | null;
}

/** A stretch where the coders did not all do the same with a code. */
export interface Disagreement {
  documentId: DocumentId;
  document: string;
  start: number;
  end: number;
  codeId: CodeId;
  code: string;
  codedBy: UserId[];
  notCodedBy: UserId[];
}

export interface AgreementReport {
  unit: AgreementUnit;
  onlyCoded: boolean;
  overlap: number | null;
  coders: { id: UserId; name: string }[];
  documents: { id: DocumentId; name: string; length: number }[];
  skippedDocuments: { id: DocumentId; name: string; reason: string }[];
  overall: AgreementStatistics;
  codes: CodeAgreement[];
  disagreements: Disagreement[];
  notes: string[];
}

/** Weight of each coding pattern: bit i set when coder i coded the unit. */
type Patterns = Map<number, number>;

function add(patterns: Patterns, mask: number, weight: number): void {
  if (weight > 0) patterns.set(mask, (patterns.get(mask) ?? 0) + weight);
}

const bitCount = (mask: number): number => {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
};

function statistics(patterns: Patterns, coderIds: readonly UserId[]): AgreementStatistics {
  const m = coderIds.length;
  const table: CountTable = {
    categories: ['not coded', 'coded'],
    rows: [...patterns].map(([mask, times]) => ({ counts: [m - bitCount(mask), bitCount(mask)], times })),
  };
  const weights = [...patterns.values()];
  const units = weights.reduce((a, b) => a + b, 0);
  const codedBy = coderIds.map((coderId, i) => ({
    coderId,
    units: [...patterns].reduce((s, [mask, w]) => s + (mask & (1 << i) ? w : 0), 0),
  }));
  const cell = (mask: number) => patterns.get(mask) ?? 0;
  return {
    units,
    codedBy,
    percentAgreement: percentAgreement(table),
    // Rows: the first coder (not coded, coded); columns: the second.
    cohenKappa: m === 2 ? cohenKappaFromTable([[cell(0), cell(2)], [cell(1), cell(3)]]) : null,
    fleissKappa: m >= 3 ? fleissKappa(table) : null,
    krippendorffAlpha: krippendorffAlpha(table, 'nominal'),
  };
}

interface Comparison {
  patterns: Patterns;
  disagreements: Omit<Disagreement, 'codeId' | 'code'>[];
}

interface Doc {
  summary: DocumentSummary;
  /** Per coder, per code: the coded ranges. */
  ranges: Map<CodeId, Interval[]>[];
}

const coderSplit = (mask: number, coderIds: readonly UserId[]) => ({
  codedBy: coderIds.filter((_, i) => mask & (1 << i)),
  notCodedBy: coderIds.filter((_, i) => !(mask & (1 << i))),
});

/** Character level, one code: a sweep over the coders' range boundaries. */
function compareCharacters(docs: readonly Doc[], codeId: CodeId, coderIds: readonly UserId[], onlyCoded: boolean): Comparison {
  const full = (1 << coderIds.length) - 1;
  const patterns: Patterns = new Map();
  const disagreements: Comparison['disagreements'] = [];
  for (const doc of docs) {
    const events: { at: number; coder: number; step: number }[] = [];
    doc.ranges.forEach((byCode, coder) => {
      for (const r of byCode.get(codeId) ?? []) events.push({ at: r.start, coder, step: 1 }, { at: r.end, coder, step: -1 });
    });
    events.sort((a, b) => a.at - b.at);
    const depth = new Array<number>(coderIds.length).fill(0);
    let at = 0;
    let covered = 0;
    for (let e = 0; e < events.length; ) {
      const next = events[e]!.at;
      const mask = depth.reduce((acc, d, i) => (d > 0 ? acc | (1 << i) : acc), 0);
      if (mask !== 0 && next > at) {
        add(patterns, mask, next - at);
        covered += next - at;
        if (mask !== full) {
          const last = disagreements.at(-1);
          const split = coderSplit(mask, coderIds);
          // Adjacent stretches with the same coders make one disagreement.
          if (last && last.documentId === doc.summary.id && last.end === at && last.codedBy.join() === split.codedBy.join()) last.end = next;
          else disagreements.push({ documentId: doc.summary.id, document: doc.summary.name, start: at, end: next, ...split });
        }
      }
      for (; e < events.length && events[e]!.at === next; e++) depth[events[e]!.coder]! += events[e]!.step;
      at = next;
    }
    if (!onlyCoded) add(patterns, 0, doc.summary.length - covered);
  }
  return { patterns, disagreements };
}

/** The documents end to end as one continuum, each coder's ranges of the code on it. */
function unitizing(docs: readonly Doc[], codeId: CodeId, coders: number): Result<UnitizingAlpha> {
  const length = docs.reduce((s, d) => s + d.summary.length, 0);
  if (length === 0) return undefinedResult('the documents have no text');
  const intervals: Interval[][] = Array.from({ length: coders }, () => []);
  let offset = 0;
  for (const doc of docs) {
    doc.ranges.forEach((byCode, coder) => {
      for (const r of byCode.get(codeId) ?? []) intervals[coder]!.push({ start: offset + r.start, end: offset + r.end });
    });
    offset += doc.summary.length;
  }
  return unitizingAlpha({ start: 0, end: length }, intervals);
}

interface Passage extends Interval {
  coder: number;
  codes: Set<CodeId>;
}

/** Segment level: each document's passages matched across coders. */
function matchPassages(docs: readonly Doc[], overlap: number): Map<DocumentId, Passage[][]> {
  const result = new Map<DocumentId, Passage[][]>();
  for (const doc of docs) {
    const passages: Passage[] = [];
    doc.ranges.forEach((byCode, coder) => {
      const byRange = new Map<string, Passage>();
      for (const [codeId, ranges] of byCode) {
        for (const r of ranges) {
          const key = `${r.start}:${r.end}`;
          const p = byRange.get(key) ?? { ...r, coder, codes: new Set<CodeId>() };
          p.codes.add(codeId);
          byRange.set(key, p);
        }
      }
      passages.push(...byRange.values());
    });
    const pairs: { a: number; b: number; score: number }[] = [];
    for (let a = 0; a < passages.length; a++) {
      for (let b = a + 1; b < passages.length; b++) {
        const [p, q] = [passages[a]!, passages[b]!];
        if (p.coder === q.coder) continue;
        const shared = Math.min(p.end, q.end) - Math.max(p.start, q.start);
        const score = shared > 0 ? shared / (Math.max(p.end, q.end) - Math.min(p.start, q.start)) : 0;
        if (score > 0 && score >= overlap) pairs.push({ a, b, score });
      }
    }
    pairs.sort((x, y) => y.score - x.score || passages[x.a]!.start - passages[y.a]!.start);
    // Greedy single linkage: join two groups when no coder would appear twice.
    const group = passages.map((_, i) => i);
    const members = new Map(passages.map((p, i) => [i, [p]]));
    const root = (i: number): number => (group[i] === i ? i : (group[i] = root(group[i]!)));
    for (const { a, b } of pairs) {
      const [ra, rb] = [root(a), root(b)];
      if (ra === rb) continue;
      const [ma, mb] = [members.get(ra)!, members.get(rb)!];
      if (ma.some((p) => mb.some((q) => q.coder === p.coder))) continue;
      group[rb] = ra;
      members.set(ra, [...ma, ...mb]);
      members.delete(rb);
    }
    result.set(
      doc.summary.id,
      [...members.values()].sort((x, y) => Math.min(...x.map((p) => p.start)) - Math.min(...y.map((p) => p.start))),
    );
  }
  return result;
}

function compareSegments(docs: readonly Doc[], matched: Map<DocumentId, Passage[][]>, codeId: CodeId, coderIds: readonly UserId[], onlyCoded: boolean): Comparison {
  const full = (1 << coderIds.length) - 1;
  const patterns: Patterns = new Map();
  const disagreements: Comparison['disagreements'] = [];
  for (const doc of docs) {
    for (const passage of matched.get(doc.summary.id) ?? []) {
      const mask = passage.reduce((acc, p) => (p.codes.has(codeId) ? acc | (1 << p.coder) : acc), 0);
      if (onlyCoded && mask === 0) continue;
      add(patterns, mask, 1);
      if (mask !== 0 && mask !== full) {
        const start = Math.min(...passage.map((p) => p.start));
        const end = Math.max(...passage.map((p) => p.end));
        disagreements.push({ documentId: doc.summary.id, document: doc.summary.name, start, end, ...coderSplit(mask, coderIds) });
      }
    }
  }
  return { patterns, disagreements };
}

function compareDocuments(docs: readonly Doc[], codeId: CodeId, coderIds: readonly UserId[], onlyCoded: boolean): Comparison {
  const full = (1 << coderIds.length) - 1;
  const patterns: Patterns = new Map();
  const disagreements: Comparison['disagreements'] = [];
  for (const doc of docs) {
    const mask = doc.ranges.reduce((acc, byCode, coder) => ((byCode.get(codeId)?.length ?? 0) > 0 ? acc | (1 << coder) : acc), 0);
    if (onlyCoded && mask === 0) continue;
    add(patterns, mask, 1);
    if (mask !== 0 && mask !== full) {
      disagreements.push({ documentId: doc.summary.id, document: doc.summary.name, start: 0, end: doc.summary.length, ...coderSplit(mask, coderIds) });
    }
  }
  return { patterns, disagreements };
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

export async function projectAgreement(project: ProjectStore, options: AgreementOptions): Promise<AgreementReport> {
  const unit = options.unit ?? 'character';
  const onlyCoded = options.onlyCoded ?? false;
  const overlap = options.overlap ?? DEFAULT_OVERLAP;
  if (!(overlap > 0 && overlap <= 1)) throw invalid(`the overlap threshold must be above 0 and at most 1, not ${overlap}`);
  const coderIds = [...new Set(options.coderIds)];
  if (coderIds.length < 2) throw invalid('agreement needs at least two different coders');
  // Patterns are bit masks.
  if (coderIds.length > 30) throw invalid('agreement compares at most 30 coders');

  const [users, codes, summaries, tallies] = await Promise.all([project.listUsers(), project.listCodes(), project.listDocuments(), project.documentCodingCounts()]);
  const coders = coderIds.map((id) => {
    const user = users.find((u) => u.id === id);
    if (!user) throw notFound(`no user or coder "${id}" in this project`);
    return { id: user.id, name: user.name };
  });

  let codeFilter: Set<CodeId> | null = null;
  if (options.codeIds) {
    codeFilter = new Set();
    for (const id of options.codeIds) {
      const code = codes.find((c) => c.id === id);
      if (!code) throw notFound(`no code "${id}" in this project`);
      const subtree = subtreeOf(codes, code.id);
      for (const c of codes) if (subtree.has(c.id) && c.codable) codeFilter.add(c.id);
    }
    if (codeFilter.size === 0) throw invalid('the codes given hold no codable code');
  }

  const skippedDocuments: AgreementReport['skippedDocuments'] = [];
  let chosen: DocumentSummary[];
  if (options.documentIds) {
    chosen = [...new Set(options.documentIds)].map((id) => {
      const doc = summaries.find((d) => d.id === id);
      if (!doc) throw notFound(`no document "${id}" in this project`);
      return doc;
    });
  } else {
    chosen = [];
    for (const doc of summaries) {
      const missing = coders.filter((c) => !tallies.some((t) => t.documentId === doc.id && t.coderId === c.id && t.codings > 0));
      if (missing.length === 0) chosen.push(doc);
      else skippedDocuments.push({ id: doc.id, name: doc.name, reason: `not coded by ${missing.map((c) => c.name).join(', ')}` });
    }
  }
  const chosenIds = new Set(chosen.map((d) => d.id));

  const docs: Doc[] = chosen.map((summary) => ({ summary, ranges: coders.map(() => new Map<CodeId, Interval[]>()) }));
  const byId = new Map(docs.map((d) => [d.summary.id, d]));
  const applied = new Set<CodeId>();
  for (const [i, coder] of coders.entries()) {
    const codings: CodedSegment[] = await project.listCodings({ coderId: coder.id, ...(codeFilter ? { codeIds: [...codeFilter] } : {}) });
    for (const k of codings) {
      if (!chosenIds.has(k.documentId)) continue;
      const byCode = byId.get(k.documentId)!.ranges[i]!;
      byCode.set(k.codeId, [...(byCode.get(k.codeId) ?? []), { start: k.start, end: k.end }]);
      applied.add(k.codeId);
    }
  }
  const compared = codes.filter((c) => (codeFilter ? codeFilter.has(c.id) : applied.has(c.id)));

  const matched = unit === 'segment' ? matchPassages(docs, overlap) : null;
  const overallPatterns: Patterns = new Map();
  const disagreements: Disagreement[] = [];
  const paths = pathsOf(codes);
  const perCode: CodeAgreement[] = compared.map((code) => {
    const path = paths.get(code.id)!.join(PATH_SEPARATOR);
    const { patterns, disagreements: found } =
      unit === 'character'
        ? compareCharacters(docs, code.id, coderIds, onlyCoded)
        : unit === 'segment'
          ? compareSegments(docs, matched!, code.id, coderIds, onlyCoded)
          : compareDocuments(docs, code.id, coderIds, onlyCoded);
    for (const [mask, w] of patterns) add(overallPatterns, mask, w);
    disagreements.push(...found.map((d) => ({ ...d, codeId: code.id, code: path })));
    return {
      codeId: code.id,
      code: path,
      ...statistics(patterns, coderIds),
      unitizingAlpha: unit === 'character' ? unitizing(docs, code.id, coderIds.length) : null,
    };
  });
  disagreements.sort((a, b) => a.document.localeCompare(b.document) || a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));

  const overall = statistics(overallPatterns, coderIds);
  const notes: string[] = [];
  if (unit === 'character') {
    if (onlyCoded) {
      notes.push('Only characters at least one coder coded with a code count for that code: text nobody coded is left out, because counting it as agreement would inflate percent agreement and kappa.');
    } else {
      const uncoded = overall.units > 0 ? (overallPatterns.get(0) ?? 0) / overall.units : 0;
      notes.push(
        `Every character counts for every code, and text no coder coded counts as agreement: here ${percent(uncoded)} of the decisions are such uncoded text, which inflates percent agreement and kappa. Count only coded text (--only-coded) to see agreement where coding happened.`,
      );
    }
    notes.push('Unitizing alpha (α_u) per code compares where the coders’ passages begin and end, the documents laid end to end.');
  } else if (unit === 'segment') {
    notes.push(
      `Passages are matched across coders when they overlap by at least ${percent(overlap)} (overlap / union). For each code, a passage counts as agreement when all coders applied the code or none did; a passage only some coders marked is a disagreement.${onlyCoded ? ' Only passages someone coded with the code count for it.' : ''}`,
    );
  } else {
    notes.push(`A code is present in a document for a coder who applied it anywhere in it.${onlyCoded ? ' Only documents where someone applied the code count for it.' : ''}`);
  }
  if (onlyCoded) {
    notes.push(
      'Without units that every coder left uncoded, read percent agreement (the share of coded units all coders coded): kappa and alpha cannot exceed 0 for two coders there, since every disagreement counts against chance.' +
        (unit === 'character' ? ' Unitizing alpha (α_u) is the chance-corrected figure that keeps uncoded text without counting it as agreement.' : ''),
    );
  }
  if (!options.documentIds) notes.push(`Compared the ${chosen.length} document(s) every one of the coders coded; ${skippedDocuments.length} other(s) left out.`);

  return {
    unit,
    onlyCoded,
    overlap: unit === 'segment' ? overlap : null,
    coders,
    documents: chosen.map((d) => ({ id: d.id, name: d.name, length: d.length })),
    skippedDocuments,
    overall,
    codes: perCode,
    disagreements,
    notes,
  };
}
