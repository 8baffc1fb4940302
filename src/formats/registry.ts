import type { Extractor } from './types.ts';
import { textExtractor } from './text.ts';
import { docxExtractor } from './docx.ts';
import { odtExtractor } from './odt.ts';
import { rtfExtractor } from './rtf.ts';
import { htmlExtractor } from './html.ts';
import { markdownExtractor } from './markdown.ts';
import { pdfExtractor } from './pdf.ts';
import { vttExtractor } from './vtt.ts';
import { srtExtractor } from './srt.ts';
import { csvTranscriptExtractor } from './csv-transcript.ts';

/** Every format Crosswise reads, by file extension. */
export const EXTRACTORS: readonly Extractor[] = [textExtractor, docxExtractor, odtExtractor, rtfExtractor, htmlExtractor, markdownExtractor, pdfExtractor, vttExtractor, srtExtractor, csvTranscriptExtractor];

const byExtension = new Map(EXTRACTORS.flatMap((e) => e.extensions.map((ext) => [ext, e] as const)));

export const SUPPORTED_EXTENSIONS: readonly string[] = [...byExtension.keys()].sort();

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
}

export function extractorFor(filename: string): Extractor | undefined {
  return byExtension.get(extensionOf(filename));
}
