// Reads for analyses over many codings: ranges without quotes, distinct coded passages,
// and counts per (row of codes, case) grouped by the database. Joins are written in the
// order they should run (CROSS JOIN fixes it in SQLite; PostgreSQL plans them itself).

import { sql, type RawBuilder } from 'kysely';
import type { CaseId, CodeId, CodingRange, DocumentId } from '../../core/model.ts';
import type { CodedPassages, CodingRangeFilter, CodingTally, CodingTallyRequest, QuotedCodingRange } from '../store.ts';
import { type Ctx, toCount } from './context.ts';
import { unpackPassages } from './packed-passages.ts';

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
 * Distinct (segment, code) passages per document. Without a coder they come from the maintained
 * `coded_passages` (migration 010), one row per document with its passages packed in a string:
 * building an object per database row costs more than the query itself at a million codings.
 * Code ids are the store's UUIDs, so the separators never occur inside one.
 */
export async function codedPassages(ctx: Ctx, filter: CodingRangeFilter = {}): Promise<CodedPassages> {
  const codes = filter.codeIds ? sql`and code_id in (${sql.join(filter.codeIds.length ? filter.codeIds : [''])})` : sql``;
  const documents = filter.documentIds ? sql`and document_id in (${sql.join(filter.documentIds.length ? filter.documentIds : [''])})` : sql``;
  const packed = sql`start_cp || ',' || end_cp || ',' || code_id`;
  // PostgreSQL orders from the range index at no extra cost; SQLite's ordered aggregate would sort (its scan usually gives the order anyway).
  const aggregate = ctx.dialect === 'postgres' ? sql`string_agg(${packed}, ';' order by start_cp, end_cp)` : sql`group_concat(${packed}, ';')`;
  const source = filter.coderId
    ? sql`select distinct s.document_id, s.start_cp, s.end_cp, c.code_id
        from (select distinct segment_id, code_id from codings where project_id = ${ctx.projectId} and coder_id = ${filter.coderId} ${codes}) c
        cross join segments s where s.project_id = ${ctx.projectId} and s.id = c.segment_id ${documents}`
    : sql`select * from coded_passages where project_id = ${ctx.projectId} ${codes} ${documents}`;
  const { rows } = await sql<{ document_id: DocumentId; passages: string }>`
    select document_id, ${aggregate} as passages from (${source}) p group by document_id`.execute(ctx.db);
  const codeIds: CodeId[] = [];
  const codeIndex = new Map<string, number>();
  return { codeIds, documents: rows.map((r) => unpackPassages(r.document_id, r.passages, codeIds, codeIndex)) };
}

/**
 * Sums figures per (row, document) into (row, group): each document's case lies in one group,
 * and a case counts once per row however many of its documents the row reaches.
 */
async function groupTotals(ctx: Ctx, request: CodingTallyRequest) {
  const rows = await ctx.db.selectFrom('documents').select(['id', 'case_id']).where('project_id', '=', ctx.projectId).where('case_id', 'is not', null).orderBy('id').execute();
  const groupKeys = [...new Set(request.groups.values())];
  const groupIndex = new Map(groupKeys.map((key, i) => [key, i]));
  const caseIndex = new Map<CaseId, number>();
  const place = new Map<DocumentId, { group: number; case: number }>();
  for (const r of rows) {
    const group = groupIndex.get(request.groups.get(r.case_id!) ?? '');
    if (group === undefined) continue;
    if (!caseIndex.has(r.case_id!)) caseIndex.set(r.case_id!, caseIndex.size);
    place.set(r.id, { group, case: caseIndex.get(r.case_id!)! });
  }
  const n = request.rows.length;
  const g = groupKeys.length;
  // Flat arrays: [row][group] figures and [row][case] seen flags, with no per-pair objects.
  const segments = new Float64Array(n * g);
  const documents = new Float64Array(n * g);
  const cases = new Float64Array(n * g);
  const words = new Float64Array(n * g);
  const seen = new Uint8Array(n * caseIndex.size);
  return {
    /** In the database's order. */
    documentIds: rows.map((r) => r.id),
    place: (documentId: DocumentId) => place.get(documentId),
    add(row: number, at: { group: number; case: number }, segmentCount: number, wordCount: number) {
      const cell = row * g + at.group;
      segments[cell]! += segmentCount;
      documents[cell]! += 1;
      words[cell]! += wordCount;
      if (!seen[row * caseIndex.size + at.case]) {
        seen[row * caseIndex.size + at.case] = 1;
        cases[cell]! += 1;
      }
    },
    result(): CodingTally[] {
      const out: CodingTally[] = [];
      for (let row = 0; row < n; row++) {
        for (let group = 0; group < g; group++) {
          const cell = row * g + group;
          if (documents[cell]) {
            out.push({ row: request.rows[row]!.key, group: groupKeys[group]!, segments: segments[cell]!, documents: documents[cell]!, cases: cases[cell]!, words: words[cell]! });
          }
        }
      }
      return out;
    },
  };
}

/**
 * Documents as id ranges, each an `and …` condition on `document_id` (together they cover every id,
 * not only the given ones). PostgreSQL 15 aggregates on one core per query: eight ranges on the pool's
 * connections use both cores, and each part is summed here while the next is computed (at a million
 * codings the matrix went from 320 to 210 ms, the framework from 350 to 180). `ids` must come in the
 * database's order: its collation decides what `<` means. SQLite answers in-process, in one part.
 */
