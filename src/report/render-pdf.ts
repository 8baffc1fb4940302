// The report as PDF: the HTML report printed by Chromium (playwright-core), so the
// PDF is the same document as the HTML one, with its print rules (A4, running
// header, page numbers, page breaks). Chromium runs headless with networking off,
// JavaScript off and every request refused: the page is self-contained anyway.
// Chromium is Debian's /usr/bin/chromium, or the one CROSSWISE_CHROMIUM names.

import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { invalid } from '../core/errors.ts';

export const chromiumPath = (): string => process.env.CROSSWISE_CHROMIUM || '/usr/bin/chromium';

/** Headless, and no calls home: this machine's network is closed and the data confidential. */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export async function htmlToPdf(html: string): Promise<Uint8Array> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw invalid(`a PDF report needs Chromium, and there is none at ${executablePath}: install it (apt-get install chromium) or set CROSSWISE_CHROMIUM to its path`);
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }));
  } finally {
    await browser.close();
  }
}
