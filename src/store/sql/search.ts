import { sql } from 'kysely';
import type { SearchHit } from '../store.ts';
import type { Ctx } from './context.ts';

/** Words of a query, as both full-text engines tokenise them (letters and digits). */
const words = (query: string) => query.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];

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
