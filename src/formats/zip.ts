// Safe reading of zip containers (.docx, .odt) with fflate.
//
// A zip file states each entry's sizes, but a hostile one can lie, and a few
// kilobytes of deflate can expand to gigabytes. So we parse the central
// directory ourselves, refuse encrypted or exotic entries, check the declared
// sizes first (cheap early refusal), then inflate the wanted entries in small
// chunks and stop as soon as the ACTUAL output passes the caps in `Limits`.
// Each entry's real size and CRC-32 must then match what the directory says.

import { Inflate } from 'fflate';
import { CrosswiseError } from '../core/errors.ts';
import { mb, unreadable, type Limits } from './types.ts';

export const DAMAGED = 'not a valid zip container (truncated or damaged): copy the file again from its source';

/**
 * Below this much output the ratio cap does not apply: small outputs are harmless however well they
 * compress, and short generated or repetitive documents legitimately exceed 100:1.
 */
export const RATIO_FLOOR_BYTES = 10 * 2 ** 20;

/** Compressed bytes fed to the inflater at once; deflate expands at most ~1032:1, so one step adds ≤ ~8 MB. */
const INFLATE_STEP = 8 * 1024;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;
const END_MIN = 22;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;
const STORED = 0;
const DEFLATED = 8;

export type ContainerKind = 'zip' | 'ole' | 'empty' | 'other';

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** What the first bytes say the file is. OLE compound files are old .doc files and password-protected Office files. */
export function sniffContainer(bytes: Uint8Array): ContainerKind {
  if (bytes.length === 0) return 'empty';
  // Local file header, or the end record of an empty archive.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  return 'other';
}

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** Bounds-checked little-endian reads: any read past the end means the file is cut short. */
class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private check(at: number, length: number) {
    if (at < 0 || at + length > this.bytes.length) throw unreadable(DAMAGED);
  }
  u16(at: number): number {
    this.check(at, 2);
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    this.check(at, 4);
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    const value = this.u32(at) + this.u32(at + 4) * 2 ** 32;
    if (!Number.isSafeInteger(value)) throw unreadable(DAMAGED);
    return value;
  }
  slice(at: number, length: number): Uint8Array {
    this.check(at, length);
    return this.bytes.subarray(at, at + length);
  }
}

interface Directory {
  count: number;
  offset: number;
  size: number;
}

/**
 * Finds the end-of-central-directory record, searching back over its comment (up to 64 KB). Some tools
 * pad files after the comment, so the record need not end exactly at the end of the file.
 */
function findDirectory(r: Reader): Directory {
  const length = r.bytes.length;
  const earliest = Math.max(0, length - END_MIN - 0xffff);
  for (let at = length - END_MIN; at >= earliest; at--) {
    if (r.u32(at) !== SIG_END || at + END_MIN + r.u16(at + 20) > length) continue;
    const dir = { count: r.u16(at + 10), size: r.u32(at + 12), offset: r.u32(at + 16) };
    const zip64 = dir.count === 0xffff || dir.size === 0xffffffff || dir.offset === 0xffffffff;
    return zip64 ? findDirectory64(r, at) : dir;
  }
  throw unreadable(DAMAGED);
}

function findDirectory64(r: Reader, endAt: number): Directory {
  const locatorAt = endAt - 20;
  if (r.u32(locatorAt) !== SIG_END64_LOCATOR) throw unreadable(DAMAGED);
  const at = r.u64(locatorAt + 8);
  if (r.u32(at) !== SIG_END64) throw unreadable(DAMAGED);
  return { count: r.u64(at + 32), size: r.u64(at + 40), offset: r.u64(at + 48) };
}

