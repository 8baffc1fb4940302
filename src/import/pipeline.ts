// Import: files → extractor → normalised text with turns, pages and language →
// one transaction per document. A bad file is reported and the batch goes on.

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { AttributeValue, CaseId, Language, PageRange, SpeakerTurn } from '../core/model.ts';
import { CrosswiseError, invalid } from '../core/errors.ts';
import { parseAttributeValue } from '../core/invariants/attributes.ts';
import { normaliseText, type OffsetMap } from '../core/text/offsets.ts';
import { detectTurns } from '../core/text/turns.ts';
import { detectLanguage } from '../core/text/language.ts';
import { extractorFor, SUPPORTED_EXTENSIONS, extensionOf } from '../formats/registry.ts';
import { DEFAULT_LIMITS, mb, type Limits } from '../formats/types.ts';
import type { ProjectStore } from '../store/store.ts';
import { collectFiles, type Candidate } from './files.ts';

export interface ImportOptions {
  /** The case every document belongs to: found by name or path, else created as a participant. */
  caseName?: string;
  /** The site: found, else created; the parent of a new case. */
  siteName?: string;
  /** Attribute values (as typed) set on the case, or on the site without a case. */
  attributes?: Record<string, string>;
  limits?: Partial<Limits>;
}

export type FileOutcome =
  | {
      file: string;
      status: 'imported';
      documentId: string;
      name: string;
      format: string;
      encoding?: string;
      language: Language | null;
      characters: number;
      turns: number;
      speakers: string[];
      pages: number;
      warnings: string[];
    }
  | { file: string; status: 'duplicate'; existing: { id: string; name: string } }
  | { file: string; status: 'failed'; reason: string }
  | { file: string; status: 'skipped'; reason: string };

export interface Progress {
  done: number;
  total: number;
  file: string;
}

const mapRange = <T extends { start: number; end: number }>(map: OffsetMap, r: T): T => ({
  ...r,
  start: map.toNormalised(r.start),
  end: map.toNormalised(r.end),
});

/** The text, offsets and facts of one file, ready to store; throws a CrosswiseError for a bad file. */
async function prepare(path: string, bytes: Uint8Array, limits: Limits) {
  const extractor = extractorFor(path);
  if (!extractor) {
    throw invalid(`unsupported file type "${extname(path) || basename(path)}" (Crosswise reads ${SUPPORTED_EXTENSIONS.map((e) => `.${e}`).join(' ')})`);
  }
  const extracted = await extractor.extract(bytes, limits);
  if (extracted.text.length > limits.maxTextLength) {
    throw invalid(`the extracted text is ${mb(extracted.text.length * 2)}, above the limit of ${mb(limits.maxTextLength * 2)}`);
  }
  const { text, map, hadBom, lineEndings } = normaliseText(extracted.text);
  if (!text.trim()) throw invalid('the file has no text');
  const turns: SpeakerTurn[] = extracted.turns ? extracted.turns.map((t) => mapRange(map, t)) : detectTurns(text);
  const pages: PageRange[] = (extracted.pages ?? []).map((p) => mapRange(map, p));
  const language = detectLanguage(text) ?? extracted.language ?? null;
  return { extractor, extracted, text, turns, pages, language, hadBom, lineEndings };
}

/** A name not yet used in the project: the file's name, then "name (2)", "name (3)", … */
async function freeName(project: ProjectStore, wanted: string): Promise<string> {
  for (let n = 1; ; n++) {
    const name = n === 1 ? wanted : `${wanted} (${n})`;
    try {
      await project.findDocument(name);
    } catch (err) {
      if (err instanceof CrosswiseError && err.kind === 'not_found') return name;
      throw err;
    }
  }
}

async function findOrCreateCase(project: ProjectStore, kind: 'site' | 'participant', name: string, parentId: CaseId | null): Promise<CaseId> {
  try {
    return (await project.findCase(name)).id;
  } catch (err) {
    if (!(err instanceof CrosswiseError && err.kind === 'not_found')) throw err;
    return (await project.createCase({ kind, name, parentId })).id;
  }
}

/** Finds or creates the site and case the options name, and sets their attributes. */
async function attachCase(project: ProjectStore, options: ImportOptions): Promise<CaseId | null> {
  const siteId = options.siteName ? await findOrCreateCase(project, 'site', options.siteName, null) : null;
  const caseId = options.caseName ? await findOrCreateCase(project, 'participant', options.caseName, siteId) : siteId;
  const attributes = Object.entries(options.attributes ?? {});
  if (!caseId) return null;
  const defined = await project.listAttributes();
  const current = (await project.findCase(caseId)).attributes;
  for (const [name, raw] of attributes) {
    // Undeclared attributes are created as text; declared ones parse to their type.
    const attribute = defined.find((a) => a.name.toLowerCase() === name.toLowerCase()) ?? (await project.defineAttribute({ name, type: 'text' }));
    const value: AttributeValue = parseAttributeValue(attribute.type, raw, attribute.name);
    if (current[attribute.name] !== value) await project.setAttribute(caseId, attribute.name, value);
  }
  return caseId;
}

