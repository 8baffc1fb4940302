// A small RFC 4180 CSV reader: fields separated by a delimiter, optionally in
// double quotes; inside quotes "" is a quote and delimiters and line breaks are
// data. Rows end at CRLF, LF or CR. Tolerated like spreadsheet programs do: a
// leading BOM, a quote inside an unquoted field (kept as is), text after a
// closing quote (appended), rows of uneven length, blank lines (skipped).

import { unreadable } from './types.ts';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvRow {
  fields: string[];
  /** 1-based line of the file where the row starts. */
  line: number;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** The delimiter used most often outside quotes on the first line; comma when none is. */
export function sniffDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  // Ties go to the comma, then the semicolon (the order of this list).
  return (['\t', ';', ','] as const).reduce((best, d) => (counts[d] >= counts[best] ? d : best), ',' as CsvDelimiter);
}

/** Line breaks in a piece of text, for line numbers across quoted fields. */
function countLineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

export function parseCsv(input: string, delimiter: CsvDelimiter = sniffDelimiter(input)): CsvRow[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delim = delimiter.charCodeAt(0);
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let wasQuoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    // A blank line is no row; a row of one quoted empty field ("") is.
    if (fields.length > 1 || fields[0] !== '' || wasQuoted) rows.push({ fields, line: rowLine });
    fields = [];
    wasQuoted = false;
  };
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE && field === '') {
      // A quoted field: read up to the closing quote, turning "" into ".
      wasQuoted = true;
      const openedAt = line;
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) throw unreadable(`line ${openedAt}: a quoted field is never closed (a closing " is missing)`);
        const chunk = text.slice(i, close);
        line += countLineBreaks(chunk);
        field += chunk;
        if (text.charCodeAt(close + 1) === QUOTE) {
          field += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
    } else if (c === delim) {
      endField();
      i++;
    } else if (c === LF || c === CR) {
      endRow();
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      // Plain characters up to the next delimiter or line break, in one slice.
      let j = i + 1;
      for (; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (d === delim || d === LF || d === CR) break;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || fields.length > 0 || wasQuoted) endRow();
  return rows;
}
