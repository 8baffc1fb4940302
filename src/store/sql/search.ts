import { sql } from 'kysely';
import type { DocumentId } from '../../core/model.ts';
import type { IndexTerm, SearchHit } from '../store.ts';
import type { Ctx } from './context.ts';

/** Words of a query, as both full-text engines tokenise them (letters and digits). */
const words = (query: string) => query.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];

/**
 * Adds a new document's text to SQLite's full-text index (migration 011 explains why the store
 * does this, not a trigger); PostgreSQL indexes a generated column by itself.
 */
export async function indexNewDocument(ctx: Ctx, documentId: DocumentId, text: string): Promise<void> {
  if (ctx.dialect !== 'sqlite') return;
  await sql`insert into document_fts (text, project_id, document_id) values (${text}, ${ctx.projectId}, ${documentId})`.execute(ctx.db);
}

export async function searchText(ctx: Ctx, query: string): Promise<SearchHit[]> {
  const terms = words(query);
  if (terms.length === 0) return [];
  if (ctx.dialect === 'sqlite') {
    // Each word quoted, so FTS5 syntax in the query is taken literally; juxtaposition means AND.
    const match = terms.map((w) => `"${w}"`).join(' ');
    const { rows } = await sql<{ id: string; name: string }>`
      select d.id, d.name from document_fts f
      join documents d on d.project_id = f.project_id and d.id = f.document_id
      where document_fts match ${match} and f.project_id = ${ctx.projectId}
      order by f.rank, d.name`.execute(ctx.db);
    return rows.map((r) => ({ documentId: r.id, name: r.name }));
  }
  const { rows } = await sql<{ id: string; name: string }>`
    select id, name from documents, plainto_tsquery('simple', crosswise_unaccent(${terms.join(' ')})) q
    where project_id = ${ctx.projectId} and search @@ q
    order by ts_rank(search, q) desc, name`.execute(ctx.db);
  return rows.map((r) => ({ documentId: r.id, name: r.name }));
}

/**
 * Ids of the documents whose index has, for every term, a word equal to it (or,
 * for a prefix term, starting with it), ignoring case and accents. A term the
 * index would cut into several words requires each of them. Sorted by id.
 */
export async function matchDocuments(ctx: Ctx, terms: readonly IndexTerm[]): Promise<DocumentId[]> {
  const parts = terms.flatMap((t) => {
    const ws = words(t.text);
    return ws.map((w, i) => ({ word: w, prefix: t.prefix && i === ws.length - 1 }));
  });
  if (parts.length === 0) return [];
  let ids: string[];
  if (ctx.dialect === 'sqlite') {
    const match = parts.map((p) => `"${p.word}"${p.prefix ? '*' : ''}`).join(' ');
    const { rows } = await sql<{ id: string }>`
      select document_id as id from document_fts where document_fts match ${match} and project_id = ${ctx.projectId}`.execute(ctx.db);
    ids = rows.map((r) => r.id);
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