/** Real sizes and offset from a ZIP64 extra field, for the fields the central directory set to 0xFFFFFFFF. */
function applyZip64(r: Reader, entry: ZipEntry, extraAt: number, extraLength: number) {
  for (let at = extraAt; at + 4 <= extraAt + extraLength; ) {
    const id = r.u16(at);
    const size = r.u16(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        const value = r.u64(field);
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const LATIN1 = new TextDecoder('latin1');

/** Names are UTF-8 when flagged, and in practice often without the flag; otherwise CP437, which for Office's ASCII names latin1 matches. */
function entryName(bytes: Uint8Array, flags: number): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    return flags & FLAG_UTF8 ? new TextDecoder().decode(bytes) : LATIN1.decode(bytes);
  }
}

/** The entries the central directory lists, without inflating anything. Throws on a damaged container. */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  if (sniffContainer(bytes) !== 'zip') throw unreadable('not a zip container');
  const r = new Reader(bytes);
  const dir = findDirectory(r);
  if (dir.offset + dir.size > bytes.length) throw unreadable(DAMAGED);
  const entries: ZipEntry[] = [];
  let at = dir.offset;
  for (let i = 0; i < dir.count; i++) {
    if (r.u32(at) !== SIG_CENTRAL) throw unreadable(DAMAGED);
    const flags = r.u16(at + 8);
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const commentLength = r.u16(at + 32);
    const nameBytes = r.slice(at + 46, nameLength);
    const entry: ZipEntry = {
      name: entryName(nameBytes, flags),
      flags,
      method: r.u16(at + 10),
      crc: r.u32(at + 16),
      compressedSize: r.u32(at + 20),
      size: r.u32(at + 24),
      localHeaderOffset: r.u32(at + 42),
    };
    applyZip64(r, entry, at + 46 + nameLength, extraLength);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Running totals of one read, checked against the caps after every inflated chunk. */
class Budget {
  private total = 0;
  private readonly ratioCap: number;
  constructor(
    private readonly limits: Limits,
    fileSize: number,
  ) {
    this.ratioCap = Math.max(RATIO_FLOOR_BYTES, limits.maxZipRatio * fileSize);
  }
  /** Refuses before inflating when the directory itself admits too much. */
  checkDeclared(declared: number) {
    this.check(declared);
  }
  add(bytes: number) {
    this.total += bytes;
    this.check(this.total);
  }
  private check(total: number) {
    if (total > this.limits.maxUnzippedBytes) {
      throw unreadable(`the file expands to more than ${mb(this.limits.maxUnzippedBytes)} (possible zip bomb)`);
    }
    if (total > this.ratioCap) {
      throw unreadable(`the file has a compression ratio above ${this.limits.maxZipRatio}:1 (possible zip bomb)`);
    }
  }
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** Continues a CRC-32 (start with 0) over more bytes; pure JS so extractors stay free of Node built-ins. */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** The compressed bytes of an entry, located through its local header (whose name/extra lengths may differ). */
function entryData(r: Reader, entry: ZipEntry): Uint8Array {
  const at = entry.localHeaderOffset;
  if (r.u32(at) !== SIG_LOCAL) throw unreadable(DAMAGED);
  return r.slice(at + 30 + r.u16(at + 26) + r.u16(at + 28), entry.compressedSize);
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]!.length === length) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Inflates one entry under the budget; fflate's errors (bad or cut-short streams) mean a damaged file. */
function inflateEntry(data: Uint8Array, entry: ZipEntry, budget: Budget): Uint8Array {
  const chunks: Uint8Array[] = [];
  let length = 0;
  let crc = 0;
  const take = (chunk: Uint8Array) => {
    if (chunk.length === 0) return;
    budget.add(chunk.length);
    chunks.push(chunk);
    length += chunk.length;
    crc = crc32(chunk, crc);
  };
  if (entry.method === STORED) {
    take(data);
  } else {
    const inflater = new Inflate((chunk) => take(chunk));
    try {
      if (data.length === 0) inflater.push(data, true);
      for (let at = 0; at < data.length; at += INFLATE_STEP) {
        inflater.push(data.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= data.length);
      }
    } catch (err) {
      if (err instanceof CrosswiseError) throw err;
      throw unreadable(DAMAGED);
    }
  }
  if (length !== entry.size || crc !== entry.crc) throw unreadable(DAMAGED);
  return concat(chunks, length);
}

function checkReadable(entry: ZipEntry) {
  if (entry.flags & FLAG_ENCRYPTED) {
    throw unreadable('the file is encrypted (password-protected zip entries): remove the password and import it again');
  }
  if (entry.method !== STORED && entry.method !== DEFLATED) {
    throw unreadable(`the file uses an unsupported zip compression method (${entry.method}): open it and save it again`);
  }
}

/**
 * Inflates the entries whose names `wanted` accepts, refusing damaged, encrypted and oversized
 * containers (see the file comment). Entries not wanted are never inflated.
 */
export function readZipEntries(bytes: Uint8Array, limits: Limits, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  if (bytes.length > limits.maxFileBytes) {
    throw unreadable(`the file is ${mb(bytes.length)}, more than the ${mb(limits.maxFileBytes)} allowed`);
  }
  const chosen = listZipEntries(bytes).filter((e) => wanted(e.name) && !e.name.endsWith('/'));
  chosen.forEach(checkReadable);
  const budget = new Budget(limits, bytes.length);
  budget.checkDeclared(chosen.reduce((sum, e) => sum + e.size, 0));
  const r = new Reader(bytes);
  const out = new Map<string, Uint8Array>();
  for (const entry of chosen) out.set(entry.name, inflateEntry(entryData(r, entry), entry, budget));
  return out;
}

const DOCTYPE = new TextEncoder().encode('<!DOCTYPE');

/** Office XML (OOXML and ODF) never has a DTD; one can only be there to define entities, so callers refuse it. */
export function hasDoctype(xml: Uint8Array): boolean {
  for (let at = xml.indexOf(0x3c); at !== -1; at = xml.indexOf(0x3c, at + 1)) {
    if (DOCTYPE.every((b, i) => xml[at + i] === b)) return true;
  }
  return false;
}
