// Text search with keyword in context: the full-text index proposes candidate
// documents (both dialects), then the words of each candidate are matched in JS
// (core/text/match.ts), which decides and gives exact code-point offsets. The
// candidates are a superset: the index cuts and folds words at least as coarsely.

import type { AttributeValue, CaseId, Document, DocumentId, DocumentSummary, Language } from '../core/model.ts';
import type { CaseRef } from '../core/read-models.ts';
import { invalid } from '../core/errors.ts';
import { matchTerms } from '../core/text/match.ts';
import { CodePointIndex } from '../core/text/offsets.ts';
import { parseQuery, type QueryTerm } from '../core/text/query.ts';
import { enclosingRange, type Range } from '../core/text/ranges.ts';
import { paragraphRanges, sentenceRanges } from '../core/text/sentences.ts';
import { turnBody } from '../core/text/speakers.ts';
import { stemmerFor, stemPrefix } from '../core/text/stem.ts';
import { tokenize } from '../core/text/tokens.ts';
import type { IndexTerm, ProjectStore } from '../store/store.ts';
import { caseTree } from './case-tree.ts';

/** Which documents an analysis reads. */
export interface DocumentScope {
  /** Only documents whose case is at this site. */
  siteId?: CaseId;
  /** Only documents whose case, or an enclosing case, has this value (compared as text, ignoring case). */
  attribute?: { name: string; value: string };
  documentIds?: DocumentId[];
}

export interface ScopedDocument {
  summary: DocumentSummary;
  case: CaseRef | null;
  site: CaseRef | null;
}

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const sameValue = (a: AttributeValue | undefined, b: string) => a !== undefined && String(a).toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The documents in scope with their case and site, ordered by name. */
export async function documentsInScope(project: ProjectStore, scope: DocumentScope = {}): Promise<ScopedDocument[]> {
  const [documents, cases] = await Promise.all([project.listDocuments(), project.listCases()]);
  const tree = caseTree(cases);
  const only = scope.documentIds ? new Set(scope.documentIds) : null;
  const scoped: ScopedDocument[] = [];
  for (const summary of documents) {
    if (only && !only.has(summary.id)) continue;
    const site = tree.enclosing(summary.caseId, 'site');
    if (scope.siteId && site?.id !== scope.siteId) continue;
    if (scope.attribute) {
      const { name, value } = scope.attribute;
      let match = false;
      for (let c = tree.get(summary.caseId); c && !match; c = tree.get(c.parentId)) match = sameValue(c.attributes[name], value);
      if (!match) continue;
    }
    const own = tree.get(summary.caseId);
    scoped.push({ summary, case: own ? { id: own.id, name: own.name } : null, site });
  }
  return scoped.sort((a, b) => byName.compare(a.summary.name, b.summary.name) || (a.summary.id < b.summary.id ? -1 : 1));
}

/** The language a document is read in (stemming): its own, else the project's first. */
export async function languageResolver(project: ProjectStore): Promise<(doc: DocumentSummary) => Language> {
  const fallback = (await project.get()).languages[0] ?? 'en';
  return (doc) => doc.language ?? fallback;
}

/** One document's sentences, paragraphs and turns, computed when first asked for. */
export class DocumentUnits {
  private cache: { sentences?: Range[]; paragraphs?: Range[]; turns?: { speaker: string; turn: Range; body: Range }[] } = {};
  readonly index: CodePointIndex;

  constructor(readonly doc: Document) {
    this.index = new CodePointIndex(doc.text);
  }

  get turns(): { speaker: string; turn: Range; body: Range }[] {
    return (this.cache.turns ??= this.doc.turns.map((t) => ({ speaker: t.speaker, turn: { start: t.start, end: t.end }, body: turnBody(this.index, t) })));
  }

  turnOf(range: Range): { speaker: string; turn: Range; body: Range } | null {
    return this.turns.find((t) => t.turn.start <= range.start && range.start < t.turn.end) ?? null;
  }

  /** The sentence(s) around a range, starting after a speaker label. */
  sentenceOf(range: Range): Range {
    const sentence = enclosingRange((this.cache.sentences ??= sentenceRanges(this.index)), range.start, range.end) ?? range;
    const body = this.turnOf(range)?.body;
    if (body && body.start > sentence.start && body.start <= range.start) return { start: body.start, end: sentence.end };
    return sentence;
  }

