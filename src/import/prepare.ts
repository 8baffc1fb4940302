// Everything an import does before it touches the store: read the file, hash it,
// extract, normalise line endings (with the offset map), detect turns and language.
// Pure of the store.

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { ImportInfo, Language, PageRange, SpeakerTurn } from '../core/model.ts';
import { CrosswiseError, invalid } from '../core/errors.ts';
import { normaliseText, type OffsetMap } from '../core/text/offsets.ts';
import { detectTurns } from '../core/text/turns.ts';
import { detectLanguage } from '../core/text/language.ts';
import { extractorFor, SUPPORTED_EXTENSIONS } from '../formats/registry.ts';
import { mb, type Limits } from '../formats/types.ts';

/** A file's text, offsets and facts, ready to store. */
export interface PreparedDocument {
  text: string;
  turns: SpeakerTurn[];
  pages: PageRange[];
  language: Language | null;
  format: string;
  mediaType: string;
  encoding?: string;
  importInfo: ImportInfo;
  warnings: string[];
}

export type Prepared =
  | { kind: 'document'; sha256: string; bytes: Uint8Array; document: PreparedDocument }
  /** Read but not importable; the hash still lets the pipeline report a duplicate instead. */
  | { kind: 'unusable'; sha256: string; reason: string }
  | { kind: 'unreadable'; reason: string };

export const sizeProblem = (size: number, limits: Limits): string | null =>
  size === 0 ? 'the file is empty' : size > limits.maxFileBytes ? `the file is ${mb(size)}, above the limit of ${mb(limits.maxFileBytes)}` : null;

const mapRange = <T extends { start: number; end: number }>(map: OffsetMap, r: T): T => ({
  ...r,
  start: map.toNormalised(r.start),
  end: map.toNormalised(r.end),
});

/** Throws a CrosswiseError for a bad file. */
async function extractDocument(file: string, bytes: Uint8Array, limits: Limits): Promise<PreparedDocument> {
  const extractor = extractorFor(file);
  if (!extractor) {
    throw invalid(`unsupported file type "${extname(file) || basename(file)}" (Crosswise reads ${SUPPORTED_EXTENSIONS.map((e) => `.${e}`).join(' ')})`);
  }
  const extracted = await extractor.extract(bytes, limits);
  if (extracted.text.length > limits.maxTextLength) {
    throw invalid(`the extracted text is ${mb(extracted.text.length * 2)}, above the limit of ${mb(limits.maxTextLength * 2)}`);
  }
  const { text, map, hadBom, lineEndings } = normaliseText(extracted.text);
  if (!text.trim()) throw invalid('the file has no text');
  const turns: SpeakerTurn[] = extracted.turns ? extracted.turns.map((t) => mapRange(map, t)) : detectTurns(text);
  const pages: PageRange[] = (extracted.pages ?? []).map((p) => mapRange(map, p));
  const encoding = extracted.encoding ? { encoding: extracted.encoding } : {};
  return {
    text,
    turns,
    pages,
    language: detectLanguage(text) ?? extracted.language ?? null,
    format: extractor.format,
    mediaType: extractor.mediaType,
    ...encoding,
    importInfo: { format: extractor.format, ...encoding, lineEndings, bom: hadBom || extracted.bom === true, warnings: extracted.warnings },
    warnings: extracted.warnings,
  };
}

/** Prepares bytes already in memory; never throws. */
export async function prepareBytes(file: string, bytes: Uint8Array, limits: Limits): Promise<Prepared> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    return { kind: 'document', sha256, bytes, document: await extractDocument(file, bytes, limits) };
  } catch (err) {
    // Only our own errors carry a message meant for the user; anything else is a defect in an extractor.
    const reason = err instanceof CrosswiseError ? err.message : `could not be read (${(err as Error).message})`;
    return { kind: 'unusable', sha256, reason };
  }
}

/** Reads and prepares a file on disk, refusing what is not a regular file or is empty or too large; never throws. */
export async function prepareFile(file: string, limits: Limits): Promise<Prepared> {
  let bytes: Uint8Array;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { kind: 'unreadable', reason: 'not a regular file' };
    const problem = sizeProblem(stat.size, limits);
    if (problem) return { kind: 'unreadable', reason: problem };
    bytes = readFileSync(file);
  } catch (err) {
    return { kind: 'unreadable', reason: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read the file (${(err as Error).message})` };
  }
  return prepareBytes(file, bytes, limits);
}