const sizeProblem = (size: number, limits: Limits): string | null =>
  size === 0 ? 'the file is empty' : size > limits.maxFileBytes ? `the file is ${mb(size)}, above the limit of ${mb(limits.maxFileBytes)}` : null;

async function importOne(project: ProjectStore, candidate: Candidate, options: ImportOptions, limits: Limits): Promise<FileOutcome> {
  const file = candidate.path;
  if (!candidate.explicit && !extractorFor(file)) return { file, status: 'skipped', reason: `not a transcript format (.${extensionOf(file) || '?'})` };
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { file, status: 'failed', reason: 'not a regular file' };
    size = stat.size;
  } catch (err) {
    return { file, status: 'failed', reason: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read the file (${(err as Error).message})` };
  }
  const tooSmallOrLarge = sizeProblem(size, limits);
  if (tooSmallOrLarge) return { file, status: 'failed', reason: tooSmallOrLarge };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return { file, status: 'failed', reason: `cannot read the file (${(err as Error).message})` };
  }
  return importBytes(project, { file, bytes }, options, limits);
}

/** Stores one file's bytes as a document; `file` names it in the report and gives the document its name. */
async function importBytes(project: ProjectStore, upload: { file: string; bytes: Uint8Array }, options: ImportOptions, limits: Limits): Promise<FileOutcome> {
  const { file, bytes } = upload;
  try {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const twin = await project.findDocumentBySha256(sha256);
    if (twin) return { file, status: 'duplicate', existing: { id: twin.id, name: twin.name } };
    const doc = await prepare(file, bytes, limits);
    const summary = await project.transaction(async (tx) => {
      const caseId = await attachCase(tx, options);
      return tx.addDocument({
        name: await freeName(tx, basename(file, extname(file))),
        text: doc.text,
        language: doc.language,
        turns: doc.turns,
        pages: doc.pages,
        caseId,
        importInfo: {
          format: doc.extractor.format,
          ...(doc.extracted.encoding ? { encoding: doc.extracted.encoding } : {}),
          lineEndings: doc.lineEndings,
          bom: doc.hadBom || doc.extracted.bom === true,
          warnings: doc.extracted.warnings,
        },
        original: { filename: basename(file), mediaType: doc.extractor.mediaType, bytes },
      });
    });
    return {
      file,
      status: 'imported',
      documentId: summary.id,
      name: summary.name,
      format: doc.extractor.format,
      ...(doc.extracted.encoding ? { encoding: doc.extracted.encoding } : {}),
      language: doc.language,
      characters: summary.length,
      turns: doc.turns.length,
      speakers: [...new Set(doc.turns.map((t) => t.speaker))],
      pages: doc.pages.length,
      warnings: doc.extracted.warnings,
    };
  } catch (err) {
    // Only our own errors carry a message meant for the user; anything else is a defect in an extractor.
    const reason = err instanceof CrosswiseError ? err.message : `could not be read (${(err as Error).message})`;
    return { file, status: 'failed', reason };
  }
}

/**
 * Imports one uploaded file (the web UI's drag-and-drop) with the same checks,
 * caps and report as a file on disk. Only the file's base name is used.
 */
export async function importUpload(project: ProjectStore, upload: { name: string; bytes: Uint8Array }, options: ImportOptions = {}): Promise<FileOutcome> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const file = basename(upload.name.replaceAll('\\', '/'));
  const tooSmallOrLarge = sizeProblem(upload.bytes.length, limits);
  if (tooSmallOrLarge) return { file, status: 'failed', reason: tooSmallOrLarge };
  return importBytes(project, { file, bytes: upload.bytes }, options, limits);
}

/** Imports files and folders into a project, one transaction per document, never stopping at a bad file. */
export async function importFiles(
  project: ProjectStore,
  paths: readonly string[],
  options: ImportOptions = {},
  onProgress?: (progress: Progress) => void,
): Promise<FileOutcome[]> {
  if (Object.keys(options.attributes ?? {}).length && !options.caseName && !options.siteName) {
    throw invalid('--attr needs --case or --site: attributes describe a case');
  }
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const candidates = collectFiles(paths);
  const outcomes: FileOutcome[] = [];
  for (const [i, candidate] of candidates.entries()) {
    onProgress?.({ done: i, total: candidates.length, file: candidate.path });
    outcomes.push(await importOne(project, candidate, options, limits));
  }
  onProgress?.({ done: candidates.length, total: candidates.length, file: '' });
  return outcomes;
}
