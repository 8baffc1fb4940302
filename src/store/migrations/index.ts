import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';
import { initialSchema } from './001-initial-schema.ts';
import { fullTextIndex } from './002-full-text-index.ts';
import { documentPagesAndProvenance } from './003-document-pages-and-provenance.ts';
import { recordVersionsAndUserLanguage } from './004-record-versions-and-user-language.ts';
import { frameworkMatrices } from './005-framework-matrices.ts';
import { searchWordBoundaries } from './006-search-word-boundaries.ts';
import { needsGapsAndReportDraft } from './007-needs-gaps-and-report-draft.ts';
import { servicesInventory } from './008-services-inventory.ts';
import { codingTallies } from './009-coding-tallies.ts';
import { codedPassages } from './010-coded-passages.ts';
import { explicitTextIndexing } from './011-explicit-text-indexing.ts';
import { codingsBySegment } from './012-codings-by-segment.ts';
import { contentlessTextIndex } from './013-contentless-text-index.ts';
import { deferredTextIndexing } from './014-deferred-text-indexing.ts';
import { textIndexFile } from './015-text-index-file.ts';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}

/** Forward-only, applied in order on open. Append; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', up: initialSchema },
  { version: 2, name: 'full-text index of document text', up: fullTextIndex },
  { version: 3, name: 'document pages and import provenance', up: documentPagesAndProvenance },
  { version: 4, name: 'record versions and user language', up: recordVersionsAndUserLanguage },
  { version: 5, name: 'framework matrices', up: frameworkMatrices },
  { version: 6, name: 'search word boundaries', up: searchWordBoundaries },
  { version: 7, name: 'needs, barriers, gap decisions and report draft', up: needsGapsAndReportDraft },
  { version: 8, name: 'services inventory', up: servicesInventory },
  { version: 9, name: 'coding tallies and covering indexes', up: codingTallies },
  { version: 10, name: 'coded passages and code reach', up: codedPassages },
  { version: 11, name: 'text indexed by the store on insert', up: explicitTextIndexing },
  { version: 12, name: 'codings by segment', up: codingsBySegment },
  { version: 13, name: 'contentless text index', up: contentlessTextIndex },
  { version: 14, name: 'deferred text indexing', up: deferredTextIndexing },
  { version: 15, name: 'text index in a file of its own', up: textIndexFile },
];
