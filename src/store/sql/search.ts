import { sql } from 'kysely';
import type { DocumentId } from '../../core/model.ts';
import type { IndexTerm, SearchHit } from '../store.ts';
import type { Ctx, TextIndex } from './context.ts';

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

type IndexWord = { word: string; prefix: boolean };

/**
 * SQLite's index answers for each word alone (each quoted, so FTS5 syntax in a query is taken
 * literally; juxtaposition means AND). A word FTS5 cuts in two (a mark or letter its Unicode 6.1
 * tables do not know, such as U+0305) would need a phrase, which an index without positions
 * refuses: such words are left out of the filter, which only loosens it.
 */
async function sqliteMatch(ctx: Ctx, index: TextIndex, parts: readonly IndexWord[]): Promise<string[]> {
  const match = (ps: readonly IndexWord[]) => ps.map((p) => `"${p.word}"${p.prefix ? '*' : ''}`).join(' ');
  const run = async (ps: readonly IndexWord[]) =>
    ps.length === 0
      ? (await ctx.db.selectFrom('documents').select('id').where('project_id', '=', ctx.projectId).execute()).map((r) => r.id)
      : index.candidates(ctx.projectId, match(ps));
  const answerable = async () => {
    const kept: IndexWord[] = [];
    for (const p of parts) if (await index.answers(match([p]))) kept.push(p);
    return kept;
  };
  return run(parts).catch(async (err: unknown) => {
    if (!/phrase queries are not supported/.test(String(err))) throw err;
    return run(await answerable());
  });
}

/**
 * Ids of the documents whose index has, for every term, a word equal to it (or,
 * for a prefix term, starting with it), ignoring case and accents. A term the
 * index would cut into several words requires each of them (on SQLite, a word
 * cut in two is left out: see sqliteMatch). Sorted by id.
 */
export async function matchDocuments(ctx: Ctx, terms: readonly IndexTerm[]): Promise<DocumentId[]> {
  await indexText(ctx); // a document still waiting would be a candidate for any words
  const parts = terms.flatMap((t) => {
    const ws = words(t.text);
    return ws.map((w, i) => ({ word: w, prefix: t.prefix && i === ws.length - 1 }));
  });
  if (parts.length === 0) return [];
  let ids: string[];
  if (ctx.textIndex) {
    ids = await sqliteMatch(ctx, ctx.textIndex, parts);
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
