import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Candidate {
  path: string;
  /** Named on the command line (so an unsupported type is an error), or found in a folder (skipped). */
  explicit: boolean;
}

/**
 * The files to import: named files as given, folders walked recursively in
 * name order, hidden entries and already-visited folders (link loops) left out.
 */
export function collectFiles(paths: readonly string[]): Candidate[] {
  const out: Candidate[] = [];
  const seenDirs = new Set<string>();
  const walk = (dir: string) => {
    const real = realpathSync(dir);
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isDir = statSync(path).isDirectory();
        } catch {
          continue; // a dangling link
        }
      }
      if (isDir) walk(path);
      else out.push({ path, explicit: false });
    }
  };
  for (const p of paths) {
    const path = resolve(p);
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // Reported as a failed file by the pipeline, which names the problem.
    }
    if (isDir) walk(path);
    else out.push({ path, explicit: true });
  }
  return out;
}
