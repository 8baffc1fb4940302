// The findings report as a file, in one of three formats, for the CLI and the API alike.

import { fileStem } from '../core/file-names.ts';
import type { Language } from '../core/model.ts';
import type { ProjectStore } from '../store/store.ts';
import type { GatherOptions } from './gather.ts';

export const REPORT_FORMATS = ['html', 'docx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export interface ReportFile {
  filename: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** "<project title> - findings report (en).pdf", with what no file system accepts taken out. */
export function reportFileName(title: string, format: ReportFormat, lang: Language): string {
  return `${fileStem(title)} - findings report (${lang}).${format}`;
}

/** Gathers, then renders; `step` hears each stage (for a progress bar). */
export async function buildReport(
  project: ProjectStore,
  format: ReportFormat,
  options: GatherOptions,
  step: (stage: 'gather' | 'render') => void = () => {},
): Promise<ReportFile> {
  // The renderers (ECharts, docx, playwright) load only when a report is made: they would
  // slow the start of every CLI command.
  step('gather');
  const doc = await (await import('./gather.ts')).gatherReport(project, options);
  step('render');
  const { renderHtml } = await import('./render-html.ts');
  const bytes =
    format === 'docx'
      ? await (await import('./render-docx.ts')).renderDocx(doc)
      : format === 'pdf'
        ? await (await import('./render-pdf.ts')).htmlToPdf(renderHtml(doc))
        : new TextEncoder().encode(renderHtml(doc));
  return { filename: reportFileName(doc.title, format, options.lang), mediaType: REPORT_MEDIA_TYPES[format], bytes };
}
