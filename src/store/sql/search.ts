import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { DocumentId } from '../../core/model.ts';
import type { IndexTerm, SearchHit } from '../store.ts';
import type { Ctx } from './context.ts';

/** Words of a query, as both full-text engines tokenise them (letters and digits). */
const words = (query: string) => query.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];

/**
 * Adds a new document's text to SQLite's full-text index under a new key (migrations 011 and
 * 013 explain why the store does this, not a trigger), or, deferred, leaves it waiting for
 * indexText (migration 014). PostgreSQL indexes a generated column.
 */
export async function indexNewDocument(ctx: Ctx, documentId: DocumentId, text: string, defer: boolean): Promise<void> {
  if (ctx.dialect !== 'sqlite') return;
  const { insertId } = await sql`insert into document_fts_keys (project_id, document_id, indexed)
    values (${ctx.projectId}, ${documentId}, ${defer ? 0 : 1})`.execute(ctx.db);
  if (!defer) await sql`insert into document_fts (rowid, text) values (${insertId}, ${text})`.execute(ctx.db);
}

/** SQLite: every document waiting for the full-text index into it, then marked indexed (one FTS5 flush for all). */
export const INDEX_WAITING = [
  `insert into document_fts (rowid, text) select k.id, d.text from document_fts_keys k
    join documents d on d.project_id = k.project_id and d.id = k.document_id where k.indexed = 0`,
  'update document_fts_keys set indexed = 1 where indexed = 0',
];

/** Indexes what waits, in this connection; a transaction only when something waits. */
export async function indexWaiting(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql`select 1 from document_fts_keys where indexed = 0 limit 1`.execute(db);
  if (rows.length === 0) return;
  const run = async (tx: Kysely<Database>) => {
    for (const statement of INDEX_WAITING) await sql.raw(statement).execute(tx);
  };
  await (db.isTransaction ? run(db) : db.transaction().execute(run));
}

/**
 * Brings SQLite's full-text index up to date: on the adapter's indexing thread when there is
 * one and no transaction is open here (the thread would wait for it), else in this connection.
 */
export async function indexText(ctx: Ctx): Promise<void> {
  if (ctx.dialect !== 'sqlite') return;
  if (ctx.indexer && !ctx.db.isTransaction) {
    try {
      return await ctx.indexer.run();
    } catch {
      // A thread that cannot index leaves it to this one.
    }
  }
  await indexWaiting(ctx.db);
}

export async function searchText(ctx: Ctx, query: string): Promise<SearchHit[]> {
  await indexText(ctx); // exact, not candidates: nothing may wait
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
async function sqliteMatch(ctx: Ctx, parts: readonly IndexWord[]): Promise<string[]> {
  const match = (ps: readonly IndexWord[]) => ps.map((p) => `"${p.word}"${p.prefix ? '*' : ''}`).join(' ');
  const run = async (ps: readonly IndexWord[]) =>
    ps.length === 0
      ? (await ctx.db.selectFrom('documents').select('id').where('project_id', '=', ctx.projectId).execute()).map((r) => r.id)
      : (
          await sql<{ id: string }>`select k.document_id as id from document_fts f cross join document_fts_keys k
            where document_fts match ${match(ps)} and k.id = f.rowid and k.project_id = ${ctx.projectId}`.execute(ctx.db)
        ).rows.map((r) => r.id);
  // A document still waiting for the index (migration 014) is a candidate for any words.
  const waiting = async () =>
    (await sql<{ id: string }>`select document_id as id from document_fts_keys where project_id = ${ctx.projectId} and indexed = 0`.execute(ctx.db)).rows.map((r) => r.id);
  const unanswerable = (err: unknown) => /phrase queries are not supported/.test(String(err));
  const answerable = async () => {
    const kept: IndexWord[] = [];
    for (const p of parts) {
      try {
        await sql`select rowid from document_fts where document_fts match ${match([p])} limit 1`.execute(ctx.db);
        kept.push(p);
      } catch (err) {
        if (!unanswerable(err)) throw err;
      }
    }
    return kept;
  };
  const indexed = await run(parts).catch(async (err: unknown) => {
    if (!unanswerable(err)) throw err;
    return run(await answerable());
  });
  return [...new Set([...indexed, ...(await waiting())])];
}

/**
 * Ids of the documents whose index has, for every term, a word equal to it (or,
 * for a prefix term, starting with it), ignoring case and accents. A term the
 * index would cut into several words requires each of them (on SQLite, a word
 * cut in two is left out: see sqliteMatch). Sorted by id.
 */
export async function matchDocuments(ctx: Ctx, terms: readonly IndexTerm[]): Promise<DocumentId[]> {
  const parts = terms.flatMap((t) => {
    const ws = words(t.text);
    return ws.map((w, i) => ({ word: w, prefix: t.prefix && i === ws.length - 1 }));
  });
  if (parts.length === 0) return [];
  let ids: string[];
  if (ctx.dialect === 'sqlite') {
    ids = await sqliteMatch(ctx, parts);
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
