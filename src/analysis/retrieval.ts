// Code retrieval: every passage coded with a code (optionally its sub-codes), with
// the text around it, its document, case and site, filtered by coder, site or a
// case attribute. The basic read of qualitative analysis ("show me all of X").

import type { AttributeValue, CodeId, Document, DocumentId, UserId } from '../core/model.ts';
import type { RetrievedSegment } from '../core/read-models.ts';
import { CodePointIndex } from '../core/text/offsets.ts';
import type { ProjectStore } from '../store/store.ts';
import { subtreeOf } from '../core/invariants/tree.ts';
import { caseTree } from './case-tree.ts';

export interface RetrievalOptions {
  coderId?: UserId;
  /** Only documents whose case is at this site. */
  siteId?: string;
  /** Only documents whose case, or an enclosing case, has this attribute value (compared as text, ignoring case). */
  attribute?: { name: string; value: string };
  /** Include codings of the code's descendants. */
  descendants?: boolean;
  /** Code points of context each side, cut at a line break. */
  context?: number;
}

const sameValue = (a: AttributeValue | undefined, b: string) => a !== undefined && String(a).toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** Up to `n` code points before and after [start, end), stopping at a paragraph break. */
export function contextAround(index: CodePointIndex, start: number, end: number, n: number): { before: string; after: string } {
  const before = index.slice(Math.max(0, start - n), start);
  const after = index.slice(end, Math.min(index.length, end + n));
  const cutBefore = before.lastIndexOf('\n');
  const cutAfter = after.indexOf('\n');
  return { before: cutBefore >= 0 ? before.slice(cutBefore + 1) : before, after: cutAfter >= 0 ? after.slice(0, cutAfter) : after };
}

export async function retrieveSegments(project: ProjectStore, codeId: CodeId, options: RetrievalOptions = {}): Promise<RetrievedSegment[]> {
  const [code, codes, cases] = await Promise.all([project.findCode(codeId), project.listCodes(), project.listCases()]);
  const ids = options.descendants ? subtreeOf(codes, code.id) : new Set([code.id]);
  const tree = caseTree(cases);
  const codings = await project.listCodings({ codeIds: [...ids], ...(options.coderId ? { coderId: options.coderId } : {}) });
  const documents = new Map<DocumentId, { doc: Document; index: CodePointIndex }>();
  const results: RetrievedSegment[] = [];
  for (const coding of codings) {
    let entry = documents.get(coding.documentId);
    if (!entry) {
      const doc = await project.getDocument(coding.documentId);
      entry = { doc, index: new CodePointIndex(doc.text) };
      documents.set(doc.id, entry);
    }
    const { doc, index } = entry;
    const site = tree.enclosing(doc.caseId, 'site');
    if (options.siteId && site?.id !== options.siteId) continue;
    if (options.attribute) {
      const { name, value } = options.attribute;
      let match = false;
      for (let c = tree.get(doc.caseId); c && !match; c = tree.get(c.parentId)) match = sameValue(c.attributes[name], value);
      if (!match) continue;
    }
    const own = tree.get(doc.caseId);
    results.push({
      coding,
      document: { id: doc.id, name: doc.name },
      case: own ? { id: own.id, name: own.name } : null,
      site,
      ...contextAround(index, coding.start, coding.end, options.context ?? 200),
    });
  }
  return results;
}
