// Generators of .docx and .odt files (and broken zip containers) for tests and benchmarks.
// Files are minimal but valid: Word, LibreOffice and mammoth open them. All text is invented.

import { crc32 } from 'node:zlib';
import { strToU8, zipSync, type Zippable } from 'fflate';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ODT_MEDIA_TYPE = 'application/vnd.oasis.opendocument.text';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// ---------------------------------------------------------------- docx

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const CONTENT_TYPES =
  XML_DECLARATION +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';

const PACKAGE_RELS =
  XML_DECLARATION +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

/** One run holding a paragraph's text: "\n" becomes a soft line break <w:br/>, "\t" a <w:tab/>. */
export function docxRun(text: string): string {
  const line = (l: string) =>
    l
      .split('\t')
      .map((part) => (part ? `<w:t xml:space="preserve">${escapeXml(part)}</w:t>` : ''))
      .join('<w:tab/>');
  return `<w:r>${text.split('\n').map(line).join('<w:br/>')}</w:r>`;
}

export const docxParagraph = (text: string) => `<w:p>${text ? docxRun(text) : ''}</w:p>`;

/** A .docx whose <w:body> holds `bodyXml` (w: and r: prefixes are declared); `extraParts` adds or replaces zip entries. */
export function docxWithBody(bodyXml: string, extraParts: Record<string, string> = {}): Uint8Array {
  const document =
    XML_DECLARATION +
    `<w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<w:body>${bodyXml}<w:sectPr/></w:body></w:document>`;
  const files: Zippable = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(PACKAGE_RELS),
    'word/document.xml': strToU8(document),
  };
  for (const [name, xml] of Object.entries(extraParts)) files[name] = strToU8(xml);
  return zipSync(files, { level: 6 });
}

/** A .docx with one Word paragraph per string ("\n" inside a string is a line break, "\t" a tab). */
export const makeDocx = (paragraphs: readonly string[]): Uint8Array => docxWithBody(paragraphs.map(docxParagraph).join(''));

// ---------------------------------------------------------------- odt

const ODT_NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
].join(' ');

const manifest = (extra = '') =>
  XML_DECLARATION +
  '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
  `<manifest:file-entry manifest:full-path="/" manifest:media-type="${ODT_MEDIA_TYPE}"/>` +
  `<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">${extra}</manifest:file-entry>` +
  '</manifest:manifest>';

/**
 * ODF text content: whitespace in XML collapses, so a space is written literally only between two
 * ordinary characters and every other space becomes <text:s/>; "\t" is <text:tab/>, "\n" <text:line-break/>.
 */
export function odtText(text: string): string {
  return text.replace(/ +|\t|\n|[^ \t\n]+/g, (piece, at: number) => {
    if (piece === '\t') return '<text:tab/>';
    if (piece === '\n') return '<text:line-break/>';
    if (piece[0] !== ' ') return escapeXml(piece);
    const ordinary = (c: string | undefined) => c !== undefined && c !== '\t' && c !== '\n';
    const between = ordinary(text[at - 1]) && ordinary(text[at + piece.length]);
    const spaces = (n: number) => (n === 0 ? '' : n === 1 ? '<text:s/>' : `<text:s text:c="${n}"/>`);
    return between ? ` ${spaces(piece.length - 1)}` : spaces(piece.length);
  });
}

export const odtParagraph = (text: string) => `<text:p text:style-name="Standard">${odtText(text)}</text:p>`;

export interface OdtOptions {
  /** The mimetype entry's content (default: the OpenDocument text type); null leaves the entry out. */
  mimetype?: string | null;
  /** Extra XML inside content.xml's manifest entry, e.g. <manifest:encryption-data>. */
  manifestExtra?: string;
  extraParts?: Record<string, string>;
}

