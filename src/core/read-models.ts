// Shapes that lists and views read: domain records joined with what a reader
// needs beside them (counts, the case and site a document belongs to, context).
// Computed by the store and analysis; shown by the CLI, the API and the web UI.

import type {
  CaseId,
  CodedSegment,
  Code,
  DocumentSummary,
  InterviewStatus,
  UserId,
} from './model.ts';

/** How much of the data a code reaches: its codings, and the distinct segments, documents and cases they fall in. */
export interface CodeCounts {
  codings: number;
  segments: number;
  documents: number;
  cases: number;
}

/** A code with its own counts and the counts of it together with all its descendants. */
export interface CodeWithCounts extends Code {
  counts: CodeCounts;
  /** For a category: everything coded with it or any code under it (distinct). */
  totalCounts: CodeCounts;
}

export interface CaseRef {
  id: CaseId;
  name: string;
}

/** A document as the documents list shows it: where it comes from and how far its coding is. */
export interface DocumentRow extends DocumentSummary {
  case: CaseRef | null;
  organisation: CaseRef | null;
  site: CaseRef | null;
  interviewStatus: InterviewStatus | null;
  /** Coders who have coded anything in it. */
  coderIds: UserId[];
  codings: number;
}

/** One coder's progress: how many documents they have coded anything in, and how many codings. */
export interface CoderProgress {
  coderId: UserId;
  documents: number;
  codings: number;
}

/** Interviews per status at one site (the study's fieldwork progress). */
export interface SiteInterviewProgress {
  site: CaseRef;
  counts: Record<InterviewStatus, number>;
}

/** A coded segment retrieved for reading: with its text around it, document, case and site. */
export interface RetrievedSegment {
  coding: CodedSegment;
  document: { id: string; name: string };
  case: CaseRef | null;
  site: CaseRef | null;
  /** Up to a sentence or two of text before and after the segment. */
  before: string;
  after: string;
}

/** Two passages behind a co-occurrence count: one of each code, overlapping or near each other. */
export interface PassagePair {
  a: RetrievedSegment;
  b: RetrievedSegment;
}
