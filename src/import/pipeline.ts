// Import: files → extractor → normalised text with turns, pages and language →
// one transaction per document. A bad file is reported and the batch goes on.

import { basename, extname } from 'node:path';
import type { AttributeValue, CaseId, Language } from '../core/model.ts';
import { CrosswiseError, invalid } from '../core/errors.ts';
import { parseAttributeValue } from '../core/invariants/attributes.ts';
import { extractorFor, extensionOf } from '../formats/registry.ts';
import { DEFAULT_LIMITS, type Limits } from '../formats/types.ts';
import type { ProjectStore } from '../store/store.ts';
import { collectFiles } from './files.ts';
import { prepareBytes, prepareFile, sizeProblem, type Prepared } from './prepare.ts';

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

/** Writes one prepared file as a document in the caller's transaction (throws if it cannot); `file` names it in the report and gives the document its name. */
async function writePrepared(tx: ProjectStore, file: string, prepared: Prepared, options: ImportOptions): Promise<FileOutcome> {
  if (prepared.kind === 'unreadable') return { file, status: 'failed', reason: prepared.reason };
  const twin = await tx.findDocumentBySha256(prepared.sha256);
  if (twin) return { file, status: 'duplicate', existing: { id: twin.id, name: twin.name } };
  if (prepared.kind === 'unusable') return { file, status: 'failed', reason: prepared.reason };
  const { document: doc, bytes } = prepared;
  const caseId = await attachCase(tx, options);
  const summary = await tx.addDocument({
    name: basename(file, extname(file)),
    numberTakenName: true,
    text: doc.text,
    language: doc.language,
    turns: doc.turns,
    pages: doc.pages,
    caseId,
    importInfo: doc.importInfo,
    original: { filename: basename(file), mediaType: doc.mediaType, bytes, sha256: prepared.sha256 },
  });
  return {
    file,
    status: 'imported',
    documentId: summary.id,
    name: summary.name,
    format: doc.format,
    ...(doc.encoding ? { encoding: doc.encoding } : {}),
    language: doc.language,
    characters: summary.length,
    turns: doc.turns.length,
    speakers: [...new Set(doc.turns.map((t) => t.speaker))],
    pages: doc.pages.length,
    warnings: doc.warnings,
  };
}

/** Stores one prepared file in a transaction of its own: all of it, or a failed outcome saying why. */
async function storePrepared(project: ProjectStore, file: string, prepared: Prepared, options: ImportOptions): Promise<FileOutcome> {
  try {
    return await project.transaction((tx) => writePrepared(tx, file, prepared, options));
  } catch (err) {
    const reason = err instanceof CrosswiseError ? err.message : `could not be saved (${(err as Error).message})`;
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
  const outcome = await storePrepared(project, file, await prepareBytes(file, upload.bytes, limits), options);
  await project.indexText();
  return outcome;
}

/**
 * Documents written per transaction: a commit, and the full-text index run after it, cost once a
 * batch instead of once a document. Should any document of a batch fail, the batch is undone
 * and written again one document per transaction, so a bad file never takes the others with
 * it. A batch waits in memory: capped in characters too.
 */
const BATCH = { documents: 128, characters: 4_000_000 };
// Documents are written without their full-text index, which is built after each batch (on
// another thread and in a file of its own in SQLite) while the next files are prepared and
// written: see store indexText.

/** Imports files and folders into a project, each document all or nothing, never stopping at a bad file. */
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
  // Files in order: prepared ones wait for their batch's transaction, skipped ones have their outcome.
  let batch: ({ file: string; prepared: Prepared } | { outcome: FileOutcome })[] = [];
  let characters = 0;
  // The index runs of the last two batches: the newer one is built while this batch is written.
  let indexing: [Promise<void>, Promise<void>] = [Promise.resolve(), Promise.resolve()];
  const write = async () => {
    const pending = batch;
    batch = [];
    characters = 0;
    // The index trails by two batches at most: what it has yet to read is held in memory until then.
    await indexing[0];
    try {
      outcomes.push(...(await project.transaction(async (tx) => {
        const written: FileOutcome[] = [];
        for (const entry of pending) written.push('outcome' in entry ? entry.outcome : await writePrepared(tx, entry.file, entry.prepared, options));
        return written;
      })));
    } catch {
      for (const entry of pending) outcomes.push('outcome' in entry ? entry.outcome : await storePrepared(project, entry.file, entry.prepared, options));
    }
    // A failure is left to the final indexText below, which redoes what waits.
    indexing = [indexing[1], project.indexText().catch(() => undefined)];
    await project.releaseMemory();
  };
  for (const [i, { path: file, explicit }] of candidates.entries()) {
    onProgress?.({ done: i, total: candidates.length, file });
    // Files named on the command line are tried whatever their type, so an unsupported one is reported.
    if (!explicit && !extractorFor(file)) {
      batch.push({ outcome: { file, status: 'skipped', reason: `not a transcript format (.${extensionOf(file) || '?'})` } });
      continue;
    }
    const prepared = await prepareFile(file, limits);
    batch.push({ file, prepared });
    characters += prepared.kind === 'document' ? prepared.document.text.length : 0;
    if (batch.length >= BATCH.documents || characters >= BATCH.characters) await write();
  }
  await write();
  await Promise.all(indexing);
  await project.indexText();
  onProgress?.({ done: candidates.length, total: candidates.length, file: '' });
  return outcomes;
}
