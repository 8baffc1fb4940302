import type { Code } from '../model.ts';
import { invalid } from '../errors.ts';

/** A segment covers at least one code point inside its document: 0 ≤ start < end ≤ length. */
export function checkSegmentRange(start: number, end: number, length: number, documentName = 'the document'): void {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) {
    throw invalid(`segment offsets must be whole numbers, got ${start}..${end}`);
  }
  if (start < 0 || end > length) {
    throw invalid(`segment ${start}..${end} is outside ${documentName} (0..${length} code points)`);
  }
  if (start >= end) throw invalid(`segment ${start}..${end} is empty: the end must be after the start`);
}

/** Categories and themes group codes; only codable codes can be applied to text. */
export function assertCodable(code: Pick<Code, 'name' | 'codable'>): void {
  if (!code.codable) throw invalid(`code "${code.name}" is a category and cannot be applied to text`);
}

const COLOR = /^#[0-9a-f]{6}$/i;

export function checkColor(color: string): string {
  if (!COLOR.test(color)) throw invalid(`colour must look like #rrggbb, got "${color}"`);
  return color.toLowerCase();
}
