// A tiny PDF 1.4 writer for tests and benchmarks (no dependency). All text is invented.
//
// Each page is a list of lines set in the standard Helvetica font with
// WinAnsiEncoding, 12 pt on a 14 pt leading from the top-left margin. An empty
// line leaves one line of vertical space, which a reader sees as a paragraph
// break. Lines are not wrapped and pages do not overflow onto new ones: callers
// pass short lines (about 50 per page fit). Only characters WinAnsiEncoding has
// can be written (Latin-1 plus € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ):
// emoji and other scripts are out of scope for Helvetica and throw.
//
// Options: `cjk` writes any BMP text through a predefined CJK CMap (see PdfOptions);
// `encryptWithUserPassword` encrypts the content streams with the
// Standard Security Handler, revision 3 (RC4, 128-bit key, MD5), so a reader asks
// for that password; `imageOnly` draws a filled rectangle and a small inline
// image on every page and no text at all, like a scan without OCR.

import { createHash } from 'node:crypto';

export interface PdfOptions {
  encryptWithUserPassword?: string;
  imageOnly?: boolean;
  /**
   * Write the text as UTF-16BE through the predefined CMap UniJIS-UCS2-H with a
   * non-embedded CID font (MS-Mincho, Adobe-Japan1), as older Japanese PDFs do:
   * a reader needs its CMap files to get the text. BMP characters only.
   */
  cjk?: boolean;
}

const FONT_SIZE = 12;
const LEADING = 14;
const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN = 72;

// ------------------------------------------------------------ text encoding

/** WinAnsiEncoding bytes 0x80–0x9F (undefined slots are absent). */
const WIN_ANSI_C1 = '€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ';
const WIN_ANSI = new Map<string, number>();
for (let b = 0x20; b < 0x7f; b++) WIN_ANSI.set(String.fromCharCode(b), b);
[...WIN_ANSI_C1].forEach((ch, i) => ch !== '\0' && WIN_ANSI.set(ch, 0x80 + i));
for (let b = 0xa0; b <= 0xff; b++) WIN_ANSI.set(String.fromCharCode(b), b);

/** A PDF literal string of `text` in WinAnsiEncoding; bytes outside printable ASCII as octal escapes. */
export function winAnsiLiteral(text: string): string {
  let out = '(';
  for (const ch of text) {
    const byte = WIN_ANSI.get(ch);
    if (byte === undefined) {
      throw new RangeError(`U+${ch.codePointAt(0)!.toString(16).toUpperCase()} has no glyph in Helvetica/WinAnsiEncoding`);
    }
    if (ch === '(' || ch === ')' || ch === '\\') out += '\\' + ch;
    else if (byte >= 0x80) out += '\\' + byte.toString(8).padStart(3, '0');
    else out += ch;
  }
  return out + ')';
}

// ------------------------------------------------------------ page content

/** A PDF hex string of `text` in UTF-16BE (for UCS2 CMaps); astral characters throw. */
export function ucs2Hex(text: string): string {
  if (/[\ud800-\udfff]/.test(text)) throw new RangeError('UCS-2 CMaps cannot encode characters outside the BMP');
  return `<${Buffer.from(text, 'utf16le').swap16().toString('hex')}>`;
}

function textContent(lines: readonly string[], cjk: boolean): string {
  const ops = [`BT /F1 ${FONT_SIZE} Tf ${LEADING} TL ${MARGIN} ${PAGE_HEIGHT - MARGIN} Td`];
  lines.forEach((line, i) => {
    if (i > 0) ops.push('T*');
    if (line !== '') ops.push(`${cjk ? ucs2Hex(line) : winAnsiLiteral(line)} Tj`);
  });
  ops.push('ET');
  return ops.join('\n');
}

/** A grey rectangle and a 2×2 grey-scale inline image scaled up: marks on the page, no text. */
const IMAGE_CONTENT = [
  '0.8 g 72 500 300 200 re f',
  'q 200 0 0 200 72 200 cm',
  'BI /W 2 /H 2 /CS /G /BPC 8 /F /AHx ID 00FF FF00> EI',
  'Q',
].join('\n');

// ------------------------------------------------------------ encryption (Standard Security Handler, R3)

const PASSWORD_PADDING = Buffer.from(
  '28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a',
  'hex',
);
const KEY_BYTES = 16;
/** All permissions granted (bits 1–2 must be 0, the high bits 1). */
const PERMISSIONS = -4;

/** RC4, written here because node:crypto no longer ships it with OpenSSL 3. Symmetric. */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

