// Reads for analyses over many codings: ranges without quotes, and counts per
// (row of codes, column of cases) grouped by the database in one statement.

import { sql } from 'kysely';
import type { CodingRange } from '../../core/model.ts';
import type { CodingRangeFilter, CodingTally, CodingTallyRequest, QuotedCodingRange } from '../store.ts';
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
 * One GROUP BY over codings ⋈ segments ⋈ documents with the code → row mapping passed in as a
 * VALUES list: distinct segments first (a segment coded by several coders, or with several of a
 * row's codes, counts once), then counted per row and case. Cases, not columns: a case → column
 * list joined here would be scanned per coding by SQLite, and per-case counts add up to any column.
 */
export async function codingTally(ctx: Ctx, request: CodingTallyRequest): Promise<CodingTally[]> {
  const rowPairs = request.rows.flatMap((r) => [...new Set(r.codeIds)].map((code) => sql`(${r.key}, ${code})`));
  if (rowPairs.length === 0) return [];
  // Words: whitespace-separated runs, approximated as spaces + 1 once line breaks and tabs count as spaces.
  const words = request.words
    ? sql`length(s.exact) - length(replace(replace(replace(s.exact, ${'\n'}, ' '), ${'\t'}, ' '), ' ', '')) + 1`
    : sql`0`;
  const coder = request.coderId ? sql`and c.coder_id = ${request.coderId}` : sql``;
  const result = await sql<{ row_key: string; case_id: string; segments: string | number; documents: string | number; words: string | number | null }>`
    with m(row_key, code_id) as (values ${sql.join(rowPairs)}),
    hits as (
      select distinct m.row_key, d.case_id, s.id as segment_id, s.document_id, ${words} as words
      from codings c
      join m on m.code_id = c.code_id
      join segments s on s.project_id = c.project_id and s.id = c.segment_id
      join documents d on d.project_id = s.project_id and d.id = s.document_id
      where c.project_id = ${ctx.projectId} and d.case_id is not null ${coder}
    )
    select row_key, case_id, count(*) as segments, count(distinct document_id) as documents, sum(words) as words
    from hits group by row_key, case_id`.execute(ctx.db);
  return result.rows.map((r) => ({
    row: r.row_key,
    caseId: r.case_id,
    segments: toCount(r.segments),
    documents: toCount(r.documents),
    words: toCount(r.words),
  }));
}
