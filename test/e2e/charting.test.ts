// The charting views as an analyst uses them, in real Chromium against the real
// server and a real SQLite database holding the demo study: create a framework
// matrix, pre-fill a cell from its segments, edit and save it, reload and find it;
// a stale autosave keeps the typed text; open a case profile; run a coding query.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mapCodes, parseQuery } from '../../src/core/analysis/query-syntax.ts';
import { caseProfile } from '../../src/analysis/case-profile.ts';
import { codingQuery } from '../../src/analysis/coding-query.ts';
import { frameworkCellSegments, frameworkView, prefillSummary } from '../../src/analysis/framework.ts';
import { wordFrequencies } from '../../src/analysis/words.ts';
import { makeFormat } from '../../src/web/components/format.ts';
import { frameworkMessages } from '../../src/web/views/framework/messages.ts';
import { wordsMessages } from '../../src/web/views/words/messages.ts';
import { profileMessages } from '../../src/web/views/profile/messages.ts';
import { queryMessages } from '../../src/web/views/query/messages.ts';
import { translate } from '../../src/web/i18n/define.ts';
import { browserAvailable, eventually, SCREENSHOTS, useWorkspacePage } from '../support/browser.ts';

const canRun = browserAvailable();
const fw = translate(frameworkMessages, 'en');
const pf = translate(profileMessages, 'en');
const cq = translate(queryMessages, 'en');
const wf = translate(wordsMessages, 'en');
const n = makeFormat('en').number;

