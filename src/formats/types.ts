// What every format extractor produces, and the limits it must respect.
// Extractors are pure functions of bytes: they never touch the store, the
// network or the file system, and never execute or fetch anything a file names.

import type { Language, PageRange, SpeakerTurn } from '../core/model.ts';
import { invalid } from '../core/errors.ts';

export type { PageRange };

export interface Extracted {
  /** The document's plain text. Any line endings; the pipeline normalises them and maps offsets. */
  text: string;
  /** Speaker turns the format itself carries (VTT voices, CSV columns), in code points of `text`. */
  turns?: SpeakerTurn[];
  /** Page boundaries (PDF), in code points of `text`. */
  pages?: PageRange[];
  /** The character encoding the bytes were decoded from, for text formats. */
  encoding?: string;
  /** The bytes began with a byte-order mark, which decoding removed. */
  bom?: boolean;
  /** A language the file declares (e.g. <html lang>), which detection may confirm. */
  language?: Language;
  /** Things the user should know that did not stop the import. */
  warnings: string[];
}

export interface Limits {
  /** Largest file read at all. */
  maxFileBytes: number;
  /** Largest extracted text, in UTF-16 units. */
  maxTextLength: number;
  /** Zip containers (docx, odt): total uncompressed bytes, and uncompressed/compressed ratio. */
  maxUnzippedBytes: number;
  maxZipRatio: number;
  /** PDF: pages read, and time allowed for one file. */
  maxPdfPages: number;
  pdfTimeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 40 * 2 ** 20,
  maxTextLength: 20 * 2 ** 20,
  maxUnzippedBytes: 200 * 2 ** 20,
  maxZipRatio: 100,
  maxPdfPages: 2000,
  pdfTimeoutMs: 60_000,
};

export interface Extractor {
  /** Short name shown in reports: "docx", "pdf", "text", … */
  readonly format: string;
  /** Lower-case file extensions without the dot. */
  readonly extensions: readonly string[];
  readonly mediaType: string;
  extract(bytes: Uint8Array, limits: Limits): Promise<Extracted>;
}

/** A file that cannot be imported, with a message a researcher can act on (no file name: the pipeline adds it). */
export const unreadable = (message: string) => invalid(message);

/** Megabytes for messages. */
export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
