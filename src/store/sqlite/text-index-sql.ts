// The full-text index file's statements, shared by its connection on the store's thread
// (text-index.ts) and the indexing thread (text-indexer.ts), which cannot import TypeScript.

/** The index file of a database file. */
export const searchIndexFile = (databaseFile: string): string => `${databaseFile}-search`;

/**
 * Run by every connection to the index (main schema) with the database attached as `corpus`.
 * `document_fts` (migration 013) keeps no text and no positions: it only tells which documents
 * hold every word; `indexed` names the document each entry was made for.
 */
export const SETUP = [
  'pragma journal_mode = WAL',
  'pragma synchronous = NORMAL',
  `create virtual table if not exists document_fts using fts5(
    text, content = '', contentless_delete = 1, detail = none, tokenize = 'unicode61 remove_diacritics 2')`,
  'create table if not exists indexed (key integer primary key, document_id text not null)',
];
export const ATTACH_CORPUS = 'attach database ? as corpus';

/** Entries whose key no longer names the same document (deleted, or its text changed: migration 015). */
export const STALE = 'select i.key from indexed i where not exists (select 1 from corpus.document_fts_keys k where k.id = i.key and k.document_id = i.document_id)';
/** Documents the index has no entry for. */
export const NOT_INDEXED = 'not exists (select 1 from indexed i where i.key = k.id and i.document_id = k.document_id)';

/**
 * One update, in one transaction on the index file. Deferred, not immediate: the first statement
 * writes the index, so only its lock is taken; the database is only read, at one snapshot.
 */
export const UPDATE = [
  `delete from document_fts where rowid in (${STALE})`,
  `delete from indexed where key in (${STALE})`,
  // OR REPLACE: another process may have indexed the same document meanwhile.
  `insert or replace into document_fts (rowid, text) select k.id, d.text from corpus.document_fts_keys k
    join corpus.documents d on d.project_id = k.project_id and d.id = k.document_id where ${NOT_INDEXED}`,
  `insert or replace into indexed (key, document_id) select k.id, k.document_id from corpus.document_fts_keys k where ${NOT_INDEXED}`,
];
