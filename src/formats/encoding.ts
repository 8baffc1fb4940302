// Decoding text files whose encoding nobody wrote down. Decided from evidence,
// in this order: a byte-order mark; valid UTF-8; otherwise a single-byte Western
// encoding, reported as Windows-1252 when it uses the 0x80–0x9F range (curly
// quotes, dashes, €) and ISO-8859-1 when it does not. Files that look like
// UTF-16 without a BOM, UTF-32, or binary data are refused rather than garbled.

import { isUtf8 } from 'node:buffer';
import { unreadable } from './types.ts';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-1';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** The text began with a byte-order mark (removed from `text`). */
  bom: boolean;
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

// Windows-1252 at 0x80–0x9F (five bytes are undefined and kept as C1 controls).
// Node's TextDecoder('windows-1252') decodes this range as ISO-8859-1, so the table is ours.
export const CP1252_C1 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 8192;
  for (let i = 0; i < bytes.length; i += chunk) {
    let s = '';
    for (const b of bytes.subarray(i, i + chunk)) s += b >= 0x80 && b <= 0x9f ? CP1252_C1[b - 0x80] : String.fromCharCode(b);
    parts.push(s);
  }
  return parts.join('');
}

function decode(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw unreadable(`the file is not valid ${encoding.toUpperCase()}: it has invalid byte sequences`);
  }
}

/** Share of zero bytes at even and odd positions of the first few KB: UTF-16 text has many on one side. */
function zeroProfile(bytes: Uint8Array): { even: number; odd: number; any: boolean } {
  const n = Math.min(bytes.length, 8192);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 === 0 ? even++ : odd++);
  const half = Math.max(1, n / 2);
  return { even: even / half, odd: odd / half, any: even + odd > 0 };
}

/** Control characters other than tab, LF, CR, FF, and ESC-free text: a binary file gives itself away. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  const control = sample.match(/[\x00-\x08\x0b\x0e-\x1f]/g)?.length ?? 0;
  return sample.length > 0 && control / sample.length > 0.01;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, 0xff, 0xfe, 0, 0) || startsWith(bytes, 0, 0, 0xfe, 0xff)) {
    throw unreadable('the file is UTF-32 encoded: save it as UTF-8 and import it again');
  }
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { text: decode(bytes.subarray(3), 'utf-8'), encoding: 'utf-8', bom: true };
  if (startsWith(bytes, 0xff, 0xfe)) return { text: decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', bom: true };
  if (startsWith(bytes, 0xfe, 0xff)) return { text: decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', bom: true };

  const zeros = zeroProfile(bytes);
  // UTF-16 text of Latin script has zeros on one side only; binary data has them anywhere.
  if ((zeros.odd > 0.3 && zeros.even < 0.05) || (zeros.even > 0.3 && zeros.odd < 0.05)) {
    throw unreadable('the file looks like UTF-16 text without a byte-order mark: save it as UTF-8 (or UTF-16 with a BOM) and import it again');
  }
  if (zeros.any) throw unreadable('the file contains binary data (zero bytes): it is not a text file');

  let text: string;
  let encoding: TextEncodingName;
  // isUtf8 validates natively, and Buffer's decoder is then free to be the fast one.
  if (isUtf8(bytes)) {
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    encoding = 'utf-8';
  } else {
    const usesC1Range = bytes.some((b) => b >= 0x80 && b <= 0x9f);
    encoding = usesC1Range ? 'windows-1252' : 'iso-8859-1';
    // Windows-1252 and ISO-8859-1 agree outside 0x80–0x9F.
    text = decodeWindows1252(bytes);
  }
  if (looksBinary(text)) throw unreadable('the file contains binary data (control characters): it is not a text file');
  return { text, encoding, bom: false };
}