/** An .odt whose <office:text> holds `bodyXml` (office:, text:, table:, draw:, dc: prefixes are declared). */
export function odtWithBody(bodyXml: string, options: OdtOptions = {}): Uint8Array {
  const content =
    XML_DECLARATION +
    `<office:document-content ${ODT_NAMESPACES} office:version="1.3">` +
    `<office:body><office:text>${bodyXml}</office:text></office:body></office:document-content>`;
  const files: Zippable = {};
  const mimetype = options.mimetype === undefined ? ODT_MEDIA_TYPE : options.mimetype;
  // The spec wants mimetype first and stored, so tools can sniff the type at a fixed offset.
  if (mimetype !== null) files['mimetype'] = [strToU8(mimetype), { level: 0 }];
  files['content.xml'] = strToU8(content);
  files['META-INF/manifest.xml'] = strToU8(manifest(options.manifestExtra));
  for (const [name, xml] of Object.entries(options.extraParts ?? {})) files[name] = strToU8(xml);
  return zipSync(files, { level: 6 });
}

/** An .odt with one paragraph per string ("\n" inside a string is a line break, "\t" a tab). */
export const makeOdt = (paragraphs: readonly string[], options: OdtOptions = {}): Uint8Array =>
  odtWithBody(paragraphs.map(odtParagraph).join(''), options);

// ---------------------------------------------------------------- raw zips and broken files

export interface RawEntry {
  name: string;
  /** The entry's data as stored in the file (already deflated when method is 8). */
  data: Uint8Array;
  /** 0 stored, 8 deflated (anything else to test refusals). */
  method: number;
  crc: number;
  /** The uncompressed size written in the headers (a bomb may lie). */
  size: number;
  flags?: number;
  /** Write the central directory's sizes as 0xFFFFFFFF with the real ones in a ZIP64 extra field. */
  zip64?: boolean;
}

/** ZIP64 extended information: uncompressed then compressed size, 8 bytes each. */
function zip64Extra(e: RawEntry): Uint8Array {
  const extra = new Uint8Array(20);
  const v = new DataView(extra.buffer);
  v.setUint16(0, 0x0001, true);
  v.setUint16(2, 16, true);
  v.setBigUint64(4, BigInt(e.size), true);
  v.setBigUint64(12, BigInt(e.data.length), true);
  return extra;
}

