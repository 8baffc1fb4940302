// Framework matrix view (Ritchie and Spencer's charting): cases of one kind as rows,
// themes as columns; each cell shows the analyst's summary and how many coded
// segments of the theme (with its sub-codes) lie in the case's documents, with those
// segments one call away. Reading a row is vertical analysis, a column horizontal.

import type { CaseId, CaseKind, CodeId, FrameworkMatrix, SegmentId } from '../core/model.ts';
import type { CaseRef } from '../core/read-models.ts';
import { invalid } from '../core/errors.ts';
import type { ProjectStore, QuotedCodingRange } from '../store/store.ts';
import { casesOfKind, isUnder, loadStudy, type Study } from './scope.ts';

export interface FrameworkOptions {
  /** A saved matrix (its rows, themes and summaries); else rowKind and themeIds. */
  matrix?: string;
  rowKind?: CaseKind;
  themeIds?: CodeId[];
  coderId?: string;
  /** Give empty cells a draft summary made of their segments' quotes. */
  fill?: boolean;
}

export interface FrameworkViewCell {
  caseId: CaseId;
  codeId: CodeId;
  /** Distinct coded segments of the theme in the case's documents. */
  segments: number;
  summary: string;
  /** Linked segments of the saved summary. */
  linkedSegmentIds: SegmentId[];
  /** Version of the saved cell, 0 if none (pass it back when writing). */
  version: number;
  /** With `fill`, for a cell without a summary: its quotes, for the analyst to condense. */
  draft?: string;
}

export interface FrameworkView {
  matrix: FrameworkMatrix | null;
  rowKind: CaseKind;
  rows: CaseRef[];
  themes: { codeId: CodeId; path: string }[];
  /** cells[row][theme] */
  cells: FrameworkViewCell[][];
}

/** A draft summary: each quote on its own line with the document it comes from. */
export function prefillSummary(segments: readonly { quote: string; document: string }[]): string {
  return segments.map((s) => `“${s.quote.replace(/\s+/g, ' ').trim()}” (${s.document})`).join('\n');
}

/** The row case each document falls under: the case itself or its enclosing case of the row kind. */
function rowOfDocument(study: Study, rowKind: CaseKind): Map<string, CaseId> {
  const out = new Map<string, CaseId>();
  for (const d of study.documents) {
    const row = study.tree.enclosing(d.caseId, rowKind);
    if (row) out.set(d.id, row.id);
  }
  return out;
}

/** Distinct segments of a theme per row case, with one coding (and its quote) per segment. */
function segmentsByCell(study: Study, rowKind: CaseKind, codings: readonly QuotedCodingRange[], themeOf: Map<CodeId, CodeId[]>) {
  const rowOf = rowOfDocument(study, rowKind);
  const cells = new Map<string, Map<SegmentId, QuotedCodingRange>>();
  for (const k of codings) {
    const row = rowOf.get(k.documentId);
    if (!row) continue;
    for (const theme of themeOf.get(k.codeId) ?? []) {
      const key = `${row}\u0000${theme}`;
      const segments = cells.get(key) ?? new Map<SegmentId, QuotedCodingRange>();
      if (!segments.has(k.segmentId)) segments.set(k.segmentId, k);
      cells.set(key, segments);
    }
  }
  return cells;
}

/** Distinct segments of each theme per row case, counted by the store with cases grouped under their row case. */
async function segmentCounts(project: ProjectStore, study: Study, rowKind: CaseKind, themeIds: CodeId[], coder: { coderId?: string }): Promise<Map<string, number>> {
  const groups = new Map<CaseId, string>();
  for (const c of study.cases) {
    const row = study.tree.enclosing(c.id, rowKind);
    if (row) groups.set(c.id, row.id);
  }
  const tallies = await project.codingTally({ rows: themeIds.map((id) => ({ key: id, codeIds: study.subtree(id) })), groups, ...coder });
  return new Map(tallies.map((t) => [`${t.group}\u0000${t.row}`, t.segments]));
}