describe('framework matrix, case profile and coding query views', { skip: !canRun }, () => {
  const ui = useWorkspacePage({ width: 1400, height: 900 });

  const matrixName = 'Needs by participant';
  let cellLabel = '';
  let target: { matrixId: string; caseId: string; codeId: string };
  const edited = 'Condensed: housing comes first, then status.';

  test('create a framework matrix, pre-fill a cell, edit and save it', async () => {
    await ui.page.goto(`${ui.ws.url}/#/framework`);
    await ui.page.getByRole('button', { name: fw('newMatrix') }).click();
    const dialog = ui.page.getByRole('dialog', { name: fw('newMatrixTitle') });
    await dialog.getByLabel(fw('name')).fill(matrixName);
    await dialog.getByLabel(fw('rows')).selectOption('participant');
    await dialog.getByRole('checkbox', { name: 'Needs', exact: true }).check();
    await dialog.getByRole('button', { name: fw('create') }).click();
    await eventually(async () => (await ui.ws.project.listFrameworkMatrices()).some((m) => m.name === matrixName), 'the matrix is stored');
    const matrix = await ui.ws.project.findFrameworkMatrix(matrixName);
    assert.deepEqual(matrix.themeIds, [(await ui.ws.project.findCode('Needs')).id]);

    // The busiest cell, as the analysis charts it.
    const view = await frameworkView(ui.ws.project, { matrix: matrix.id });
    const cells = view.cells.flatMap((row, i) => row.map((c) => ({ c, row: view.rows[i]! })));
    const { c, row } = cells.reduce((a, b) => (b.c.segments > a.c.segments ? b : a));
    target = { matrixId: matrix.id, caseId: c.caseId, codeId: c.codeId };
    cellLabel = fw('cellLabel', { case: row.name, theme: view.themes[0]!.path });
    await ui.page.getByRole('button', { name: cellLabel }).click();
    const segments = await frameworkCellSegments(ui.ws.project, c.caseId, c.codeId);
    await ui.page.getByRole('heading', { name: fw('segments', { count: segments.length }) }).waitFor();

    await ui.page.getByRole('button', { name: fw('prefill') }).click();
    const summary = ui.page.getByRole('textbox', { name: fw('summary'), exact: true });
    // Pre-filling asks the server, so the text arrives a moment after the click.
    await eventually(async () => (await summary.inputValue()) !== '', 'the summary is pre-filled');
    assert.equal(await summary.inputValue(), prefillSummary(segments));
    assert.equal(await ui.page.getByRole('checkbox', { name: fw('link') }).and(ui.page.locator(':checked')).count(), segments.length);
    await summary.fill(edited);
    await ui.page.getByRole('button', { name: fw('save') }).click();
    await eventually(async () => (await ui.ws.project.listFrameworkCells(matrix.id))[0]?.summary === edited, 'the edited summary is stored');
    const [stored] = await ui.ws.project.listFrameworkCells(matrix.id);
    assert.deepEqual(stored!.segmentIds, segments.map((s) => s.segmentId).sort());
    assert.equal(stored!.caseId, c.caseId);
    await ui.page.screenshot({ path: join(SCREENSHOTS, 'en-framework.png') });
  });

  test('after a reload the summary is in the grid and the editor', async () => {
    await ui.page.reload();
    const cell = ui.page.getByRole('button', { name: cellLabel });
    await cell.waitFor();
    assert.notEqual(((await cell.textContent()) ?? '').indexOf(edited), -1);
    await cell.click();
    assert.equal(await ui.page.getByRole('textbox', { name: fw('summary'), exact: true }).inputValue(), edited);
  });

  test('an autosave based on a stale version keeps the typed text and says so', async () => {
    const [current] = await ui.ws.project.listFrameworkCells(target.matrixId);
    const [luc] = (await ui.ws.project.listUsers()).filter((u) => u.name === 'Luc Tremblay');
    await ui.ws.project.writeFrameworkCell({ ...target, summary: 'Luc’s version.', segmentIds: [], authorId: luc!.id }, current!.version);
    const summary = ui.page.getByRole('textbox', { name: fw('summary'), exact: true });
    await summary.fill(`${edited} Also interpretation.`);
    await ui.page.getByRole('alert').filter({ hasText: fw('conflict') }).waitFor();
    assert.equal(await summary.inputValue(), `${edited} Also interpretation.`);
    await ui.page.locator('.fw-their').filter({ hasText: 'Luc’s version.' }).waitFor();
    await ui.page.getByRole('button', { name: fw('save') }).click();
    await eventually(async () => (await ui.ws.project.listFrameworkCells(target.matrixId))[0]?.summary === `${edited} Also interpretation.`, 'the kept text replaces the other version');
  });

  test('read a column as a list (horizontal analysis)', async () => {
    await ui.page.getByRole('button', { name: fw('close') }).click();
    await ui.page.getByRole('button', { name: fw('readColumn', { name: 'Needs' }) }).click();
    await ui.page.getByRole('heading', { name: fw('columnReading', { name: 'Needs' }) }).waitFor();
    assert.equal(await ui.page.locator('.fw-reading-list > li').count(), (await ui.ws.project.listCases()).filter((c) => c.kind === 'participant').length);
  });

  test('open a case profile', async () => {
    const site = (await ui.ws.project.listCases()).find((c) => c.kind === 'site')!;
    const profile = await caseProfile(ui.ws.project, site.id);
    await ui.page.goto(`${ui.ws.url}/#/profile`);
    await ui.page.getByRole('combobox', { name: pf('case') }).fill(site.name);
    await ui.page.getByRole('option', { name: new RegExp(`^${site.name}`) }).first().click();
    await ui.page.getByRole('heading', { level: 2, name: site.name }).waitFor();
    await ui.page.getByRole('heading', { name: pf('themes', { count: n(profile.themes.length) }) }).waitFor();
    assert.equal(await ui.page.locator('.pf-theme').count(), profile.themes.length);
    assert.equal(await ui.page.getByRole('heading', { name: pf('documents', { count: n(profile.documents.length) }) }).count(), 1);
    await ui.page.screenshot({ path: join(SCREENSHOTS, 'en-profile.png') });
  });

  test('run a coding query; bad syntax shows the parser’s message', async () => {
    await ui.page.goto(`${ui.ws.url}/#/query`);
    const field = ui.page.getByRole('textbox', { name: cq('query'), exact: true });
    await field.fill('"Needs" AND (Obstacles');
    await ui.page.getByRole('button', { name: cq('run') }).click();
    await ui.page.getByRole('alert').filter({ hasText: 'is not closed' }).waitFor();

    const q = '"Needs" AND "Obstacles"';
    const expected = await codingQuery(ui.ws.project, await mapCodes(parseQuery(q), async (ref) => (await ui.ws.project.findCode(ref)).id));
    await field.fill(q);
    await ui.page.getByRole('button', { name: cq('run') }).click();
    await ui.page.getByText(cq('count', { hits: expected.hits.length, documents: expected.documents, cases: expected.cases })).waitFor();
    assert.equal(await ui.page.locator('.cq-hit').count(), expected.hits.length);
    const first = expected.hits[0]!;
    assert.equal(await ui.page.locator('.cq-hit').first().getByRole('link', { name: cq('openIn') }).getAttribute('href'), `#/documents/${first.document.id}?at=${first.start}`);
    await ui.page.screenshot({ path: join(SCREENSHOTS, 'en-query.png') });
  });

  test('word frequency with a cloud and bars; a word lists where it is said', async () => {
    const words = await wordFrequencies(ui.ws.project, { ngram: 1, top: 30, stem: false, excludeInterviewer: true });
    const top = words.terms[0]!;
    await ui.page.goto(`${ui.ws.url}/#/words`);
    await ui.page.getByText(wf('summary', { documents: words.documents, words: words.words })).waitFor();
    assert.equal(await ui.page.locator('.wf-word').count(), words.terms.length);
    await ui.page.getByRole('button', { name: wf('wordLabel', { term: top.term, count: top.count, documents: top.documents }) }).click();
    await ui.page.getByRole('heading', { name: wf('hitsTitle', { term: top.term }) }).waitFor();
    await ui.page.locator('.wf-hit-list li').first().waitFor();
    await ui.page.screenshot({ path: join(SCREENSHOTS, 'en-words.png'), fullPage: true });
    assert.deepEqual(ui.errors, []);
  });
});
