import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

// ASCII punctuation, which PostgreSQL's parser keeps inside tokens it reads as
// hosts, paths, e-mails or numbers ("and/or", "www.site.ca", "3.5").
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/**
 * PostgreSQL indexes the same words as SQLite's FTS5 (runs of letters and
 * digits): punctuation becomes a space before parsing, so "staff/volunteers"
 * is found by "volunteers" in both. SQLite needs nothing.
 */
export async function searchWordBoundaries(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres') return;
  const from = PUNCTUATION.replaceAll("'", "''");
  await sql
    .raw(
      `create or replace function crosswise_search_words(text) returns text
        language sql immutable parallel safe strict
        as $fn$ select translate(crosswise_unaccent($1), '${from}', repeat(' ', ${PUNCTUATION.length})) $fn$`,
    )
    .execute(db);
  await sql`alter table documents drop column search`.execute(db);
  await sql`alter table documents add column search tsvector
    generated always as (to_tsvector('simple', crosswise_search_words(text))) stored`.execute(db);
  await sql`create index documents_search_ix on documents using gin (search)`.execute(db);
}
