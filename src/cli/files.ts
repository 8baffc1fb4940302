// Reading a user's input file and writing an output file, one way for every
// command: input size-capped with a clear message; output written to a temporary
// file in the same folder, then renamed, so a failed run never leaves half a file
// under the wanted name.

import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { invalid } from '../core/errors.ts';
import { mb } from '../formats/types.ts';

const ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
};

/** A missing path is a missing file when reading, a missing folder when writing. */
function reason(err: unknown, missing: string): string {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return code === 'ENOENT' ? missing : (ERRORS[code] ?? (err as Error).message);
}

/** The bytes of a file of at most `maxBytes`. */
export function readInputFile(file: string, maxBytes: number): Uint8Array {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw invalid(`${file} is not a file`);
    size = stat.size;
  } catch (err) {
    if (err instanceof Error && 'code' in err) throw invalid(`cannot read ${file}: ${reason(err, 'no such file or folder')}`);
    throw err;
  }
  if (size > maxBytes) throw invalid(`${file} is ${mb(size)}, more than the ${mb(maxBytes)} allowed`);
  return readFileSync(file);
}

export function writeFileAtomically(path: string, bytes: Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, bytes, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (err) {
    rmSync(temporary, { force: true });
    throw invalid(`cannot write ${path}: ${reason(err, 'its folder does not exist')}`);
  }
}
