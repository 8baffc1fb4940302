// What every analysis reads first: the codebook, the case tree and the documents,
// and the filters analyses share (site, case attribute, document, coder).

import type { AttributeValue, Case, CaseId, CaseKind, Code, CodeId, DocumentId, DocumentSummary, UserId } from '../core/model.ts';
import type { CaseRef } from '../core/read-models.ts';
import { PATH_SEPARATOR, pathsOf } from '../core/invariants/tree.ts';
import type { ProjectStore } from '../store/store.ts';
import { caseTree, type CaseTree } from './case-tree.ts';

export interface Scope {
  /** Only documents whose case is at this site. */
  siteId?: CaseId;
  /** Only documents whose case, or an enclosing case, has each of these values (compared as text, ignoring case). */
  attributes?: { name: string; value: string }[];
  documentIds?: DocumentId[];
  coderId?: UserId;
}

export interface Study {
  codes: Code[];
  cases: Case[];
  tree: CaseTree;
  documents: DocumentSummary[];
  document(id: DocumentId): DocumentSummary | undefined;
  /** A code and every code under it. */
  subtree(id: CodeId): CodeId[];
  codePath(id: CodeId): string;
  caseRef(id: CaseId | null): CaseRef | null;
}

export async function loadStudy(project: ProjectStore): Promise<Study> {
  const [codes, cases, documents] = await Promise.all([project.listCodes(), project.listCases(), project.listDocuments()]);
  const tree = caseTree(cases);
  const children = new Map<CodeId, CodeId[]>();
  for (const c of codes) if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  const subtree = (id: CodeId): CodeId[] => [id, ...(children.get(id) ?? []).flatMap(subtree)];
  const byId = new Map(documents.map((d) => [d.id, d]));
  const paths = new Map([...pathsOf(codes)].map(([id, names]) => [id, names.join(PATH_SEPARATOR)]));
  return {
    codes,
    cases,
    tree,
    documents,
    document: (id) => byId.get(id),
    subtree,
    codePath: (id) => paths.get(id) ?? id,
    caseRef: (id) => {
      const c = tree.get(id);
      return c ? { id: c.id, name: c.name } : null;
    },
  };
}

/** The attribute's value on the case or, failing that, its nearest enclosing case. */
export function attributeOf(tree: CaseTree, caseId: CaseId | null, name: string): AttributeValue | undefined {
  for (let c = tree.get(caseId), guard = 0; c && guard < 64; c = tree.get(c.parentId), guard++) {
    if (c.attributes[name] !== undefined) return c.attributes[name];
  }
  return undefined;
}

const sameValue = (a: AttributeValue | undefined, b: string) => a !== undefined && String(a).toLocaleLowerCase() === b.trim().toLocaleLowerCase();

export function documentsInScope(study: Study, scope: Scope): DocumentSummary[] {
  const only = scope.documentIds ? new Set(scope.documentIds) : null;
  return study.documents.filter(
    (d) =>
      (!only || only.has(d.id)) &&
      (!scope.siteId || study.tree.enclosing(d.caseId, 'site')?.id === scope.siteId) &&
      (scope.attributes ?? []).every((a) => sameValue(attributeOf(study.tree, d.caseId, a.name), a.value)),
  );
}

/** True if the case is `ancestor` or lies under it. */
export function isUnder(tree: CaseTree, caseId: CaseId | null, ancestor: CaseId): boolean {
  for (let c = tree.get(caseId), guard = 0; c && guard < 64; c = tree.get(c.parentId), guard++) if (c.id === ancestor) return true;
  return false;
}

export const casesOfKind = (study: Study, kind: CaseKind): Case[] => study.cases.filter((c) => c.kind === kind);
