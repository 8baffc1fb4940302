// Bundles the CLI (src/cli/main.ts and everything it imports; npm packages stay external)
// into dist/cli. bin/crosswise.mjs runs the bundle while it is newer than the sources: it
// starts in about half the time the TypeScript sources take through tsx's loader. Lazy
// imports stay lazy (code splitting), so charts, spreadsheets and the report load on demand.
// The bundle sits two folders below the root, as every source folder does, so paths a module
// resolves from its own folder (the web build, the demo transcripts) hold in both.

import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = new URL('../dist/cli/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [new URL('../src/cli/main.ts', import.meta.url).pathname],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outdir,
  logLevel: 'warning',
});
