import type { Code, Coding, DocumentSummary, Segment, User } from '../model.ts';

export interface IntegrityInput {
  documents: readonly Pick<DocumentSummary, 'id' | 'length'>[];
  codes: readonly Pick<Code, 'id' | 'codable'>[];
  users: readonly Pick<User, 'id'>[];
  segments: readonly Pick<Segment, 'id' | 'documentId' | 'start' | 'end'>[];
  codings: readonly Pick<Coding, 'id' | 'segmentId' | 'codeId' | 'coderId'>[];
}

/**
 * Every way a set of codings can be inconsistent: orphans (a missing segment, code,
 * coder or document), segments outside their document, codings of non-codable codes.
 * Importers run it before writing; the store's constraints enforce the same rules.
 */
export function integrityProblems(input: IntegrityInput): string[] {
  const problems: string[] = [];
  const documents = new Map(input.documents.map((d) => [d.id, d]));
  const codes = new Map(input.codes.map((c) => [c.id, c]));
  const users = new Set(input.users.map((u) => u.id));
  const segments = new Map(input.segments.map((s) => [s.id, s]));
  for (const s of input.segments) {
    const doc = documents.get(s.documentId);
    if (!doc) problems.push(`segment ${s.id} belongs to missing document ${s.documentId}`);
    else if (s.start < 0 || s.end > doc.length || s.start >= s.end) {
      problems.push(`segment ${s.id} (${s.start}..${s.end}) is outside document ${s.documentId} (0..${doc.length})`);
    }
  }
  for (const c of input.codings) {
    if (!segments.has(c.segmentId)) problems.push(`coding ${c.id} refers to missing segment ${c.segmentId}`);
    const code = codes.get(c.codeId);
    if (!code) problems.push(`coding ${c.id} refers to missing code ${c.codeId}`);
    else if (!code.codable) problems.push(`coding ${c.id} applies category ${c.codeId}, which is not codable`);
    if (!users.has(c.coderId)) problems.push(`coding ${c.id} refers to missing coder ${c.coderId}`);
  }
  return problems;
}
