// The gap analysis as an analyst uses it, in real Chromium against the real
// server and a real SQLite database holding the demo study: open the gap matrix,
// open a cell and read its quotes, override its status with a note, reload and
// find the decision; then quote a passage from the coded segments view and find
// it in the report draft.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { gapMatrix, gapCellSegments, type GapCell } from '../../src/analysis/gaps.ts';
import { retrieveSegments } from '../../src/analysis/retrieval.ts';
import type { GapStatus } from '../../src/core/needs.ts';
import { shellMessages } from '../../src/web/messages.ts';
import { STATUS_SYMBOL } from '../../src/web/views/gaps/gaps.ts';
import { gapsMessages } from '../../src/web/views/gaps/messages.ts';
import { reportDraftMessages } from '../../src/web/views/report-draft/messages.ts';
import { browserAvailable, eventually, SCREENSHOTS, useWorkspacePage } from '../support/browser.ts';

const canRun = browserAvailable();
const t = gapsMessages.en;
const rd = reportDraftMessages.en;
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));
const word = (s: GapStatus) => t[`status_${s}`];

describe('the gap matrix and the report draft in the browser', { skip: !canRun }, () => {
  const ui = useWorkspacePage({ width: 1500, height: 950 });

  /** An undecided cell with evidence: the one the analyst opens. */
  async function undecidedCell(): Promise<{ need: string; site: string; cell: GapCell }> {
    const matrix = await gapMatrix(ui.ws.project);
    for (const row of matrix.rows) {
      const i = row.cells.findIndex((c) => c.decision === null && c.cases > 0);
      if (i >= 0) return { need: row.need.name, site: matrix.sites[i]!.name, cell: row.cells[i]! };
    }
    throw new Error('the demo has no undecided cell with evidence');
  }

  test('open a cell, read its quotes, override its status with a note, reload and see the decision', async () => {
    const { need, site, cell } = await undecidedCell();
    await ui.page.goto(`${ui.ws.url}/#/gaps`);
    const cellButton = ui.page.getByRole('button', { name: fill(t.openCell, { need, site, status: word(cell.status) }), exact: true });
    await cellButton.click();

    const panel = ui.page.getByRole('complementary', { name: fill(t.cellTitle, { need, site }) });
    const segments = new Set((await gapCellSegments(ui.ws.project, cell.needId, cell.siteId)).map((s) => s.coding.segmentId));
    await panel.getByRole('heading', { name: fill(t.quotes, { count: segments.size }) }).waitFor();
    assert.equal(await panel.locator('.gp-quote').count(), segments.size);
    await ui.page.screenshot({ path: join(SCREENSHOTS, 'en-gaps.png') });

    const override: GapStatus = cell.proposed === 'unmet' ? 'met' : 'unmet';
    const note = 'Respondents here describe turning people away; the listed services do not reach them.';
    await panel.getByRole('radio', { name: `${STATUS_SYMBOL[override]} ${word(override)}` }).check();
    await panel.getByLabel(t.note).fill(note);
    await panel.getByRole('button', { name: t.override }).click();
    const actingUser = await ui.page.getByLabel(shellMessages.en.workingAs).inputValue();
    await eventually(
      async () => (await ui.ws.project.listGapDecisions()).some((d) => d.needId === cell.needId && d.siteId === cell.siteId && d.status === override && d.note === note && d.authorId === actingUser),
      'the decision is stored under the acting user',
    );

    await ui.page.reload();
    const decided = ui.page.getByRole('button', { name: fill(t.openCell, { need, site, status: word(override) }), exact: true });
    await decided.waitFor();
    assert.match(await decided.innerText(), new RegExp(t.decided));
    assert.match(await decided.innerText(), new RegExp(fill(t.proposedWas, { status: word(cell.proposed) })));
    await decided.click();
    const reopened = ui.page.getByRole('complementary', { name: fill(t.cellTitle, { need, site }) });
    await reopened.locator('p.gp-note', { hasText: note }).waitFor();
    const actingName = await ui.page.getByLabel(shellMessages.en.workingAs).locator('option:checked').innerText();
    assert.match(await reopened.locator('.gp-current').innerText(), new RegExp(`${word(override)}, decided by ${actingName}`));
    await reopened.getByRole('heading', { name: t.history }).waitFor();
    assert.deepEqual(ui.errors, []);
  });

  test('quote a passage from the coded segments view and find it in the report draft', async () => {
    const theme = await ui.ws.project.findCode('Needs/Safe housing and shelter');
    const chosen = new Set((await ui.ws.project.reportDraft()).quotes.filter((q) => q.codeId === theme.id).map((q) => q.segmentId));
    const passage = (await retrieveSegments(ui.ws.project, theme.id)).find((r) => !chosen.has(r.coding.segmentId));
    assert.notEqual(passage, undefined, 'the demo has a shelter passage not quoted yet');

    await ui.page.goto(`${ui.ws.url}/#/retrieval/${theme.id}`);
    const item = ui.page.locator('.rt-item').filter({ has: ui.page.locator(`a[href="#/documents/${passage!.document.id}?at=${passage!.coding.start}"]`) }).first();
    await item.getByRole('button', { name: rd.quoteInReport }).click();
    await eventually(
      async () => (await ui.ws.project.reportDraft()).quotes.some((q) => q.segmentId === passage!.coding.segmentId && q.codeId === theme.id),
      'the passage is chosen as a quote',
    );

    await ui.page.goto(`${ui.ws.url}/#/report-draft`);
    const section = ui.page.getByRole('region', { name: fill(rd.theme, { theme: 'Needs › Safe housing and shelter' }) });
    await section.getByText(passage!.coding.quote.exact, { exact: true }).waitFor();
    assert.equal(await section.locator('.rd-quote').count(), chosen.size + 1);
    await ui.page.screenshot({ path: join(SCREENSHOTS, 'en-report-draft.png') });
    assert.deepEqual(ui.errors, []);
  });
});
