// Where a case sits in the study: its organisation and site, found by walking
// up the case tree (participant → organisation → site).

import type { Case, CaseId, CaseKind } from '../core/model.ts';
import type { CaseRef } from '../core/read-models.ts';

export interface CaseTree {
  get(id: CaseId | null): Case | undefined;
  /** The case itself or its nearest ancestor of `kind`. */
  enclosing(id: CaseId | null, kind: CaseKind): CaseRef | null;
}

export function caseTree(cases: readonly Case[]): CaseTree {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const get = (id: CaseId | null) => (id === null ? undefined : byId.get(id));
  return {
    get,
    enclosing(id, kind) {
      for (let c = get(id), guard = 0; c && guard < 64; c = get(c.parentId), guard++) {
        if (c.kind === kind) return { id: c.id, name: c.name };
      }
      return null;
    },
  };
}
