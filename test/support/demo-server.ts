// The API over the demo study for route tests: Fastify's injector (no listener)
// on a fresh SQLite file, opened before the file's tests and removed after.

import { after, before } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ensureDemo } from '../../src/demo/build.ts';
import { buildServer } from '../../src/server/server.ts';
import { openStore } from '../../src/store/open.ts';
import type { ProjectStore, Store } from '../../src/store/store.ts';

export interface DemoServer {
  store: Store;
  project: ProjectStore;
  app: FastifyInstance;
  /** `/api/projects/:id` of the demo. */
  base: string;
}

/**
 * Registers the hooks and answers the server once it is up: await it in the file's own
 * `before` (Node 20 runs a file's top-level `before` hooks concurrently, not in order).
 */
export function useDemoServer(): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'crosswise-api-'));
  let demo: DemoServer | undefined;
  const ready = (async () => {
    const store = await openStore(join(dir, 'demo.db'));
    const project = (await ensureDemo(store)).project;
    demo = { store, project, app: buildServer({ store, webRoot: null }), base: `/api/projects/${project.id}` };
    return demo;
  })();
  before(() => ready);
  after(async () => {
    await demo?.app.close();
    await demo?.store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return ready;
}