const md5 = (...parts: Uint8Array[]) => {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

function padPassword(password: string): Uint8Array {
  const bytes = Buffer.from(password, 'latin1').subarray(0, 32);
  return Buffer.concat([bytes, PASSWORD_PADDING.subarray(0, 32 - bytes.length)]);
}

/** RC4 with the key, then 19 more passes with the key XORed with 1..19 (revision 3). */
function rc4Rounds(key: Uint8Array, data: Uint8Array): Uint8Array {
  let out = rc4(key, data);
  for (let i = 1; i <= 19; i++) out = rc4(key.map((b) => b ^ i), out);
  return out;
}

/** MD5 then 50 re-hashes of the first `KEY_BYTES` bytes (revision 3). */
function md5Stretched(...parts: Uint8Array[]): Uint8Array {
  let hash = md5(...parts);
  for (let i = 0; i < 50; i++) hash = md5(hash.subarray(0, KEY_BYTES));
  return hash.subarray(0, KEY_BYTES);
}

interface Encryption {
  dictionary: string;
  /** Encrypts one object's stream or string (algorithm 1). */
  encrypt(objectNumber: number, data: Uint8Array): Uint8Array;
}

function standardSecurity(userPassword: string, fileId: Uint8Array): Encryption {
  const user = padPassword(userPassword);
  // The owner password is never used by tests; any other value works.
  const ownerKey = md5Stretched(padPassword(`owner-${userPassword}`));
  const o = rc4Rounds(ownerKey, user); // algorithm 3
  const p = new Uint8Array(4);
  new DataView(p.buffer).setInt32(0, PERMISSIONS, true);
  const key = md5Stretched(user, o, p, fileId); // algorithm 2
  const u = new Uint8Array(32); // algorithm 5: 16 bytes, padded with zeros to 32
  u.set(rc4Rounds(key, md5(PASSWORD_PADDING, fileId)));
  const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
  return {
    dictionary: `<< /Filter /Standard /V 2 /R 3 /Length 128 /O <${hex(o)}> /U <${hex(u)}> /P ${PERMISSIONS} >>`,
    encrypt(objectNumber, data) {
      const salt = new Uint8Array([objectNumber & 0xff, (objectNumber >> 8) & 0xff, (objectNumber >> 16) & 0xff, 0, 0]);
      return rc4(md5(key, salt).subarray(0, Math.min(KEY_BYTES + 5, 16)), data);
    },
  };
}

// ------------------------------------------------------------ file layout

class PdfWriter {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;
  private readonly offsets: number[] = [];

  write(part: string | Uint8Array): void {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'latin1') : part;
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  object(number: number, body: string): void {
    this.offsets[number] = this.length;
    this.write(`${number} 0 obj\n${body}\nendobj\n`);
  }

  stream(number: number, data: Uint8Array): void {
    this.offsets[number] = this.length;
    this.write(`${number} 0 obj\n<< /Length ${data.length} >>\nstream\n`);
    this.write(data);
    this.write('\nendstream\nendobj\n');
  }

  /** The cross-reference table (entries are exactly 20 bytes) and trailer. */
  finish(trailer: string): Uint8Array {
    const xref = this.length;
    const count = this.offsets.length;
    let table = `xref\n0 ${count}\n0000000000 65535 f\r\n`;
    for (let i = 1; i < count; i++) table += `${String(this.offsets[i]).padStart(10, '0')} 00000 n\r\n`;
    this.write(`${table}trailer\n<< /Size ${count} ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`);
    // A plain Uint8Array, as a file read by the pipeline may be (pdf.js refuses Buffers).
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

/** A PDF with one page per entry of `pages`, each a list of text lines (see the file comment). */
export function makePdf(pages: readonly (readonly string[])[], options: PdfOptions = {}): Uint8Array {
  const fileId = md5(Buffer.from(JSON.stringify(pages)));
  const encryption =
    options.encryptWithUserPassword === undefined ? undefined : standardSecurity(options.encryptWithUserPassword, fileId);
  const w = new PdfWriter();
  w.write('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  // 1 catalog, 2 page tree, 3 font, then a page object and its content stream per page,
  // then the CJK font's parts or the encryption dictionary.
  const pageNumber = (i: number) => 4 + 2 * i;
  const extra = pageNumber(pages.length);
  const kids = pages.map((_, i) => `${pageNumber(i)} 0 R`).join(' ');
  w.object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  w.object(2, `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  if (options.cjk) {
    w.object(3, `<< /Type /Font /Subtype /Type0 /BaseFont /MS-Mincho /Encoding /UniJIS-UCS2-H /DescendantFonts [${extra} 0 R] >>`);
  } else {
    w.object(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  }
  pages.forEach((lines, i) => {
    const n = pageNumber(i);
    w.object(
      n,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${n + 1} 0 R >>`,
    );
    const content = Buffer.from(options.imageOnly ? IMAGE_CONTENT : textContent(lines, options.cjk === true), 'latin1');
    w.stream(n + 1, encryption ? encryption.encrypt(n + 1, content) : content);
  });
  if (options.cjk) {
    // Strings in objects are encrypted too (with their object's key), unlike the content streams' operands.
    const str = (text: string) => {
      const bytes = Buffer.from(text, 'latin1');
      return `<${Buffer.from(encryption ? encryption.encrypt(extra, bytes) : bytes).toString('hex')}>`;
    };
    w.object(
      extra,
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /MS-Mincho /CIDSystemInfo << /Registry ${str('Adobe')} /Ordering ${str('Japan1')} /Supplement 2 >> /FontDescriptor ${extra + 1} 0 R >>`,
    );
    w.object(
      extra + 1,
      '<< /Type /FontDescriptor /FontName /MS-Mincho /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>',
    );
  }
  let trailer = `/Root 1 0 R /ID [<${Buffer.from(fileId).toString('hex')}> <${Buffer.from(fileId).toString('hex')}>]`;
  if (encryption) {
    const n = options.cjk ? extra + 2 : extra;
    w.object(n, encryption.dictionary);
    trailer += ` /Encrypt ${n} 0 R`;
  }
  return w.finish(trailer);
}

/** Invented interview lines for benchmarks: `pageCount` pages of `linesPerPage` lines, paragraphs every 6 lines. */
export function largePdf(pageCount: number, linesPerPage = 40): Uint8Array {
  const pages: string[][] = [];
  for (let p = 0; p < pageCount; p++) {
    const lines: string[] = [];
    for (let l = 0; l < linesPerPage; l++) {
      if (l % 6 === 5) lines.push('');
      else lines.push(`${l % 12 === 0 ? 'Interviewer: ' : ''}Page ${p + 1}, line ${l + 1}: the café opened at nine, déjà vu.`);
    }
    pages.push(lines);
  }
  return makePdf(pages);
}
