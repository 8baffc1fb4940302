// Tables as one XLSX workbook, one sheet per table: a bold, frozen header row,
// numbers stored as numbers, sheet names Excel accepts (≤ 31 characters, none of
// \ / ? * [ ] :, unique regardless of case).

import ExcelJS from 'exceljs';
import type { Table } from './table.ts';

const MAX_SHEET_NAME = 31;

/** Excel's rules for a sheet name, applied to a table title. */
export function sheetName(title: string, taken: Set<string>): string {
  const cleaned = title.replace(/[\\/?*[\]:\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '');
  const base = cleaned === '' ? 'Sheet' : cleaned;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = `${[...base].slice(0, MAX_SHEET_NAME - suffix.length).join('').trimEnd()}${suffix}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

// Wide enough for the longest value, within reason, so the sheet is readable on opening.
function columnWidth(table: Table, index: number): number {
  const lengths = [table.columns[index] ?? '', ...table.rows.map((row) => row[index] ?? '')].map((cell) => String(cell).length);
  return Math.min(60, Math.max(8, ...lengths) + 2);
}

export async function tablesToXlsx(tables: Table[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Crosswise';
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((header, index) => ({ header, width: columnWidth(table, index) }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => (typeof cell === 'number' && !Number.isFinite(cell) ? null : cell)));
  }
  if (tables.length === 0) workbook.addWorksheet('Sheet');
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
