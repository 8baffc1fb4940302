// `crosswise report` as a user runs it: the real process on one demo database,
// every format in both languages, the default file name, and refused options.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { DEMO_TITLE } from '../src/demo/study.ts';
import { REPORT_MESSAGES } from '../src/report/messages.ts';
import { assertError, BIN, jsonOf, runCrosswise, type Run } from './support/cli.ts';
import { CHROMIUM } from './support/browser.ts';

const dir = mkdtempSync(join(tmpdir(), 'crosswise-report-cli-'));
const db = join(dir, 'demo.db');
after(() => rmSync(dir, { recursive: true, force: true }));

const crosswise = (...args: string[]): Run => runCrosswise(dir, ['--db', db, ...args]);

before(() => {
  const r = crosswise('demo');
  assert.equal(r.status, 0, r.stderr);
});

interface Written {
  file: string;
  format: string;
  lang: string;
  bytes: number;
}

const MAGIC = { html: '<!doctype html>', docx: 'PK\u0003\u0004', pdf: '%PDF-' } as const;

for (const format of ['html', 'docx', 'pdf'] as const) {
  test(`report --format ${format} in English and French`, (t) => {
    if (format === 'pdf' && !existsSync(CHROMIUM) && !process.env.CI) return t.skip(`no Chromium at ${CHROMIUM}`);
    for (const lang of ['en', 'fr'] as const) {
      const out = join(dir, `report-${lang}.${format}`);
      const args = ['report', '--format', format, '--lang', lang, '--out', out, '--json'];
      const written = jsonOf<Written>(crosswise(...args), args);
      assert.deepEqual(written, { file: out, format, lang, bytes: readFileSync(out).length });
      const bytes = readFileSync(out);
      assert.equal(bytes.subarray(0, MAGIC[format].length).toString('latin1'), MAGIC[format]);
      const heading = REPORT_MESSAGES[lang].sections.findings;
      if (format === 'html') {
        const html = bytes.toString('utf8');
        assert.match(html, new RegExp(`<html lang="${lang}">`));
        assert.equal(html.includes(`<h2>${heading}</h2>`), true);
      }
      if (format === 'docx') assert.equal(strFromU8(unzipSync(bytes)['word/document.xml']!).includes(heading), true);
    }
    // No temporary file is left behind.
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  });
}

test('report without --out names the file after the project; a coder narrows the counts', () => {
  const r = crosswise('report', '--format', 'html', '--coder', 'Amira Haddad');
  assert.equal(r.status, 0, r.stderr);
  const name = readdirSync(dir).find((f) => f.endsWith('findings report (en).html'));
  assert.notEqual(name, undefined);
  assert.equal(name!.startsWith(DEMO_TITLE.slice(0, 4)), true);
  assert.match(r.stdout, /^Wrote .*findings report \(en\)\.html \(\d+ bytes\)\n$/);
  assert.equal(r.stderr, '', 'no progress bar off a terminal');
  assert.equal(readFileSync(join(dir, name!), 'utf8').includes(REPORT_MESSAGES.en.oneCoderOnly), true);
});

test('report refuses bad options with one error line', () => {
  assertError(crosswise('report', '--format', 'odt'), 2, /--format/);
  assertError(crosswise('report', '--format', 'html', '--lang', 'de'), 2, /--lang/);
  assertError(crosswise('report', '--lang', 'fr'), 2, /--format/);
  assertError(crosswise('report', '--format', 'html', '--coder', 'nobody'), 1, /nobody/);
  assertError(crosswise('report', '--format', 'html', '--out', join(dir, 'missing', 'r.html')), 1, /cannot write/);
  assertError(runCrosswise(dir, ['--db', join(dir, 'empty.db'), 'report', '--format', 'html']), 1, /no project/);
  // Without Chromium a PDF cannot be printed: say so, and write nothing.
  const out = join(dir, 'no-chromium.pdf');
  const env = { ...process.env, CROSSWISE_CHROMIUM: join(dir, 'no-such-chromium') };
  const r = spawnSync(process.execPath, [BIN, '--db', db, 'report', '--format', 'pdf', '--out', out], { cwd: dir, encoding: 'utf8', env });
  assertError({ status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }, 1, /needs Chromium.*CROSSWISE_CHROMIUM/);
  assert.equal(existsSync(out), false);
});
