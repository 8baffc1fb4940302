// The findings report as a file, in one of three formats, for the CLI and the API alike.

import type { Language } from '../core/model.ts';
import type { ProjectStore } from '../store/store.ts';
import { gatherReport, type GatherOptions } from './gather.ts';
import { renderDocx } from './render-docx.ts';
import { renderHtml } from './render-html.ts';
import { htmlToPdf } from './render-pdf.ts';

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
  const clean = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim();
  // A long title is cut at a word boundary.
  const stem = (clean.length > 80 ? clean.slice(0, 81).replace(/\s+\S*$/, '') : clean) || 'project';
  return `${stem} - findings report (${lang}).${format}`;
}

/** Gathers, then renders; `step` hears each stage (for a progress bar). */
export async function buildReport(
  project: ProjectStore,
  format: ReportFormat,
  options: GatherOptions,
  step: (stage: 'gather' | 'render') => void = () => {},
): Promise<ReportFile> {
  step('gather');
  const doc = await gatherReport(project, options);
  step('render');
  const bytes =
    format === 'docx' ? await renderDocx(doc) : format === 'pdf' ? await htmlToPdf(renderHtml(doc)) : new TextEncoder().encode(renderHtml(doc));
  return { filename: reportFileName(doc.title, format, options.lang), mediaType: REPORT_MEDIA_TYPES[format], bytes };
}