function documentRanges(ctx: Ctx, ids: readonly DocumentId[], parts = ctx.dialect === 'postgres' ? 8 : 1) {
  const size = Math.ceil(ids.length / parts);
  const bounds = [...new Set(Array.from({ length: parts - 1 }, (_, i) => ids[(i + 1) * size]).filter((id) => id !== undefined))];
  return [...bounds, null].map((to, i) => {
    const from = i ? sql`and document_id >= ${bounds[i - 1]}` : sql``;
    return to === null ? from : sql`${from} and document_id < ${to}`;
  });
}

/**
 * Per row and group: the documents and cases the row's codes reach, from the maintained counts:
 * `code_reach` for any coder (migration 010), the per-coder `coding_tallies` for one (migration 009).
 */
async function reach(ctx: Ctx, request: CodingTallyRequest): Promise<CodingTally[]> {
  const rowsOfCode = new Map<CodeId, number[]>();
  request.rows.forEach((r, i) => {
    for (const code of new Set(r.codeIds)) rowsOfCode.set(code, [...(rowsOfCode.get(code) ?? []), i]);
  });
  const source = request.coderId
    ? sql`coding_tallies where project_id = ${ctx.projectId} and coder_id = ${request.coderId}`
    : sql`code_reach where project_id = ${ctx.projectId}`;
  // One row per document with its codes joined in a string: a thousandth of the rows a pair per line would take.
  // Ordered, PostgreSQL reads the primary key in order instead of hashing every row (a third of the time).
  const codes = ctx.dialect === 'postgres' ? sql`string_agg(code_id, ',' order by code_id)` : sql`group_concat(code_id)`;
  const totals = await groupTotals(ctx, request);
  // A row's codes may reach a document several times: the last document that reached each row makes it count once.
  const reachedBy = new Int32Array(request.rows.length).fill(-1);
  let at = 0;
  const count = (d: { document_id: DocumentId; codes: string }, where: { group: number; case: number }) => {
    const document = at++;
    for (const code of d.codes.split(',')) {
      for (const row of rowsOfCode.get(code) ?? []) {
        if (reachedBy[row] === document) continue;
        reachedBy[row] = document;
        totals.add(row, where, 0, 0);
      }
    }
  };
  await Promise.all(
    documentRanges(ctx, totals.documentIds).map(async (range) => {
      const part = await sql<{ document_id: DocumentId; codes: string }>`select document_id, ${codes} as codes from ${source} ${range} group by document_id`.execute(ctx.db);
      for (const d of part.rows) {
        const where = totals.place(d.document_id);
        if (where) count(d, where);
      }
    }),
  );
  return totals.result();
}

/**
 * Distinct (row, segment) pairs counted per row and document (a segment coded by several
 * coders, or with several of a row's codes, counts once), then summed into groups here.
 * Without a coder the pairs come from `coded_passages`, whose code index gives each segment's
 * document too; with a coder from the codings, and words always need the segments' text.
 */
export async function codingTally(ctx: Ctx, request: CodingTallyRequest): Promise<CodingTally[]> {
  if (request.reachOnly) return reach(ctx, request);
  const rowPairs = request.rows.flatMap((r) => [...new Set(r.codeIds)].map((code) => sql`(${r.key}, ${code})`));
  if (rowPairs.length === 0) return [];
  const p = ctx.projectId;
  const totals = groupTotals(ctx, request);
  let queries;
  if (!request.coderId && !request.words) {
    const perDocument = (range: RawBuilder<unknown>) => sql<TallyRow>`with m(row_key, code_id) as (values ${sql.join(rowPairs)})
      select m.row_key, x.document_id, count(distinct x.segment_id) as segments, 0 as words
      from m cross join coded_passages x where x.project_id = ${p} and x.code_id = m.code_id ${range}
      group by m.row_key, x.document_id`;
    queries = documentRanges(ctx, (await totals).documentIds).map(perDocument);
  } else {
    const hits = request.coderId
      ? sql`select distinct m.row_key, c.segment_id from m cross join codings c where c.project_id = ${p} and c.code_id = m.code_id and c.coder_id = ${request.coderId}`
      : sql`select distinct m.row_key, x.segment_id from m cross join coded_passages x where x.project_id = ${p} and x.code_id = m.code_id`;
    // Words: whitespace-separated runs, approximated as spaces + 1 once line breaks and tabs count as spaces.
    const words = request.words
      ? sql`sum(length(s.exact) - length(replace(replace(replace(s.exact, ${'\n'}, ' '), ${'\t'}, ' '), ' ', '')) + 1)`
      : sql`0`;
    queries = [
      sql<TallyRow>`with m(row_key, code_id) as (values ${sql.join(rowPairs)}), hits as (${hits})
      select h.row_key, s.document_id, count(*) as segments, ${words} as words
      from hits h cross join segments s
      where s.project_id = ${p} and s.id = h.segment_id
      group by h.row_key, s.document_id`,
    ];
  }
  const rowIndex = new Map(request.rows.map((r, i) => [r.key, i]));
  await Promise.all(
    queries.map(async (query) => {
      const [result, { place, add }] = await Promise.all([query.execute(ctx.db), totals]);
      for (const r of result.rows) {
        const where = place(r.document_id);
        if (where) add(rowIndex.get(r.row_key)!, where, toCount(r.segments), toCount(r.words));
      }
    }),
  );
  return (await totals).result();
}

type TallyRow = { row_key: string; document_id: DocumentId; segments: string | number; words: string | number | null };
