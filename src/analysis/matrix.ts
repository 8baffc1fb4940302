// Matrix query: codes as rows, sites, cases of a kind or the values of a case
// attribute as columns; each cell counts distinct segments, documents, cases or
// coded words, counted by the database per document and summed into columns by the
// store. A code row counts the code with its sub-codes (distinct: a segment under two
// sub-codes once).

import type { CaseId, CaseKind, CodeId, CodingId } from '../core/model.ts';
import { invalid } from '../core/errors.ts';
import type { CodingTally, ProjectStore } from '../store/store.ts';
import type { RetrievedSegment } from '../core/read-models.ts';
import { retrieveSegments } from './retrieval.ts';
import { attributeOf, loadStudy, type Study } from './scope.ts';

export type MatrixColumns = { by: 'site' } | { by: 'case'; kind: CaseKind } | { by: 'attribute'; name: string };
export type MatrixCount = 'segments' | 'documents' | 'cases' | 'words';
export const MATRIX_COUNTS: readonly MatrixCount[] = ['segments', 'documents', 'cases', 'words'];

export interface MatrixOptions {
  /** Rows: this code and every code under it; default every code. */
  rootCodeId?: CodeId;
  columns: MatrixColumns;
  count: MatrixCount;
  coderId?: string;
}

export interface MatrixColumn {
  key: string;
  label: string;
  /** Cases in the column with anything coded (by the coder, if one is chosen): what percentages divide by. */
  codedCases: number;
}

export interface MatrixResult {
  count: MatrixCount;
  rows: { codeId: CodeId; path: string; depth: number }[];
  columns: MatrixColumn[];
  /** cells[row][column]: the count. */
  cells: number[][];
  /** Cases per cell, and as a share of the column's coded cases (null for a column without any). */
  cases: number[][];
  percentOfCases: (number | null)[][];
  /** A row's total over the columns (a document or case falls in one column, so these add up). */
  rowTotals: number[];
  /** A column's total over the rows, distinct (a segment under two row codes counts once). */
  columnTotals: number[];
  total: number;
}

/** The column each case with documents falls in: its site, its enclosing case of a kind, or its attribute's value. */
function columnsOf(study: Study, columns: MatrixColumns): { key: string; label: string; caseIds: CaseId[] }[] {
  const out = new Map<string, { key: string; label: string; caseIds: CaseId[] }>();
  const owners = [...new Set(study.documents.map((d) => d.caseId).filter((c): c is CaseId => c !== null))];
  if (columns.by !== 'attribute') {
    const kind = columns.by === 'site' ? 'site' : columns.kind;
    for (const c of study.cases.filter((x) => x.kind === kind)) out.set(c.id, { key: c.id, label: c.name, caseIds: [] });
    for (const id of owners) {
      const column = study.tree.enclosing(id, kind);
      if (column) out.get(column.id)?.caseIds.push(id);
    }
    return [...out.values()];
  }
  for (const id of owners) {
    const value = attributeOf(study.tree, id, columns.name);
    if (value === undefined) continue;
    const key = String(value);
    out.set(key, { key, label: key, caseIds: [...(out.get(key)?.caseIds ?? []), id] });
  }
  return [...out.values()].sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
}

function rowsOf(study: Study, rootCodeId: CodeId | undefined) {
  const ids = rootCodeId ? study.subtree(rootCodeId) : study.codes.map((c) => c.id);
  const depthOf = (id: CodeId) => study.codePath(id).split('/').length - 1;
  return ids.map((codeId) => ({ codeId, path: study.codePath(codeId), depth: depthOf(codeId) }));
}

function assertColumns(study: Study, columns: MatrixColumns): void {
  if (columns.by === 'attribute' && !study.cases.some((c) => c.attributes[columns.name] !== undefined)) {
    throw invalid(`no case has an attribute "${columns.name}"`);
  }
}

type Counts = Record<MatrixCount, number>;

