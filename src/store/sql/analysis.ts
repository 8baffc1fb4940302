// Reads for analyses over many codings: ranges without quotes, distinct coded passages,
// and counts per (row of codes, case) grouped by the database. Joins are written in the
// order they should run (CROSS JOIN fixes it in SQLite; PostgreSQL plans them itself).

import { sql } from 'kysely';
import type { CaseId, CodeId, CodingRange, DocumentId } from '../../core/model.ts';
import type { CodedPassage, CodingRangeFilter, CodingTally, CodingTallyRequest, QuotedCodingRange } from '../store.ts';
import { type Ctx, toCount } from './context.ts';

function ranges(ctx: Ctx, filter: CodingRangeFilter) {
  let query = ctx.db
    .selectFrom('codings as c')
    .innerJoin('segments as s', (j) => j.onRef('s.project_id', '=', 'c.project_id').onRef('s.id', '=', 'c.segment_id'))
    .select(['c.id', 'c.segment_id', 'c.code_id', 'c.coder_id', 's.document_id', 's.start_cp', 's.end_cp'])
    .where('c.project_id', '=', ctx.projectId);
  if (filter.codeIds) query = query.where('c.code_id', 'in', filter.codeIds.length ? filter.codeIds : ['']);
  if (filter.coderId) query = query.where('c.coder_id', '=', filter.coderId);
  if (filter.documentIds) query = query.where('s.document_id', 'in', filter.documentIds.length ? filter.documentIds : ['']);
  return query.orderBy('s.document_id').orderBy('s.start_cp').orderBy('s.end_cp').orderBy('c.id');
}

type RangeRow = { id: string; segment_id: string; code_id: string; coder_id: string; document_id: string; start_cp: number; end_cp: number };
const toRange = (r: RangeRow): CodingRange => ({
  id: r.id,
  segmentId: r.segment_id,
  codeId: r.code_id,
  coderId: r.coder_id,
  documentId: r.document_id,
  start: r.start_cp,
  end: r.end_cp,
});

export async function codingRanges(ctx: Ctx, filter: CodingRangeFilter = {}): Promise<CodingRange[]> {
  return (await ranges(ctx, filter).execute()).map(toRange);
}

export async function quotedCodingRanges(ctx: Ctx, filter: CodingRangeFilter = {}): Promise<QuotedCodingRange[]> {
  return (await ranges(ctx, filter).select('s.exact').execute()).map((r) => ({ ...toRange(r), exact: r.exact }));
}

/**
 * Distinct (segment, code) passages, in no particular order: the distinct pairs come from the
 * codings' (segment, code, coder) index in segment order, so each segment's range is then read
 * from a covering index next to the previous one.
 */
export async function codedPassages(ctx: Ctx, filter: CodingRangeFilter = {}): Promise<CodedPassage[]> {
  const codes = filter.codeIds ? sql`and code_id in (${sql.join(filter.codeIds.length ? filter.codeIds : [''])})` : sql``;
  const coder = filter.coderId ? sql`and coder_id = ${filter.coderId}` : sql``;
  const documents = filter.documentIds ? sql`and s.document_id in (${sql.join(filter.documentIds.length ? filter.documentIds : [''])})` : sql``;
  // Named as the result's fields: no second object per passage.
  const { rows } = await sql<CodedPassage>`
    select s.document_id as "documentId", s.start_cp as "start", s.end_cp as "end", c.code_id as "codeId"
    from (select distinct segment_id, code_id from codings where project_id = ${ctx.projectId} ${codes} ${coder}) c
    cross join segments s
    where s.project_id = ${ctx.projectId} and s.id = c.segment_id ${documents}`.execute(ctx.db);
  return rows;
}

/** Which case each document with one belongs to. */
async function caseOfDocument(ctx: Ctx): Promise<Map<DocumentId, CaseId>> {
  const rows = await ctx.db.selectFrom('documents').select(['id', 'case_id']).where('project_id', '=', ctx.projectId).where('case_id', 'is not', null).execute();
  return new Map(rows.map((r) => [r.id, r.case_id!]));
}

