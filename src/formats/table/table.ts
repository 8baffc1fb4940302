// A rectangular result ready for a spreadsheet: analyses turn their results into
// Tables (src/analysis/outputs/tables.ts); csv.ts and xlsx.ts write them.

export type Cell = string | number | null;

export interface Table {
  title: string;
  columns: string[];
  rows: Cell[][];
}
