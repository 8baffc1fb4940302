// An analysis's outputs as the bytes of one file format: CSV holds the main
// (first) table, XLSX every table as a sheet, SVG and PNG the chart.

import { invalid } from '../../core/errors.ts';
import type { ChartSpec } from '../../charts/spec.ts';
import type { Table } from '../../formats/table/table.ts';
import { tableToCsv } from '../../formats/table/csv.ts';

export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export const CHART_FORMATS = ['svg', 'png'] as const;
export type OutputFormat = (typeof TABLE_FORMATS)[number] | (typeof CHART_FORMATS)[number];

export interface AnalysisOutputs {
  /** The main table first. */
  tables: Table[];
  /** The chart to draw, if the analysis has one. */
  chart?: ChartSpec;
}

/** The format a file name's extension asks for, or undefined. */
export function formatOf(path: string): OutputFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  return [...TABLE_FORMATS, ...CHART_FORMATS].find((f) => f === ext);
}

export function isChartFormat(format: OutputFormat): boolean {
  return (CHART_FORMATS as readonly string[]).includes(format);
}

// ECharts and ExcelJS load only when a file needs them: each costs about a second of
// start-up, which every CLI command would otherwise pay.
export async function outputBytes(outputs: AnalysisOutputs, format: OutputFormat): Promise<Uint8Array> {
  switch (format) {
    case 'csv':
      return new TextEncoder().encode(tableToCsv(outputs.tables[0] ?? { title: '', columns: [], rows: [] }));
    case 'xlsx':
      return (await import('../../formats/table/xlsx.ts')).tablesToXlsx(outputs.tables);
    case 'svg':
    case 'png': {
      if (!outputs.chart) throw invalid('this analysis has no chart: write .csv or .xlsx');
      const { chartPng, chartSvg } = await import('../../charts/render.ts');
      return format === 'svg' ? new TextEncoder().encode(chartSvg(outputs.chart)) : chartPng(outputs.chart);
    }
  }
}