/** Tallies by row, then column. */
function byRowAndColumn(tallies: readonly CodingTally[]): Map<string, Map<string, Counts>> {
  const out = new Map<string, Map<string, Counts>>();
  for (const t of tallies) {
    const row = out.get(t.row) ?? new Map<string, Counts>();
    if (row.size === 0) out.set(t.row, row);
    row.set(t.group, t);
  }
  return out;
}

export async function matrixQuery(project: ProjectStore, options: MatrixOptions): Promise<MatrixResult> {
  const study = await loadStudy(project);
  assertColumns(study, options.columns);
  const rows = rowsOf(study, options.rootCodeId);
  const columns = columnsOf(study, options.columns);
  const groups = new Map(columns.flatMap((c) => c.caseIds.map((id) => [id, c.key] as const)));
  const coder = options.coderId ? { coderId: options.coderId } : {};
  const allCodes = study.codes.map((c) => c.id);
  const rowCodes = [...new Set(rows.flatMap((r) => study.subtree(r.codeId)))];
  // Counting cases or documents needs only which ones the codes reach: the store's tallies tell that without reading codings.
  const reachOnly = options.count === 'cases' || options.count === 'documents';
  const tally = async (rowList: { key: string; codeIds: CodeId[] }[], words: boolean, reach: boolean) =>
    byRowAndColumn(await project.codingTally({ rows: rowList, groups, ...coder, words, reachOnly: reach }));
  const words = options.count === 'words';
  // Rows and their total in one pass ('*' is no code's id).
  const cells = await tally([...rows.map((r) => ({ key: r.codeId, codeIds: study.subtree(r.codeId) })), { key: '*', codeIds: rowCodes }], words, reachOnly);
  const anything = rowCodes.length === allCodes.length ? cells : await tally([{ key: '*', codeIds: allCodes }], false, true);

  const at = (map: Map<string, Map<string, Counts>>, row: string, column: string) => map.get(row)?.get(column);
  const resultColumns = columns.map((c) => ({ key: c.key, label: c.label, codedCases: at(anything, '*', c.key)?.cases ?? 0 }));
  const values = rows.map((r) => columns.map((c) => at(cells, r.codeId, c.key)?.[options.count] ?? 0));
  const cases = rows.map((r) => columns.map((c) => at(cells, r.codeId, c.key)?.cases ?? 0));
  const columnTotals = columns.map((c) => at(cells, '*', c.key)?.[options.count] ?? 0);
  return {
    count: options.count,
    rows,
    columns: resultColumns,
    cells: values,
    cases,
    percentOfCases: cases.map((row) => row.map((n, j) => (resultColumns[j]!.codedCases ? n / resultColumns[j]!.codedCases : null))),
    rowTotals: values.map((row) => row.reduce((a, b) => a + b, 0)),
    columnTotals,
    total: columnTotals.reduce((a, b) => a + b, 0),
  };
}

/** Drill-down: the codings behind one cell (the row's code and sub-codes, in the column's cases' documents). */
export async function matrixCellCodings(project: ProjectStore, options: MatrixOptions, codeId: CodeId, columnKey: string): Promise<CodingId[]> {
  const study = await loadStudy(project);
  const column = columnsOf(study, options.columns).find((c) => c.key === columnKey);
  if (!column) throw invalid(`no column "${columnKey}" in this matrix`);
  const cases = new Set(column.caseIds);
  const documentIds = study.documents.filter((d) => d.caseId !== null && cases.has(d.caseId)).map((d) => d.id);
  const codings = await project.codingRanges({ codeIds: study.subtree(codeId), documentIds, ...(options.coderId ? { coderId: options.coderId } : {}) });
  return codings.map((k) => k.id);
}

/** The coded passages behind one cell, with their context for reading. */
export async function matrixCellSegments(project: ProjectStore, options: MatrixOptions, codeId: CodeId, columnKey: string): Promise<RetrievedSegment[]> {
  const ids = new Set(await matrixCellCodings(project, options, codeId, columnKey));
  const coded = await retrieveSegments(project, codeId, { descendants: true, ...(options.coderId ? { coderId: options.coderId } : {}) });
  return coded.filter((r) => ids.has(r.coding.id));
}
