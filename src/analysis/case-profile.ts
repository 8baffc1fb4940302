// Case profile (vertical analysis): one participant, organisation or site read
// across every theme: the codes coded in its documents (and those of the cases under
// it) with counts and quotes, its attributes (own and inherited) and its memos.

import type { AttributeValue, Case, CodeId, DocumentId, Memo } from '../core/model.ts';
import type { CaseRef } from '../core/read-models.ts';
import type { ProjectStore } from '../store/store.ts';
import { isUnder, loadStudy } from './scope.ts';

export interface CaseProfileOptions {
  /** Quotes shown per theme; default 3. */
  quotes?: number;
  coderId?: string;
}

export interface ProfileTheme {
  codeId: CodeId;
  path: string;
  codings: number;
  segments: number;
  documents: number;
  quotes: { documentId: DocumentId; document: string; start: number; end: number; text: string }[];
}

export interface CaseProfile {
  case: Case;
  organisation: CaseRef | null;
  site: CaseRef | null;
  /** Its own attributes, then those of enclosing cases it does not override. */
  attributes: { name: string; value: AttributeValue; from: CaseRef }[];
  documents: { id: DocumentId; name: string; caseId: string | null }[];
  themes: ProfileTheme[];
  /** Memos on the case, on cases under it and on its documents. */
  memos: Memo[];
}

export async function caseProfile(project: ProjectStore, ref: string, options: CaseProfileOptions = {}): Promise<CaseProfile> {
  const [study, found] = await Promise.all([loadStudy(project), project.findCase(ref)]);
  const { tree } = study;
  const attributes: CaseProfile['attributes'] = [];
  for (let c = tree.get(found.id), guard = 0; c && guard < 64; c = tree.get(c.parentId), guard++) {
    for (const [name, value] of Object.entries(c.attributes)) {
      if (!attributes.some((a) => a.name === name)) attributes.push({ name, value, from: { id: c.id, name: c.name } });
    }
  }
  const documents = study.documents.filter((d) => isUnder(tree, d.caseId, found.id));
  const documentIds = documents.map((d) => d.id);
  const codings = documentIds.length
    ? await project.quotedCodingRanges({ documentIds, ...(options.coderId ? { coderId: options.coderId } : {}) })
    : [];
  const perCode = new Map<CodeId, typeof codings>();
  for (const k of codings) perCode.set(k.codeId, [...(perCode.get(k.codeId) ?? []), k]);
  const limit = options.quotes ?? 3;
  const themes = study.codes
    .filter((c) => perCode.has(c.id))
    .map((c): ProfileTheme => {
      const mine = perCode.get(c.id)!;
      const distinct = [...new Map(mine.map((k) => [k.segmentId, k])).values()];
      return {
        codeId: c.id,
        path: study.codePath(c.id),
        codings: mine.length,
        segments: distinct.length,
        documents: new Set(mine.map((k) => k.documentId)).size,
        quotes: distinct.slice(0, limit).map((k) => ({ documentId: k.documentId, document: study.document(k.documentId)?.name ?? k.documentId, start: k.start, end: k.end, text: k.exact })),
      };
    });
  const under = new Set(study.cases.filter((c) => isUnder(tree, c.id, found.id)).map((c) => c.id));
  const inDocuments = new Set(documentIds);
  const memos = (await project.listMemos()).filter(
    (m) => (m.target.kind === 'case' && under.has(m.target.id)) || (m.target.kind === 'document' && inDocuments.has(m.target.id)),
  );
  return {
    case: found,
    organisation: found.kind === 'participant' ? tree.enclosing(found.parentId, 'organisation') : null,
    site: found.kind === 'site' ? null : tree.enclosing(found.parentId, 'site'),
    attributes,
    documents: documents.map((d) => ({ id: d.id, name: d.name, caseId: d.caseId })),
    themes,
    memos,
  };
}
