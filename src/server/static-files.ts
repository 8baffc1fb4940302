// Serves the built web UI (dist/web): files by path, index.html for the rest.
// Paths are resolved inside the root only; nothing else on disk is reachable.

import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  /** Hashed assets never change; index.html must be revalidated. */
  immutable: boolean;
}

export async function staticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const decoded = decodeURIComponent(urlPath.split('?')[0]!);
  const candidate = normalize(join(root, decoded));
  const inside = candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
  const file = inside && (await stat(candidate).catch(() => null))?.isFile() ? candidate : join(root, 'index.html');
  const body = await readFile(file).catch(() => null);
  if (!body) return null;
  return { body, type: TYPES[extname(file)] ?? 'application/octet-stream', immutable: file.includes(`${sep}assets${sep}`) };
}
