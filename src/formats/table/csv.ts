// A Table as RFC 4180 CSV for spreadsheets: CRLF rows, fields quoted when they
// hold a quote, comma or line break, UTF-8 with a BOM so Excel keeps accents.

import type { Cell, Table } from './table.ts';

const BOM = '\uFEFF';

// Tables carry interview quotes; a spreadsheet would run one that starts like a
// formula (OWASP "CSV injection"), so such text is prefixed with an apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

function field(cell: Cell, guard: boolean): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = guard && FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * For spreadsheets (the default): with the BOM and the formula guard. For data exchange
 * (`forSpreadsheet: false`, e.g. HSDS): the values exactly, plain UTF-8, since other
 * programs would keep the apostrophe as part of a phone number.
 */
export function tableToCsv(table: Table, { forSpreadsheet = true }: { forSpreadsheet?: boolean } = {}): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map((cell) => field(cell, forSpreadsheet)).join(','));
  return `${forSpreadsheet ? BOM : ''}${lines.join('\r\n')}\r\n`;
}
