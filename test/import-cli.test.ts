// `crosswise import` as a user runs it: a real process and a real SQLite file.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedPath } from './support/shared.ts';
import { BIN } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'crosswise-import-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

interface Report {
  summary: Record<'imported' | 'duplicate' | 'failed' | 'skipped', number>;
  files: { file: string; status: string; reason?: string; language?: string; turns?: number; speakers?: string[] }[];
}

test('imports a folder, reports each file, and exits 1 naming the files that failed', () => {
  const db = join(dir, 'study.db');
  assert.equal(run('init', '--db', db, '--title', 'Import study').status, 0);
  const files = join(dir, 'transcripts');
  mkdirSync(files);
  writeFileSync(join(files, 'P01.txt'), 'Interviewer: What do the women you see need?\nRespondent: They need shelter beds and interpreters, and funding that lasts, because what we have is not enough for them.\nInterviewer: Is there anything else?\nRespondent: Information that is accurate, so that people know what is happening to them.\n');
  writeFileSync(join(files, 'P02-utf16.txt'), Buffer.from('Interviewer: hello there, how are you?', 'utf16le'));
  writeFileSync(join(files, 'empty.txt'), '');

  const before = run('stats', '--db', db, '--json').stdout;
  const r = run('import', '--db', db, '--json', files, sharedPath('fixtures', 'transcripts', 'qualcoder-examples', 'transcript.txt'), '--site', 'Toronto');
  assert.equal(r.status, 1);
  const report = JSON.parse(r.stdout) as Report;
  assert.deepEqual(report.summary, { imported: 2, duplicate: 0, failed: 2, skipped: 0 });
  assert.deepEqual(report.files.map((f) => [f.file.split('/').pop(), f.status]), [
    ['empty.txt', 'failed'],
    ['P01.txt', 'imported'],
    ['P02-utf16.txt', 'failed'],
    ['transcript.txt', 'imported'],
  ]);
  assert.deepEqual(report.files[3]!.speakers, ['id1', 'id2', 'id3']);
  assert.equal(report.files[1]!.language, 'en');
  // No progress bar when stderr is not a terminal: only the errors, one line each.
  const errors = r.stderr.trimEnd().split('\n');
  assert.equal(errors.length, 2);
  assert.ok(errors.every((line) => line.startsWith('error: ')));
  assert.match(errors[0]!, /empty\.txt: the file is empty$/);
  assert.match(errors[1]!, /P02-utf16\.txt: the file looks like UTF-16 text without a byte-order mark/);

  const stats = JSON.parse(run('stats', '--db', db, '--json').stdout) as { documents: number; sites: number };
  assert.equal(stats.documents, JSON.parse(before).documents + 2);
  assert.equal(stats.sites, 1);

  // Importing again finds every good file already there.
  const again = JSON.parse(run('import', '--db', db, '--json', join(files, 'P01.txt')).stdout) as Report;
  assert.deepEqual(again.summary, { imported: 0, duplicate: 1, failed: 0, skipped: 0 });
});

test('human output and usage errors', () => {
  const db = join(dir, 'human.db');
  run('init', '--db', db, '--title', 'Human');
  const file = join(dir, 'one.txt');
  writeFileSync(file, 'Q: a question\nA: an answer\nQ: another\nA: fine');
  const r = run('import', '--db', db, file);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^imported {3}.*one\.txt → "one" \(text, utf-8, language unknown, 4 turns\)\n1 imported, 0 duplicates, 0 failed, 0 skipped\n$/);
  const usage = run('import', '--db', db, file, '--attr', 'novalue');
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /^error: option '--attr <key=value>' argument 'novalue' is invalid/);
  const noCase = run('import', '--db', db, file, '--attr', 'a=b');
  assert.equal(noCase.status, 1);
  assert.match(noCase.stderr, /--attr needs --case or --site/);
});

test('a large folder imports in batches, every file reported in order', () => {
  const db = join(dir, 'many.db');
  assert.equal(run('init', '--db', db, '--title', 'Many').status, 0);
  const files = join(dir, 'many');
  mkdirSync(files);
  for (let i = 0; i < 24; i++) writeFileSync(join(files, `P${String(i).padStart(2, '0')}.txt`), `Interviewer: What happened at site ${i}?\nRespondent: They needed shelter, interpreters and legal help, case ${i}.\n`);
  const r = run('import', '--db', db, '--json', files);
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout) as Report;
  assert.deepEqual(report.summary, { imported: 24, duplicate: 0, failed: 0, skipped: 0 });
  assert.deepEqual(report.files.map((f) => f.file.split('/').pop()), Array.from({ length: 24 }, (_, i) => `P${String(i).padStart(2, '0')}.txt`));
});
