// The analysis views as an analyst uses them, in real Chromium against the real
// server and a real SQLite database holding the demo study: open the matrix and
// read the quotes behind a cell, run a text search and code all its hits after
// the confirmation, then find those codings through the API; compare sites and
// open a share's passages. Screenshots land in test-results/.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { RetrievedSegment } from '../../src/core/read-models.ts';
import { matrixCellCodings } from '../../src/analysis/matrix.ts';
import { matrixMessages } from '../../src/web/views/matrix/messages.ts';
import { searchMessages } from '../../src/web/views/search/messages.ts';
import { sitesMessages } from '../../src/web/views/sites/messages.ts';
import { browserAvailable, SCREENSHOTS, useWorkspacePage } from '../support/browser.ts';

const canRun = browserAvailable();
const mx = matrixMessages.en;
const se = searchMessages.en;
const sc = sitesMessages.en;

describe('the analysis views', { skip: !canRun }, () => {
  const ui = useWorkspacePage({ width: 1500, height: 950 });

  test('the matrix: a cell opens the passages behind it, each linking to its place in the transcript', async () => {
    await ui.page.goto(`${ui.ws.url}/#/matrix`);
    await ui.page.getByRole('heading', { level: 1, name: mx.title }).waitFor();
    const cell = ui.page.getByRole('button', { name: /^Needs\/Safe housing and shelter in Vancouver: / });
    await cell.waitFor();
    const shown = (await cell.textContent()) ?? '';
    await cell.click();
    const panel = ui.page.getByRole('region', { name: /^Passages behind Safe housing and shelter × Vancouver/ });
    await panel.getByRole('status').filter({ hasText: /passages in/ }).waitFor();

    const code = (await ui.ws.project.listCodes()).find((c) => c.name === 'Safe housing and shelter')!;
    const vancouver = (await ui.ws.project.listCases({ kind: 'site' })).find((c) => c.name === 'Vancouver')!;
    const codingIds = new Set(await matrixCellCodings(ui.ws.project, { columns: { by: 'site' }, count: 'cases' }, code.id, vancouver.id));
    const segments = new Set((await ui.ws.project.listCodings({ codeId: code.id })).filter((c) => codingIds.has(c.id)).map((c) => c.segmentId));
    assert.equal(segments.size > 0, true);
    assert.equal(await panel.getByRole('listitem').count(), segments.size, 'one quote per passage behind the cell');
    assert.match(shown, new RegExp(`^${(await panel.getByRole('status').textContent())!.match(/(\d+) cases?$/)![1]} · \\d+%$`), 'the cell counts the cases its quotes come from');

    const link = panel.getByRole('link', { name: mx.open }).first();
    assert.match((await link.getAttribute('href')) ?? '', /^#\/documents\/[^?]+\?at=\d+$/);
    // Keyboard: the arrow keys move between cells.
    await cell.focus();
    await ui.page.keyboard.press('ArrowRight');
    const focused = await ui.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    assert.match(focused, /^Needs\/Safe housing and shelter in (?!Vancouver)/);
    await ui.page.screenshot({ path: join(SCREENSHOTS, 'en-matrix.png') });
  });

  test('text search: hits in context, then "Code all hits" widened to the sentence makes exactly the codings it announced', async () => {
    const code = await ui.ws.project.createCode({ name: 'Interpreters mentioned' });
    await ui.page.goto(`${ui.ws.url}/#/search`);
    await ui.page.reload();
    await ui.page.getByRole('heading', { level: 1, name: se.title }).waitFor();
    await ui.page.getByRole('searchbox', { name: se.query }).fill('interpret*');
    await ui.page.getByRole('button', { name: se.search, exact: true }).click();
    const rows = ui.page.locator('table.an-kwic tbody tr');
    await rows.first().waitFor();
    const hits = await rows.count();
    assert.equal(hits > 0, true);
    assert.match((await rows.first().locator('mark').textContent()) ?? '', /^interpr/i);

    await ui.page.getByRole('combobox', { name: se.code }).fill('Interpreters mentioned');
    await ui.page.keyboard.press('Enter');
    await ui.page.getByLabel(se.widen).selectOption('sentence');
    await ui.page.getByRole('button', { name: se.codeAllButton }).click();
    const dialog = ui.page.getByRole('dialog');
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: /^Code \d+ passages$/ });
    const announced = Number((await confirm.textContent())!.match(/\d+/)![0]);
    assert.equal(announced > 0, true);
    assert.equal((await ui.ws.project.listCodings({ codeId: code.id })).length, 0, 'the confirmation codes nothing');
    await ui.page.screenshot({ path: join(SCREENSHOTS, 'en-search-code-all.png') });
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });

    const res = await fetch(`${ui.ws.url}/api/projects/${ui.ws.project.id}/codes/${code.id}/segments`);
    const coded = (await res.json()) as RetrievedSegment[];
    assert.equal(coded.length, announced);
    for (const c of coded) assert.match(c.coding.quote.exact.normalize('NFD').replace(/\p{M}/gu, ''), /interpret/i);
    const coderName = (await ui.ws.project.listUsers()).find((u) => u.id === coded[0]!.coding.coderId)?.name ?? '';
    assert.equal((await ui.page.getByLabel('Working as').locator('option:checked').textContent())?.trim(), coderName, 'coded as the person working');
  });

  test('co-occurrence: the strongest pair opens as many pairs of passages as it counts', async () => {
    await ui.page.goto(`${ui.ws.url}/#/cooccurrence`);
    await ui.page.getByRole('heading', { level: 1, name: mx.cooccurrenceTitle }).waitFor();
    const strongest = ui.page.getByRole('region', { name: mx.strongestPairs }).getByRole('listitem').first();
    await strongest.waitFor();
    const count = Number(await strongest.locator('.an-count').textContent());
    await strongest.getByRole('button').click();
    const panel = ui.page.getByRole('region', { name: /^Passages behind .+ × / });
    await panel.getByRole('status').filter({ hasText: new RegExp(`^${count} pairs? of passages in \\d+ documents?$`) }).waitFor();
    assert.equal(await panel.getByRole('listitem').count(), count);
    await ui.page.screenshot({ path: join(SCREENSHOTS, 'en-cooccurrence.png') });
  });

  test('site comparison: shares per site with findings, a chart with the threshold, and a share opens its passages', async () => {
    await ui.page.goto(`${ui.ws.url}/#/sites`);
    await ui.page.getByRole('heading', { level: 1, name: sc.title }).waitFor();
    await ui.page.getByRole('status').filter({ hasText: /similarities/ }).waitFor();
    assert.equal(await ui.page.getByRole('figure', { name: sc.chartTitle }).count(), 1);
    const share = ui.page.getByRole('button', { name: /^Needs\/Safe housing and shelter at Winnipeg: \d+ of \d+ coded cases/ });
    await share.click();
    const panel = ui.page.getByRole('region', { name: 'Passages: Safe housing and shelter at Winnipeg' });
    await panel.getByRole('status').filter({ hasText: /passages in/ }).waitFor();
    const cases = Number((await panel.getByRole('status').textContent())!.match(/(\d+) cases?$/)![1]);
    assert.match((await share.getAttribute('aria-label'))!, new RegExp(`: ${cases} of `), 'the share counts the cases its passages come from');
    await ui.page.screenshot({ path: join(SCREENSHOTS, 'en-sites.png'), fullPage: true });
    assert.deepEqual(ui.errors, []);
  });
});
