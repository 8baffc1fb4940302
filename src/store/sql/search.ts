import { sql } from 'kysely';
import type { DocumentId } from '../../core/model.ts';
import type { IndexTerm, SearchHit } from '../store.ts';
import type { Ctx } from './context.ts';

/** Words of a query, as both full-text engines tokenise them (letters and digits). */
const words = (query: string) => query.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];

/**
 * Gives a new document a key in SQLite's full-text index, which indexes it later, in a file of
 * its own (see sqlite/text-index.ts; search counts it as a candidate until then). PostgreSQL
 * indexes a generated column.
 */
export async function indexNewDocument(ctx: Ctx, documentId: DocumentId): Promise<void> {
  if (ctx.dialect !== 'sqlite') return;
  await sql`insert into document_fts_keys (project_id, document_id) values (${ctx.projectId}, ${documentId})`.execute(ctx.db);
}

/** Brings SQLite's full-text index up to date with the documents. */
export async function indexText(ctx: Ctx): Promise<void> {
  await ctx.textIndex?.update();
}

export async function searchText(ctx: Ctx, query: string): Promise<SearchHit[]> {
  const ids = await matchDocuments(ctx, words(query).map((text) => ({ text, prefix: false })));
  if (ids.length === 0) return [];
  const rows = await ctx.db.selectFrom('documents').select(['id', 'name']).where('project_id', '=', ctx.projectId).where('id', 'in', ids).orderBy('name').execute();
  return rows.map((r) => ({ documentId: r.id, name: r.name }));
}

/**
 * Ids of the documents whose index has, for every term, a word equal to it (or,
 * for a prefix term, starting with it), ignoring case and accents. A term the
 * index would cut into several words requires each of them (on SQLite, a word
 * cut in two is left out: see sqlite/text-index.ts). Sorted by id.
 */
export async function matchDocuments(ctx: Ctx, terms: readonly IndexTerm[]): Promise<DocumentId[]> {
  const parts = terms.flatMap((t) => {
    const ws = words(t.text);
    return ws.map((w, i) => ({ word: w, prefix: t.prefix && i === ws.length - 1 }));
  });
  if (parts.length === 0) return [];
  let ids: string[];
  if (ctx.textIndex) {
    await indexText(ctx); // a document still waiting would be a candidate for any words
    ids = await ctx.textIndex.candidates(ctx.projectId, parts);
  } else {
    // A quoted lexeme keeps to_tsquery from reading the word as query syntax.
    const queries = parts.map((p) =>
      p.prefix
        ? sql`to_tsquery('simple', quote_literal(crosswise_unaccent(${p.word})) || ':*')`
        : sql`plainto_tsquery('simple', crosswise_unaccent(${p.word}))`,
    );
    const { rows } = await sql<{ id: string }>`
      select id from documents where project_id = ${ctx.projectId} and search @@ (${sql.join(queries, sql` && `)})`.execute(ctx.db);
    ids = rows.map((r) => r.id);
  }
  return ids.sort();
}