export async function frameworkView(project: ProjectStore, options: FrameworkOptions): Promise<FrameworkView> {
  const study = await loadStudy(project);
  const matrix = options.matrix ? await project.findFrameworkMatrix(options.matrix) : null;
  const rowKind = matrix?.rowKind ?? options.rowKind;
  const themeIds = matrix?.themeIds ?? options.themeIds ?? [];
  if (!rowKind) throw invalid('a framework matrix needs its rows: sites, organisations or participants');
  if (themeIds.length === 0) throw invalid('a framework matrix needs at least one theme');
  // A code may sit under several themes (a theme and its sub-theme both chosen).
  const themeOf = new Map<CodeId, CodeId[]>();
  for (const theme of themeIds) for (const code of study.subtree(theme)) themeOf.set(code, [...(themeOf.get(code) ?? []), theme]);
  const coder = options.coderId ? { coderId: options.coderId } : {};
  // Drafts need each segment's quote; counts alone are tallied by the database.
  const bySegment = options.fill ? segmentsByCell(study, rowKind, await project.quotedCodingRanges({ codeIds: [...themeOf.keys()], ...coder }), themeOf) : null;
  const counted = bySegment ? null : await segmentCounts(project, study, rowKind, themeIds, coder);
  const saved = matrix ? await project.listFrameworkCells(matrix.id) : [];
  const summaries = new Map(saved.map((c) => [`${c.caseId}\u0000${c.codeId}`, c]));
  const rows = casesOfKind(study, rowKind).map((c) => ({ id: c.id, name: c.name }));
  const cells = rows.map((row) =>
    themeIds.map((codeId): FrameworkViewCell => {
      const key = `${row.id}\u0000${codeId}`;
      const segments = [...(bySegment?.get(key)?.values() ?? [])];
      const cell = summaries.get(key);
      const view: FrameworkViewCell = {
        caseId: row.id,
        codeId,
        segments: counted ? (counted.get(key) ?? 0) : segments.length,
        summary: cell?.summary ?? '',
        linkedSegmentIds: cell?.segmentIds ?? [],
        version: cell?.version ?? 0,
      };
      if (options.fill && !cell?.summary && segments.length) {
        view.draft = prefillSummary(segments.map((k) => ({ quote: k.exact, document: study.document(k.documentId)?.name ?? k.documentId })));
      }
      return view;
    }),
  );
  return { matrix, rowKind, rows, themes: themeIds.map((codeId) => ({ codeId, path: study.codePath(codeId) })), cells };
}

/** The coded segments behind one cell: the theme (with sub-codes) in documents of the case or cases under it. */
export async function frameworkCellSegments(
  project: ProjectStore,
  caseId: CaseId,
  themeId: CodeId,
  options: { coderId?: string } = {},
): Promise<{ segmentId: SegmentId; documentId: string; document: string; start: number; end: number; quote: string; codingIds: string[] }[]> {
  const study = await loadStudy(project);
  const documentIds = study.documents.filter((d) => isUnder(study.tree, d.caseId, caseId)).map((d) => d.id);
  const codings = await project.quotedCodingRanges({ codeIds: study.subtree(themeId), documentIds, ...(options.coderId ? { coderId: options.coderId } : {}) });
  const out = new Map<SegmentId, { segmentId: SegmentId; documentId: string; document: string; start: number; end: number; quote: string; codingIds: string[] }>();
  for (const k of codings) {
    const seen = out.get(k.segmentId);
    if (seen) seen.codingIds.push(k.id);
    else out.set(k.segmentId, { segmentId: k.segmentId, documentId: k.documentId, document: study.document(k.documentId)?.name ?? k.documentId, start: k.start, end: k.end, quote: k.exact, codingIds: [k.id] });
  }
  return [...out.values()];
}
