// The report panel of the overview in real Chromium against the real server and
// the demo study: choose French and HTML, download, and get the French report.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { browserAvailable, launchBrowser, startWorkspace, type Workspace } from '../../test/support/browser.ts';
import { reportMessages } from '../web/views/report/messages.ts';
import { REPORT_MESSAGES } from './messages.ts';

const canRun = browserAvailable();
let browser: Browser;
let ws: Workspace;
before(async () => {
  if (!canRun) return;
  browser = await launchBrowser();
  ws = await startWorkspace();
});
after(async () => {
  await browser?.close();
  await ws?.close();
});

test('the overview’s report panel downloads the report in the chosen format and language', { skip: !canRun }, async () => {
  const t = reportMessages.en;
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${ws.url}/#/overview`);
    const panel = page.getByRole('region', { name: t.title });
    await panel.waitFor();
    await panel.getByRole('radio', { name: t.html }).check();
    await panel.getByRole('radio', { name: t.fr }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('link', { name: t.download }).click()]);
    assert.match(download.suggestedFilename(), /findings report \(fr\)\.html$/);
    const html = readFileSync((await download.path())!, 'utf8');
    assert.match(html, /^<!doctype html>\n<html lang="fr">/);
    assert.equal(html.includes(`<h2>${REPORT_MESSAGES.fr.sections.gaps}</h2>`), true);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
