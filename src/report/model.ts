// The findings report as a small document model: sections of paragraphs, lists,
// key figures, tables, figures and quotes, with every label already translated and
// every number already formatted. gather.ts builds it from the store; each renderer
// (HTML, DOCX, and PDF through the HTML) is a pure function of it.

import type { Language, SegmentId } from '../core/model.ts';
import type { ChartSpec } from '../charts/spec.ts';

/** The sections a report has, in the order it prints them. */
export const SECTION_IDS = ['summary', 'methodology', 'findings', 'comparison', 'gaps', 'barriers', 'recommendations'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** A non-colour signal travels with every tone (a word, a mark): tone only adds colour. */
export type Tone = 'good' | 'partial' | 'bad' | 'none';

export interface TableCell {
  text: string;
  numeric?: boolean;
  tone?: Tone;
  /** Set apart by an analyst's decision; the text carries the mark too. */
  marked?: boolean;
}

export interface TableRow {
  /** The first cell heads the row. */
  cells: TableCell[];
  /** Drawn to the eye (a need whose status differs between sites). */
  highlight?: boolean;
}

export type Block =
  | { kind: 'paragraph'; text: string; note?: boolean }
  | { kind: 'list'; ordered: boolean; items: string[] }
  /** Key figures: a term and its value, with a stable key tests and styles can find. */
  | { kind: 'facts'; items: { key: string; term: string; value: string }[] }
  | { kind: 'table'; key: string; caption: string; head: string[]; rows: TableRow[]; notes: string[] }
  | { kind: 'figure'; key: string; caption: string; chart: ChartSpec }
  /** A passage the analyst chose, verbatim, with its pseudonymous attribution (case and site). */
  | { kind: 'quote'; segmentId: SegmentId; text: string; attribution: string; theme: string };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
  subsections: Section[];
}

/** A top-level section. */
export type ReportSection = Section & { id: SectionId };

export interface ReportDocument {
  lang: Language;
  title: string;
  /** "Findings report", under the title. */
  kind: string;
  /** The date the report was produced, formatted. */
  date: string;
  /** Repeated at the top of every printed page. */
  runningHeader: string;
  /** "Page", before the page number in printed footers. */
  pageLabel: string;
  contentsTitle: string;
  /** Between a label and its value where they share a line: ": ", or " : " in French. */
  labelSeparator: string;
  /** In SECTION_IDS order. */
  sections: ReportSection[];
}