/** A zip file written field by field, so tests can state any sizes, flags or CRCs. */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = encoder.encode(e.name);
    // Bit 11: the name is UTF-8.
    const flags = (e.flags ?? 0) | (/^[\x20-\x7e]*$/.test(e.name) ? 0 : 0x800);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, e.method, true);
    lv.setUint32(14, e.crc, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const extra = e.zip64 ? zip64Extra(e) : new Uint8Array(0);
    const central = new Uint8Array(46 + name.length + extra.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, e.method, true);
    cv.setUint32(16, e.crc, true);
    cv.setUint32(20, e.zip64 ? 0xffffffff : e.data.length, true);
    cv.setUint32(24, e.zip64 ? 0xffffffff : e.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, extra.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    central.set(extra, 46 + name.length);
    locals.push(local, e.data);
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  return concatBytes([...locals, ...centrals, end]);
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Stored (uncompressed) entry with a correct CRC. */
export function storedEntry(name: string, text: string, flags = 0): RawEntry {
  const data = strToU8(text);
  return { name, data, method: 0, crc: crc32(data), size: data.length, flags };
}

/** Writes deflate bits least-significant first; Huffman codes go most-significant bit first (RFC 1951 §3.1.1). */
class BitWriter {
  private readonly bytes: number[] = [];
  private bit = 0;
  private current = 0;
  bits(value: number, count: number) {
    for (let i = 0; i < count; i++) this.push((value >>> i) & 1);
  }
  code(code: number, length: number) {
    for (let i = length - 1; i >= 0; i--) this.push((code >>> i) & 1);
  }
  private push(b: number) {
    this.current |= b << this.bit;
    if (++this.bit === 8) this.flush();
  }
  private flush() {
    this.bytes.push(this.current);
    this.bit = 0;
    this.current = 0;
  }
  done(): Uint8Array {
    if (this.bit > 0) this.flush();
    return Uint8Array.from(this.bytes);
  }
}

// Fixed-Huffman codes: literal 0 is 0x30 (8 bits), length 258 is symbol 285 = 0xC5 (8 bits),
// distance 1 is code 0 (5 bits), end of block is symbol 256 = 0 (7 bits).
const literalZero = (w: BitWriter) => w.code(0x30, 8);
const repeat258 = (w: BitWriter) => (w.code(0xc5, 8), w.code(0, 5));

/**
 * A raw deflate stream of `1 + 258 * matches` zero bytes, built directly (deflating hundreds of MB would
 * take seconds): one literal 0, then "copy 258 bytes from distance 1" matches of 13 bits each. The header,
 * literal and first match fill exactly 3 bytes and 8 matches fill exactly 13, so the middle is one 13-byte
 * pattern repeated; the stream is ~1/160 of its output.
 */
function deflatedZeros(matches: number): Uint8Array {
  const head = new BitWriter();
  head.bits(1, 1); // final block
  head.bits(1, 2); // fixed Huffman
  literalZero(head);
  repeat258(head);
  const pattern = new BitWriter();
  for (let i = 0; i < 8; i++) repeat258(pattern);
  const tail = new BitWriter();
  const rest = matches - 1;
  for (let i = 0; i < rest % 8; i++) repeat258(tail);
  tail.code(0, 7);
  const [h, p, t] = [head.done(), pattern.done(), tail.done()];
  const groups = Math.floor(rest / 8);
  const out = new Uint8Array(h.length + p.length * groups + t.length);
  out.set(h, 0);
  if (groups > 0) {
    out.set(p, h.length);
    // Doubling copies fill the repeats in a few dozen steps.
    for (let filled = p.length; filled < p.length * groups; filled *= 2) {
      out.copyWithin(h.length + filled, h.length, h.length + Math.min(filled, p.length * groups - filled));
    }
  }
  out.set(t, h.length + p.length * groups);
  return out;
}

function crcOfZeros(length: number): number {
  const block = new Uint8Array(2 ** 20);
  let crc = 0;
  for (let left = length; left > 0; left -= block.length) crc = crc32(left >= block.length ? block : block.subarray(0, left), crc);
  return crc;
}

export interface BombOptions {
  /** Bytes of zeros it expands to (rounded up to 1 + 258·k); default 300 MB. */
  bytes?: number;
  /** Entry holding the zeros; default word/document.xml, so it looks like a .docx. */
  name?: string;
  /** Declare a tiny uncompressed size in the headers, so only the real output can give it away. */
  lie?: boolean;
}

/** A .docx-shaped zip whose main entry inflates to hundreds of MB of zeros, built in milliseconds. */
export function zipBomb(options: BombOptions = {}): Uint8Array {
  const matches = Math.max(1, Math.ceil(((options.bytes ?? 300 * 2 ** 20) - 1) / 258));
  const size = 1 + 258 * matches;
  const data = deflatedZeros(matches);
  const bomb: RawEntry = {
    name: options.name ?? 'word/document.xml',
    data,
    method: 8,
    crc: options.lie ? 0 : crcOfZeros(size),
    size: options.lie ? 1000 : size,
  };
  return rawZip([storedEntry('[Content_Types].xml', CONTENT_TYPES), storedEntry('_rels/.rels', PACKAGE_RELS), bomb]);
}

/** The first `keep` bytes (default: half) of a file, as an interrupted download or copy leaves it. */
export const truncated = (bytes: Uint8Array, keep = Math.floor(bytes.length / 2)): Uint8Array => bytes.slice(0, keep);

/** The header of an OLE compound file: old .doc files and password-protected Office files start so. */
export function oleFile(): Uint8Array {
  const bytes = new Uint8Array(1536);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return bytes;
}
