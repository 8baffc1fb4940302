import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressBar } from './progress.ts';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, columns: 50, write: (s: string) => writes.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

test('draws a bar on a terminal and clears it at the end', () => {
  const { stream, writes } = fakeStream(true);
  const bar = progressBar(stream);
  bar.update(3, 10, '/very/long/path/to/a/transcript/file/name.docx');
  bar.finish();
  assert.equal(writes.length, 2);
  assert.match(writes[0]!, /^\r\[#####\.{11}\] 3\/10 …/);
  assert.ok(writes[0]!.length <= 51, 'fits the terminal width');
  assert.match(writes[0]!, /name\.docx\s*$/);
  assert.match(writes[1]!, /^\r +\r$/);
});

test('stays quiet when stderr is not a terminal', () => {
  const { stream, writes } = fakeStream(false);
  const bar = progressBar(stream);
  bar.update(1, 2, 'a.txt');
  bar.finish();
  assert.deepEqual(writes, []);
});
