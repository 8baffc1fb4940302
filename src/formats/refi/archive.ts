// The .qdpx container: a zip with one .qde and a sources folder. Read through
// zip.ts (zip-bomb caps, CRC checks); entries that could escape a folder
// (`../`, absolute paths, drive letters) or are symbolic links make the whole
// archive refused, so nothing from it is used. Source paths are only ever
// looked up inside the archive: a file named by an absolute path is reported
// missing, never read from this computer.

import { zipSync, type Zippable } from 'fflate';
import { listZipEntries, readZipEntries, sniffContainer } from '../zip.ts';
import { unreadable, type Limits } from '../types.ts';

export interface RefiArchive {
  /** Name of the project file inside the archive ("" for a bare .qde). */
  qdeName: string;
  qde: Uint8Array;
  /** Entry names (files only), for path lookups. */
  names: readonly string[];
}

const SIG_END = 0x06054b50;
const SIG_END64_LOCATOR = 0x07064b50;
const HOST_UNIX = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Entries the central directory marks as Unix symbolic links (the container was already checked by listZipEntries). */
function symlinks(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === SIG_END) {
      end = at;
      break;
    }
  }
  if (end < 0) return [];
  let count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if ((count === 0xffff || at === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === SIG_END64_LOCATOR) {
    const end64 = Number(view.getBigUint64(end - 12, true));
    count = Number(view.getBigUint64(end64 + 32, true));
    at = Number(view.getBigUint64(end64 + 48, true));
  }
  const found: string[] = [];
  for (let i = 0; i < count && at + 46 <= bytes.length; i++) {
    const host = view.getUint16(at + 4, true) >> 8;
    const mode = view.getUint32(at + 38, true) >>> 16;
    const nameLength = view.getUint16(at + 28, true);
    if (host === HOST_UNIX && (mode & S_IFMT) === S_IFLNK) {
      found.push(new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return found;
}

/** A name that would land outside the folder it is extracted to. */
function isUnsafeEntryName(name: string): boolean {
  const parts = name.replace(/\\/g, '/').split('/');
  return name.startsWith('/') || name.startsWith('\\') || /^[a-zA-Z]:/.test(name) || parts.includes('..') || name.includes('\0');
}

const isXml = (bytes: Uint8Array) => {
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (at < bytes.length && (bytes[at] === 0x20 || bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x09)) at++;
  return bytes[at] === 0x3c;
};

/** Opens a .qdpx (or a bare .qde, whose sources are then all missing) under the zip caps. */
export function openArchive(bytes: Uint8Array, limits: Limits): RefiArchive {
  if (bytes.length > limits.maxFileBytes) throw unreadable(`the file is larger than the ${Math.round(limits.maxFileBytes / 2 ** 20)} MB allowed`);
  if (sniffContainer(bytes) !== 'zip') {
    if (isXml(bytes)) return { qdeName: '', qde: bytes, names: [] };
    throw unreadable('not a REFI-QDA file: neither a .qdpx (zip) archive nor a .qde (XML) project');
  }
  const entries = listZipEntries(bytes);
  const unsafe = entries.find((e) => isUnsafeEntryName(e.name));
  if (unsafe) throw unreadable(`the archive has an entry with an unsafe path ("${unsafe.name}"): refused`);
  const links = symlinks(bytes);
  if (links.length) throw unreadable(`the archive contains a symbolic link ("${links[0]}"): refused`);
  const names = entries.map((e) => e.name).filter((n) => !n.endsWith('/'));
  const qdes = names.filter((n) => n.toLowerCase().endsWith('.qde'));
  const qdeName =
    qdes.find((n) => n.toLowerCase() === 'project.qde') ?? qdes.find((n) => !n.includes('/')) ?? qdes[0];
  if (!qdeName) throw unreadable('the archive has no .qde project file: it is not a REFI-QDA project (.qdpx)');
  const qde = readZipEntries(bytes, limits, (n) => n === qdeName).get(qdeName)!;
  return { qdeName, qde, names };
}

/** Reads the named entries (all under one zip-bomb budget). */
export function readArchiveFiles(bytes: Uint8Array, limits: Limits, names: ReadonlySet<string>): Map<string, Uint8Array> {
  if (names.size === 0) return new Map();
  return readZipEntries(bytes, limits, (n) => names.has(n));
}

/** An entry of the archive, or why there is none (the path itself is for the caller to show). */
export type PathLookup = { entry: string; note?: string } | { missing: string };

/**
 * The archive entry a source path names: `internal://x` (and, leniently, a bare `x`) in the
 * sources folder, whatever its case; `relative://x` only if the archive happens to hold it.
 */
export function lookupPath(archive: RefiArchive, path: string): PathLookup {
  const m = /^([a-z]+):\/\/\/?(.*)$/i.exec(path.trim());
  const scheme = m ? m[1]!.toLowerCase() : '';
  const rest = (m ? m[2]! : path.trim()).replace(/\\/g, '/');
  if (scheme === 'absolute' || scheme === 'file' || (!m && (rest.startsWith('/') || /^[a-zA-Z]:/.test(rest)))) {
    return { missing: 'the path names a file outside the archive, which is never read' };
  }
  if (scheme && scheme !== 'internal' && scheme !== 'relative') return { missing: `unknown path scheme "${scheme}://"` };
  const wanted = rest.replace(/^\/+/, '').toLowerCase();
  const candidates = [`sources/${wanted}`, wanted];
  const byLower = new Map(archive.names.map((n) => [n.toLowerCase(), n]));
  for (const c of candidates) {
    const entry = byLower.get(c);
    if (entry) {
      const note = !scheme ? 'source paths without internal:// read as files in the sources folder' : undefined;
      return { entry, note };
    }
  }
  if (scheme === 'relative') return { missing: "the file lies outside the archive, in the other tool's folder" };
  return { missing: archive.qdeName ? 'the archive does not contain the file' : 'only the project file was given, without its sources' };
}

/** A .qdpx: the project file and the sources folder's files (names relative to `sources/`). */
export function writeArchive(qde: Uint8Array, sources: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const files: Zippable = { 'project.qde': qde };
  for (const [name, bytes] of sources) files[`sources/${name}`] = bytes;
  return zipSync(files, { level: 6 });
}