/** Per row and case: the documents the row's codes reach, from the maintained tallies (see migration 009). */
async function reach(ctx: Ctx, request: CodingTallyRequest): Promise<CodingTally[]> {
  // Rows and cases by index: counts sit in one typed array, with no per-pair keys.
  const rowsOfCode = new Map<CodeId, number[]>();
  request.rows.forEach((r, i) => {
    for (const code of new Set(r.codeIds)) rowsOfCode.set(code, [...(rowsOfCode.get(code) ?? []), i]);
  });
  const coder = request.coderId ? sql`and coder_id = ${request.coderId}` : sql``;
  // One row per document with its codes as a JSON array: a thousandth of the rows a pair per line would take.
  const codes = ctx.dialect === 'postgres' ? sql`json_agg(distinct code_id)` : sql`json_group_array(distinct code_id)`;
  const [perDocument, caseOf] = await Promise.all([
    sql<{ document_id: DocumentId; codes: string | CodeId[] }>`select document_id, ${codes} as codes from coding_tallies
      where project_id = ${ctx.projectId} ${coder} group by document_id`.execute(ctx.db),
    caseOfDocument(ctx),
  ]);
  const caseIds = [...new Set(caseOf.values())];
  const caseIndex = new Map(caseIds.map((id, i) => [id, i]));
  const n = request.rows.length;
  const documents = new Int32Array(n * caseIds.length);
  const reachedBy = new Int32Array(n).fill(-1); // the last document that reached each row: each counts once
  perDocument.rows.forEach((d, at) => {
    const caseId = caseOf.get(d.document_id);
    if (caseId === undefined) return;
    const offset = caseIndex.get(caseId)! * n;
    for (const code of typeof d.codes === 'string' ? (JSON.parse(d.codes) as CodeId[]) : d.codes) {
      for (const row of rowsOfCode.get(code) ?? []) {
        if (reachedBy[row] === at) continue;
        reachedBy[row] = at;
        documents[offset + row]!++;
      }
    }
  });
  const out: CodingTally[] = [];
  caseIds.forEach((caseId, c) => {
    for (let row = 0; row < n; row++) {
      const count = documents[c * n + row]!;
      if (count) out.push({ row: request.rows[row]!.key, caseId, segments: 0, documents: count, words: 0 });
    }
  });
  return out;
}

/**
 * Distinct (row, segment) pairs first (a segment coded by several coders, or with several of a
 * row's codes, counts once), then each segment's document looked up from an index and counted
 * per row and document; documents are summed into their cases here.
 */
export async function codingTally(ctx: Ctx, request: CodingTallyRequest): Promise<CodingTally[]> {
  if (request.reachOnly) return reach(ctx, request);
  const rowPairs = request.rows.flatMap((r) => [...new Set(r.codeIds)].map((code) => sql`(${r.key}, ${code})`));
  if (rowPairs.length === 0) return [];
  // Words: whitespace-separated runs, approximated as spaces + 1 once line breaks and tabs count as spaces.
  const words = request.words
    ? sql`sum(length(s.exact) - length(replace(replace(replace(s.exact, ${'\n'}, ' '), ${'\t'}, ' '), ' ', '')) + 1)`
    : sql`0`;
  const coder = request.coderId ? sql`and c.coder_id = ${request.coderId}` : sql``;
  const [result, caseOf] = await Promise.all([
    sql<{ row_key: string; document_id: DocumentId; segments: string | number; words: string | number | null }>`
      with m(row_key, code_id) as (values ${sql.join(rowPairs)}),
      hits as (
        select distinct m.row_key, c.segment_id from m cross join codings c
        where c.project_id = ${ctx.projectId} and c.code_id = m.code_id ${coder}
      )
      select h.row_key, s.document_id, count(*) as segments, ${words} as words
      from hits h cross join segments s
      where s.project_id = ${ctx.projectId} and s.id = h.segment_id
      group by h.row_key, s.document_id`.execute(ctx.db),
    caseOfDocument(ctx),
  ]);
  const byCase = new Map<string, CodingTally>();
  for (const r of result.rows) {
    const caseId = caseOf.get(r.document_id);
    if (caseId === undefined) continue;
    const key = `${r.row_key}\u0000${caseId}`;
    const tally = byCase.get(key) ?? { row: r.row_key, caseId, segments: 0, documents: 0, words: 0 };
    tally.segments += toCount(r.segments);
    tally.documents += 1;
    tally.words += toCount(r.words);
    byCase.set(key, tally);
  }
  return [...byCase.values()];
}
