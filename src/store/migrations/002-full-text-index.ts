import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

/**
 * A full-text index of document text that the database keeps in step with the
 * documents table, so search never needs a rebuild. Accent- and case-insensitive
 * in both dialects; existing documents are indexed as part of the migration.
 */
export async function fullTextIndex(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') {
    // The index keeps its own copy of the text keyed by (project_id, document_id):
    // an external-content table would key on documents.rowid, which VACUUM may renumber.
    await sql`create virtual table document_fts using fts5(
      text, project_id unindexed, document_id unindexed,
      tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
    await sql`create trigger documents_fts_insert after insert on documents begin
      insert into document_fts(text, project_id, document_id) values (new.text, new.project_id, new.id); end`.execute(db);
    await sql`create trigger documents_fts_delete after delete on documents begin
      delete from document_fts where project_id = old.project_id and document_id = old.id; end`.execute(db);
    await sql`create trigger documents_fts_update after update of text on documents begin
      update document_fts set text = new.text where project_id = old.project_id and document_id = old.id; end`.execute(db);
    await sql`insert into document_fts(text, project_id, document_id) select text, project_id, id from documents`.execute(db);
  } else {
    await sql`create extension if not exists unaccent`.execute(db);
    // unaccent() is only STABLE; a generated column needs an IMMUTABLE wrapper
    // naming its dictionary explicitly.
    await sql`create or replace function crosswise_unaccent(text) returns text
      language sql immutable parallel safe strict
      as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$`.execute(db);
    await sql`alter table documents add column search tsvector
      generated always as (to_tsvector('simple', crosswise_unaccent(text))) stored`.execute(db);
    await sql`create index documents_search_ix on documents using gin (search)`.execute(db);
  }
}