  paragraphOf(range: Range): Range {
    return enclosingRange((this.cache.paragraphs ??= paragraphRanges(this.index)), range.start, range.end) ?? range;
  }
}

export interface SearchOptions extends DocumentScope {
  /** Match English and French words by their Snowball stem, in each document's language. */
  stem?: boolean;
}

export interface DocumentHits {
  document: ScopedDocument;
  units: DocumentUnits;
  hits: Range[];
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** What the index must contain for a document to be a candidate; stemmed words become prefixes of their stems. */
function indexTerms(terms: readonly QueryTerm[], languages: readonly Language[], stem: boolean): IndexTerm[] {
  return terms.flatMap((term) =>
    term.words.flatMap((word, i) => {
      const prefix = term.prefix && i === term.words.length - 1;
      if (!stem || prefix) return [{ text: word, prefix }];
      const common = commonPrefix(languages.map((l) => stemPrefix(stemmerFor(l)(word))));
      return common ? [{ text: common, prefix: true }] : [];
    }),
  );
}

/** Parses a query; a query without words is refused. */
export function queryTerms(query: string): QueryTerm[] {
  const terms = parseQuery(query);
  if (terms.length === 0) throw invalid(`the query has no words to search for: ${query}`);
  return terms;
}

/** The documents that match every term of `query`, by name, each with its hits in text order; read lazily. */
export async function* searchDocuments(project: ProjectStore, query: string, options: SearchOptions = {}): AsyncGenerator<DocumentHits> {
  const terms = queryTerms(query);
  const scoped = await documentsInScope(project, options);
  const languageOf = await languageResolver(project);
  const languages = [...new Set(scoped.map((d) => languageOf(d.summary)))];
  const wanted = indexTerms(terms, languages, options.stem ?? false);
  const candidates = wanted.length > 0 ? new Set(await project.matchDocuments(wanted)) : null;
  for (const document of scoped) {
    if (candidates && !candidates.has(document.summary.id)) continue;
    const units = new DocumentUnits(await project.getDocument(document.summary.id));
    const stem = options.stem ? { stem: stemmerFor(languageOf(document.summary)) } : {};
    const hits = matchTerms(tokenize(units.index), terms, stem);
    if (hits) yield { document, units, hits };
  }
}

export interface KwicHit {
  document: { id: DocumentId; name: string };
  case: CaseRef | null;
  site: CaseRef | null;
  /** The speaker of the turn the hit is in. */
  speaker: string | null;
  /** The hit, in code points of the document's text. */
  start: number;
  end: number;
  /** The sentence around the hit, in code points of the document's text. */
  sentence: Range;
  /** The sentence's text before the hit, the hit, and after it. */
  before: string;
  hit: string;
  after: string;
}

export interface KwicPage {
  hits: KwicHit[];
  /** More hits follow this page. */
  more: boolean;
}

function kwic({ document, units }: DocumentHits, hit: Range): KwicHit {
  const sentence = units.sentenceOf(hit);
  const { index } = units;
  return {
    document: { id: document.summary.id, name: document.summary.name },
    case: document.case,
    site: document.site,
    speaker: units.turnOf(hit)?.speaker ?? null,
    start: hit.start,
    end: hit.end,
    sentence,
    before: index.slice(sentence.start, hit.start),
    hit: index.slice(hit.start, hit.end),
    after: index.slice(hit.end, sentence.end),
  };
}

/** Keyword in context: hits `offset`…`offset + limit` (documents by name, hits in text order); reads no further. */
export async function keywordsInContext(
  project: ProjectStore,
  query: string,
  options: SearchOptions & { limit?: number; offset?: number } = {},
): Promise<KwicPage> {
  const limit = options.limit ?? 100;
  const offset = options.offset ?? 0;
  const hits: KwicHit[] = [];
  let seen = 0;
  for await (const found of searchDocuments(project, query, options)) {
    for (const hit of found.hits) {
      if (seen++ < offset) continue;
      if (hits.length === limit) return { hits, more: true };
      hits.push(kwic(found, hit));
    }
  }
  return { hits, more: false };
}
