// Real Chromium (Debian's package) driven by playwright-core, and a real server
// on a throwaway SQLite database with the demo study, for end-to-end tests and
// the UI benchmark. Without Chromium the tests say so loudly; under CI they fail.

import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../../src/report/render-pdf.ts';
import { ensureDemo } from '../../src/demo/build.ts';
import { DEFAULT_WEB_ROOT, startServer } from '../../src/server/server.ts';
import { openStore } from '../../src/store/open.ts';
import type { ProjectStore, Store } from '../../src/store/store.ts';

export const CHROMIUM = chromiumPath();
export const BROWSER_SKIP_MESSAGE = `\n*** SKIPPED: end-to-end UI tests need Chromium at ${CHROMIUM} (apt-get install chromium) ***\n`;

/** Whether the browser tests can run here; in CI a missing browser is an error, not a skip. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`Chromium is required in CI but ${CHROMIUM} is missing`);
  console.warn(BROWSER_SKIP_MESSAGE);
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/** Where test runs leave screenshots for a reviewer (not committed). */
export const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

export interface Workspace {
  url: string;
  store: Store;
  project: ProjectStore;
  close(): Promise<void>;
}

/** The server on a free loopback port over a fresh database: the demo study, or what `fill` makes. */
export async function startWorkspace(fill?: (store: Store) => Promise<ProjectStore>): Promise<Workspace> {
  if (!existsSync(join(DEFAULT_WEB_ROOT, 'index.html'))) throw new Error('the web UI is not built: run npm run build first');
  const dir = mkdtempSync(join(tmpdir(), 'crosswise-e2e-'));
  const store = await openStore(join(dir, 'workspace.db'));
  const project = fill ? await fill(store) : (await ensureDemo(store)).project;
  const server = await startServer({ store, port: 0 });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    url: server.url,
    store,
    project,
    close: async () => {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until `check` holds, for state the UI saves in the background. */
export async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`never happened: ${what}`);
}

/** A browser page on a workspace over the demo study, with the page's errors collected. */
export interface WorkspacePage {
  browser: Browser;
  ws: Workspace;
  page: Page;
  errors: string[];
}

/** Registers hooks that open a WorkspacePage before the tests of the enclosing suite and close it after. */
export function useWorkspacePage(viewport: { width: number; height: number }): WorkspacePage {
  const session = { errors: [] as string[] } as WorkspacePage;
  before(async () => {
    session.browser = await launchBrowser();
    session.ws = await startWorkspace();
    session.page = await session.browser.newPage({ viewport });
    session.page.on('pageerror', (e) => session.errors.push(e.message));
  });
  after(async () => {
    await session.page?.close();
    await session.ws?.close();
    await session.browser?.close();
  });
  return session;
}
