// XLSX read back with exceljs: one sheet per table, values and types kept,
// header bold and frozen, sheet names Excel accepts.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sheetName, tablesToXlsx } from './xlsx.ts';

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

test('one sheet per table: header bold and frozen, numbers as numbers, text as text', async () => {
  const bytes = await tablesToXlsx([
    { title: 'Matrix (cases)', columns: ['code', 'Montréal', 'share'], rows: [['Needs/Safe housing', 2, 0.5], ['=1+1', null, 1]] },
    { title: 'Strongest pairs', columns: ['code', 'code', 'pairs'], rows: [['A', 'B', 7]] },
  ]);
  assert.equal(Buffer.from(bytes.subarray(0, 2)).toString('latin1'), 'PK');
  const workbook = await read(bytes);
  assert.deepEqual(workbook.worksheets.map((s) => s.name), ['Matrix (cases)', 'Strongest pairs']);
  const sheet = workbook.worksheets[0]!;
  assert.deepEqual([1, 2, 3].map((c) => sheet.getRow(1).getCell(c).value), ['code', 'Montréal', 'share']);
  assert.equal(sheet.getRow(1).getCell(1).font?.bold, true);
  assert.equal(sheet.views[0]?.state, 'frozen');
  assert.equal(sheet.getCell('B2').value, 2);
  assert.equal(typeof sheet.getCell('C2').value, 'number');
  assert.equal(sheet.getCell('A3').value, '=1+1'); // a string cell, not a formula
  assert.equal(sheet.getCell('A3').type, ExcelJS.ValueType.String);
  assert.equal(sheet.getCell('B3').value, null);
  assert.equal(workbook.worksheets[1]!.getCell('C2').value, 7);
});

test('sheet names: forbidden characters replaced, at most 31 characters, unique regardless of case', async () => {
  const taken = new Set<string>();
  assert.equal(sheetName('Needs/Safe housing: [Montréal]?', taken), 'Needs Safe housing Montréal');
  const long = 'Share of coded cases mentioning each theme by site';
  const first = sheetName(long, taken);
  const second = sheetName(long.toUpperCase(), taken);
  assert.equal([...first].length, 31);
  assert.equal([...second].length <= 31, true);
  assert.notEqual(first.toLowerCase(), second.toLowerCase());
  assert.equal(sheetName("'quoted'", taken), 'quoted');
  assert.equal(sheetName('', taken), 'Sheet');

  const workbook = await read(await tablesToXlsx([long, long, 'a/b', 'a?b'].map((title) => ({ title, columns: ['x'], rows: [[1]] }))));
  const names = workbook.worksheets.map((s) => s.name);
  assert.equal(new Set(names.map((n) => n.toLowerCase())).size, 4);
  for (const name of names) assert.match(name, /^[^\\/?*[\]:]{1,31}$/);
});
