// The workspace as a coder uses it, in real Chromium against the real server and
// a real SQLite database holding the demo study, in English and in French:
// select a passage and create a code from it, apply an existing code, write a
// memo on a passage, drag the new code under a category, merge two codes, reload
// and find all of it kept. Screenshots of the main views land in test-results/.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Language } from '../../src/core/model.ts';
import { codebookMessages } from '../../src/web/views/codebook/messages.ts';
import { messages as codingMessages } from '../../src/web/views/coding/messages.ts';
import { shellMessages } from '../../src/web/messages.ts';
import { overviewMessages } from '../../src/web/views/overview/messages.ts';
import { browserAvailable, eventually, launchBrowser, SCREENSHOTS, startWorkspace, type Workspace } from '../support/browser.ts';

const canRun = browserAvailable();
let browser: Browser;
before(async () => {
  if (canRun) browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Selects `phrase` in the transcript as a mouse user would, and lets the view see it. */
async function selectPhrase(page: Page, phrase: string): Promise<void> {
  const found = await page.evaluate(`(() => {
    const root = document.querySelector('[role="document"]');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent.indexOf(${JSON.stringify(phrase)});
      if (i < 0) continue;
      getSelection().setBaseAndExtent(n, i, n, i + ${JSON.stringify(phrase)}.length);
      root.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
      return true;
    }
    return false;
  })()`);
  assert.ok(found, `"${phrase}" is in the transcript`);
}

async function shoot(page: Page, language: Language, view: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${language}-${view}.png`), fullPage: false });
}

function scenario(language: Language) {
  const shell = shellMessages[language];
  const cb = codebookMessages[language];
  const coding = codingMessages[language];
  const overview = overviewMessages[language];
  const newCodeName = language === 'en' ? 'Trust built by outreach' : 'Confiance bâtie par l’accompagnement';
  const memoText = language === 'en' ? 'He only talked once the interpreter was there.' : 'Il n’a parlé qu’une fois l’interprète arrivé.';

  describe(`the coding workspace in ${language === 'en' ? 'English' : 'French'}`, { skip: !canRun }, () => {
    let ws: Workspace;
    let page: Page;
    const errors: string[] = [];
    before(async () => {
      ws = await startWorkspace();
      page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${ws.url}/#/overview`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      if (language === 'fr') {
        await page.getByLabel(shellMessages.en.language).selectOption('fr');
        await page.getByRole('link', { name: shell.codebook }).waitFor();
      }
      await shoot(page, language, 'overview');
    });
    after(async () => {
      await page?.close();
      await ws?.close();
    });

    const documentId = async (name: string) => (await ws.project.findDocument(name)).id;
    const codeNamed = async (name: string) => (await ws.project.listCodes()).find((c) => c.name === name);

    test('select a passage and create a new code from it (open coding)', async () => {
      await page.goto(`${ws.url}/#/documents`);
      await page.getByRole('link', { name: 'VAN-08 interview' }).click();
      await page.locator('[data-ready="true"]').waitFor();
      await selectPhrase(page, 'He didn\'t speak English');
      await page.getByRole('toolbar', { name: coding.selectionActions }).getByRole('button', { name: coding.newCode }).click();
      await page.getByRole('dialog', { name: coding.newCodeTitle }).getByLabel(coding.codeName, { exact: true }).fill(newCodeName);
      await page.getByRole('button', { name: coding.createAndApply }).click();
      await eventually(async () => Boolean(await codeNamed(newCodeName)), 'the new code is stored');
      const code = (await codeNamed(newCodeName))!;
      await eventually(async () => (await ws.project.listCodings({ codeId: code.id })).length === 1, 'the passage is coded');
      const [coded] = await ws.project.listCodings({ codeId: code.id });
      assert.equal(coded!.quote.exact, 'He didn\'t speak English');
      assert.equal(coded!.documentId, await documentId('VAN-08 interview'));
    });

    test('apply an existing code to another passage by type-ahead', async () => {
      await selectPhrase(page, 'it was a marijuana grow operation');
      await page.getByRole('toolbar', { name: coding.selectionActions }).getByRole('button', { name: coding.applyCode }).click();
      await page.getByRole('combobox', { name: coding.searchCodes }).fill('Labour exploit');
      await page.keyboard.press('Enter');
      const labour = (await codeNamed('Labour exploitation'))!;
      const doc = await documentId('VAN-08 interview');
      await eventually(
        async () => (await ws.project.listCodings({ codeId: labour.id, documentId: doc })).some((c) => c.quote.exact === 'it was a marijuana grow operation'),
        'the existing code is applied',
      );
      await shoot(page, language, 'coding');
      // Meanwhile every block of the transcript was laid out ahead of scrolling (render-ahead.ts).
      await page.waitForFunction(() => document.querySelector('[data-block]') !== null && document.querySelector('[data-block]:not([data-rendered])') === null);
    });

    test('a coding shows as a stripe beside its passage: hovering names the code, clicking selects the coding', async () => {
      const block = page.locator('[data-block]', { hasText: 'it was a marijuana grow operation' });
      const template = coding.barLabel.replace(/[.*+?^$()[\]\\|]/g, '\\$&');
      const name = new RegExp(`^${template.replace('{code}', '.*Labour exploitation').replace('{coder}', '.+')}$`);
      const stripe = block.getByRole('button', { name }).first();
      const [bar, row] = [(await stripe.boundingBox())!, (await block.boundingBox())!];
      // Placed within its block, at least about a line high (bars are percentages of the block's height).
      assert.equal(bar.y >= row.y - 1 && bar.y + bar.height <= row.y + row.height + 1 && bar.height >= 12, true, JSON.stringify({ bar, row }));
      await stripe.hover();
      assert.equal(await page.locator('.cw-stripe-tip').textContent(), 'Labour exploitation');
      await stripe.click();
      await page.locator('.cw-stripe-selected').waitFor();
      assert.match((await page.locator('.cw-stripe-selected').getAttribute('aria-label'))!, name);
      await page.mouse.move(5, 5);
      await page.locator('.cw-stripe-tip').waitFor({ state: 'detached' });
    });

    test('write a memo on a coded passage, with the keyboard', async () => {
      await page.locator('[role="document"]').focus();
      await page.keyboard.press(']');
      await page.keyboard.press('m');
      await page.getByLabel(coding.memoLabel).fill(memoText);
      await page.keyboard.press('Control+Enter');
      await eventually(async () => (await ws.project.listMemos()).some((m) => m.text === memoText && m.target.kind === 'segment'), 'the memo is stored');
    });

    test('drag the new code under a category, then merge two codes', async () => {
      await page.goto(`${ws.url}/#/codebook`);
      const code = (await codeNamed(newCodeName))!;
      const obstacles = (await codeNamed('Obstacles'))!;
      const row = (id: string) => page.locator(`[role="treeitem"][data-tree-id="${id}"] > .ui-treerow`);
      await row(code.id).dragTo(row(obstacles.id));
      await eventually(async () => (await ws.project.findCode(code.id)).parentId === obstacles.id, 'the code is moved under the category');

      const feminisation = (await codeNamed('Feminisation of poverty'))!;
      const poverty = (await codeNamed('Poverty'))!;
      const before = (await ws.project.listCodings({ codeIds: [feminisation.id, poverty.id] })).length;
      await row(feminisation.id).click();
      await page.getByRole('button', { name: cb.mergeInto }).click();
      await page.getByRole('combobox', { name: cb.mergeLabel }).fill('Poverty');
      await page.getByRole('option', { name: /^Poverty/ }).first().click();
      await page.getByRole('button', { name: cb.merge, exact: true }).click();
      await eventually(async () => !(await codeNamed('Feminisation of poverty')), 'the merged code is gone');
      const after = await ws.project.listCodings({ codeId: poverty.id });
      assert.ok(after.length > 0 && after.length <= before, 'codings moved, duplicates collapsed');
      await shoot(page, language, 'codebook');
    });

    test('after a reload, everything is still there', async () => {
      const code = (await codeNamed(newCodeName))!;
      const obstacles = (await codeNamed('Obstacles'))!;
      await page.reload();
      await page.locator(`[data-tree-id="${obstacles.id}"] [data-tree-id="${code.id}"]`).waitFor();
      assert.equal(await page.locator(`[data-tree-id="${(await codeNamed('Poverty'))!.id}"]`).count(), 1);
      assert.equal(await page.getByText('Feminisation of poverty', { exact: true }).count(), 0);

      await page.goto(`${ws.url}/#/documents/${await documentId('VAN-08 interview')}`);
      await page.reload();
      await page.locator('[data-ready="true"]').waitFor();
      const side = page.getByRole('complementary', { name: coding.sidePanel });
      await side.getByText(newCodeName).waitFor();
      await side.getByText('Labour exploitation').waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), language, 'the language was kept for this user');

      for (const view of ['documents', 'retrieval', 'memos', 'agreement'] as const) {
        await page.goto(`${ws.url}/#/${view}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await shoot(page, language, view);
      }
      await page.goto(`${ws.url}/#/memos`);
      await page.getByText(memoText).waitFor();
    });

    test('import another tool’s REFI-QDA project and open it', async () => {
      await page.goto(`${ws.url}/#/overview`);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: overview.importProject }).click();
      await (await chooser).setFiles(join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'refi', 'qc-1.3', 'demo.qdpx'));
      await page.getByRole('button', { name: overview.openImported }).click();
      const qc = (await ws.store.listProjects()).find((p) => p.title === 'qc project');
      assert.ok(qc, 'the project was created');
      await page.waitForFunction((id) => document.querySelector<HTMLSelectElement>('header select')?.value === id, qc.id);
      // The new project's users have chosen no language yet: the interface stays in the one in use.
      await page.getByRole('link', { name: shell.codebook }).click();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      assert.deepEqual(errors, [], 'no script errors in the page');
    });
  });
}

scenario('en');
scenario('fr');
