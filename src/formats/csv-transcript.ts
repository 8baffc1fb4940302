// A transcript kept as a table, one row per turn (qdap data sets, spreadsheet
// exports). Columns are found by their header, case- and accent-insensitively,
// in English or French; the delimiter (comma, semicolon, tab) is sniffed from
// the header line. Every row with text becomes one turn, rendered like the timed
// formats ("Speaker: text" paragraphs, see timed.ts). Rows are not merged even
// when the same speaker follows: the table already says where turns are.

import { parseCsv, type CsvRow } from './csv.ts';
import { decodeUtf8, parseClock, renderTurns, type TurnDraft } from './timed.ts';
import { unreadable, type Extractor } from './types.ts';

// In order of preference when a table has several. "statement" and "state" are
// qdap's names for the text column (qdap::DATA has person, sex, adult, state, code).
const SPEAKER_COLUMNS = ['speaker', 'locuteur', 'intervenant', 'participant', 'person', 'name'];
const TEXT_COLUMNS = ['text', 'texte', 'dialogue', 'utterance', 'transcript', 'transcription', 'content', 'statement', 'state'];
const START_COLUMNS = ['start', 'start_time', 'begin', 'debut', 'timestamp', 'time'];
const END_COLUMNS = ['end', 'end_time', 'stop', 'fin'];

/** "Début", "START TIME", "start-time" → "debut", "start_time", "start_time". */
const normaliseHeader = (name: string) =>
  name.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase().replace(/[\s-]+/g, '_');

/** Longer header cells are not column names: the file probably has no header row. */
const MAX_HEADER_LENGTH = 40;
const MAX_HEADERS_SHOWN = 20;

function findColumn(headers: readonly string[], names: readonly string[]): number | undefined {
  for (const name of names) {
    const at = headers.indexOf(name);
    if (at >= 0) return at;
  }
  return undefined;
}

function missingColumns(header: readonly string[], speakerFound: boolean, textFound: boolean): Error {
  const missing: string[] = [];
  if (!speakerFound) missing.push(`speaker column (${SPEAKER_COLUMNS.join(', ')})`);
  if (!textFound) missing.push(`text column (${TEXT_COLUMNS.join(', ')})`);
  if (header.some((h) => h.trim().length > MAX_HEADER_LENGTH)) {
    // Not echoed: a first row of data is transcript text.
    return unreadable(`the first row is not a header (its cells are long texts): add a header row naming the ${missing.join(' and the ')}`);
  }
  const names = header.slice(0, MAX_HEADERS_SHOWN).map((h) => `"${h.trim()}"`);
  if (header.length > MAX_HEADERS_SHOWN) names.push(`and ${header.length - MAX_HEADERS_SHOWN} more`);
  return unreadable(`the table has no ${missing.join(' and no ')}; columns found: ${names.join(', ') || 'none'}`);
}

/** Milliseconds of a time cell: hh:mm:ss(.ms), mm:ss, [01:02:03], or seconds such as 83.5. */
export function parseTimeCell(value: string): number | undefined {
  const v = value.trim().replace(/^\[(.*)\]$/, '$1');
  if (/^\d+(?:[.,]\d+)?$/.test(v)) return Math.round(Number(v.replace(',', '.')) * 1000);
  return parseClock(v);
}

const cell = (row: CsvRow, column: number | undefined) => (column === undefined ? '' : (row.fields[column] ?? ''));

/**
 * The first candidate column (by preference) whose every non-empty value is a
 * time; a column whose values are not times (qdap's time = "time 1", a debate
 * number) is ignored with a warning rather than refusing the file.
 */
function timeColumn(header: readonly string[], names: readonly string[], rows: readonly CsvRow[], warnings: string[]): number | undefined {
  for (const name of names) {
    const column = header.indexOf(name);
    if (column < 0) continue;
    const bad = rows.find((row) => cell(row, column).trim() !== '' && parseTimeCell(cell(row, column)) === undefined);
    if (!bad) return column;
    warnings.push(`the "${name}" column was not used for times: line ${bad.line} holds a value that is not a time (expected hh:mm:ss, mm:ss or seconds)`);
  }
  return undefined;
}

/** Spreadsheet cells keep their line breaks, but a blank line would split the paragraph. */
const cleanText = (text: string) =>
  text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');

export function csvToTurns(text: string): { drafts: TurnDraft[]; warnings: string[] } {
  const rows = parseCsv(text);
  const [headerRow, ...body] = rows;
  const header = (headerRow?.fields ?? []).map(normaliseHeader);
  const speaker = findColumn(header, SPEAKER_COLUMNS);
  const said = findColumn(header, TEXT_COLUMNS);
  if (speaker === undefined || said === undefined) throw missingColumns(headerRow?.fields ?? [], speaker !== undefined, said !== undefined);
  if (body.length === 0) throw unreadable('the table has a header but no rows: there is nothing to import');
  const warnings: string[] = [];
  const start = timeColumn(header, START_COLUMNS, body, warnings);
  const end = timeColumn(header, END_COLUMNS, body, warnings);
  const drafts: TurnDraft[] = [];
  let empty = 0;
  for (const row of body) {
    const words = cleanText(cell(row, said));
    if (!words) {
      empty++;
      continue;
    }
    const draft: TurnDraft = { speaker: cell(row, speaker).replace(/\s+/g, ' ').trim(), text: words };
    const startMs = start === undefined ? undefined : parseTimeCell(cell(row, start));
    const endMs = end === undefined ? undefined : parseTimeCell(cell(row, end));
    if (startMs !== undefined) draft.startMs = startMs;
    if (endMs !== undefined) draft.endMs = endMs;
    drafts.push(draft);
  }
  if (empty) warnings.push(`${empty} row(s) with an empty text cell were skipped`);
  if (drafts.length === 0) throw unreadable('every row has an empty text cell: there is nothing to import');
  return { drafts, warnings };
}

export const csvTranscriptExtractor: Extractor = {
  format: 'csv',
  extensions: ['csv', 'tsv'],
  mediaType: 'text/csv',
  async extract(bytes, limits) {
    const { text: raw, bom } = decodeUtf8(bytes, limits, 'CSV');
    const { drafts, warnings } = csvToTurns(raw);
    const { text, turns } = renderTurns(drafts, limits);
    return { text, turns, encoding: 'utf-8', bom, warnings };
  },
};
