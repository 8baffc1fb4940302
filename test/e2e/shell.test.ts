// The shell in real Chromium against the real server and the demo study. Each view's code is
// fetched when the view is first needed (and every view's a few seconds after opening): every
// view in the navigation opens from its link, and a view whose code cannot be fetched says so
// and offers a reload rather than a blank page.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { shellMessages } from '../../src/web/messages.ts';
import { sitesMessages } from '../../src/web/views/sites/messages.ts';
import { browserAvailable, useWorkspacePage } from '../support/browser.ts';

const canRun = browserAvailable();
const shell = shellMessages.en;

describe('the shell', { skip: !canRun }, () => {
  const ui = useWorkspacePage({ width: 1400, height: 900 });

  test('every view in the navigation opens from its link', async () => {
    const { page } = ui;
    await page.goto(`${ui.ws.url}/#/overview`);
    await page.locator('main h1').first().waitFor();
    const links = await page.getByRole('navigation', { name: shell.nav }).getByRole('link').all();
    assert.equal(links.length, 17);
    // From the last view back to the first, so the view on screen (the first) is opened last.
    for (const link of links.reverse()) {
      const name = await link.textContent();
      // The heading on screen now is the last view's: the next view must bring its own.
      await page.evaluate(() => document.querySelectorAll('main h1').forEach((h) => h.setAttribute('data-seen', '')));
      await link.click();
      await page.locator('main h1:not([data-seen])').first().waitFor({ timeout: 10_000 }).catch(() => assert.fail(`${name} shows no heading of its own`));
      assert.equal(await link.getAttribute('aria-current'), 'page', `${name} is the current view`);
    }
    assert.deepEqual(ui.errors, [], 'no script errors in the page');
  });

  test('a view whose code cannot be fetched says so, and a reload brings it', async () => {
    const page = await ui.browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      // Refused until the reload: the page fetches every view's code again a few seconds after opening.
      let refuse = true;
      await page.route(/\/assets\/SitesView-[^/]*\.js$/, (route) => (refuse ? route.abort() : route.fallback()));
      await page.goto(`${ui.ws.url}/#/overview`);
      await page.locator('main h1').first().waitFor();
      await page.getByRole('link', { name: sitesMessages.en.nav }).click();
      const alert = page.locator('main').getByRole('alert');
      await alert.waitFor();
      assert.equal(await alert.textContent(), `${shell.viewNotLoaded} ${shell.reload}`);
      refuse = false;
      await page.getByRole('button', { name: shell.reload }).click();
      await page.getByRole('heading', { level: 1, name: sitesMessages.en.title }).waitFor();
    } finally {
      await page.close();
    }
  });
});
