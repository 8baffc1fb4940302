// CSV for spreadsheets: RFC 4180 quoting, a BOM, and no formula injection.
// Read back with the project's own RFC 4180 reader.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from '../csv.ts';
import { tableToCsv } from './csv.ts';

test('quotes fields with commas, quotes and line breaks; CRLF rows; BOM first', () => {
  const csv = tableToCsv({
    title: 'T',
    columns: ['code', 'quote', 'n'],
    rows: [
      ['Needs/Safe housing', 'She said "no", then left,\nalone', 3],
      ['Montréal, Québec', null, 0.25],
    ],
  });
  assert.equal(csv.charCodeAt(0), 0xfeff);
  assert.equal(csv.split('\r\n').length, 4); // header, one row with a quoted line break kept inside, last row, trailing empty
  assert.match(csv, /"She said ""no"", then left,\nalone"/);
  assert.deepEqual(
    parseCsv(csv.slice(1), ',').map((r) => r.fields),
    [
      ['code', 'quote', 'n'],
      ['Needs/Safe housing', 'She said "no", then left,\nalone', '3'],
      ['Montréal, Québec', '', '0.25'],
    ],
  );
});

test('text that a spreadsheet would run as a formula gets an apostrophe; numbers stay numbers', () => {
  const risky = ['=HYPERLINK("http://x")', '+1 555', '-2+3', '@SUM(A1)', '\tTab', '\rCR'];
  const csv = tableToCsv({ title: 'T', columns: ['text'], rows: [...risky.map((t) => [t]), [-4], ['plain = fine']] });
  const fields = parseCsv(csv.slice(1), ',').map((r) => r.fields[0]);
  assert.deepEqual(fields, ['text', ...risky.map((t) => `'${t}`), '-4', 'plain = fine']);
});

test('for data exchange, values are written exactly: no formula guard, no BOM', () => {
  const csv = tableToCsv({ title: 'T', columns: ['number'], rows: [['+1 514 555 0100'], ['=x']] }, { forSpreadsheet: false });
  assert.equal(csv, 'number\r\n+1 514 555 0100\r\n=x\r\n');
});

test('an empty table is its header', () => {
  assert.equal(tableToCsv({ title: 'T', columns: ['a', 'b'], rows: [] }), '\uFEFFa,b\r\n');
});
