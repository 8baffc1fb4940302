// The framework matrix routes, for this view.

import type { CaseKind, FrameworkCell, FrameworkMatrix } from '../../../core/model.ts';
import type { FrameworkView } from '../../../analysis/framework.ts';
import { call, q } from '../../api.ts';

export type CellSegment = { segmentId: string; documentId: string; document: string; start: number; end: number; quote: string; codingIds: string[] };

export function frameworkApi(projectId: string) {
  const m = `/projects/${encodeURIComponent(projectId)}/framework-matrices`;
  const cell = (matrixId: string, caseId: string, codeId: string) => `${m}/${encodeURIComponent(matrixId)}/cells/${encodeURIComponent(caseId)}/${encodeURIComponent(codeId)}`;
  return {
    matrices: () => call<FrameworkMatrix[]>('GET', m),
    createMatrix: (input: { name: string; rowKind: CaseKind; themeIds: string[]; description?: string }) => call<FrameworkMatrix>('POST', m, input),
    deleteMatrix: (id: string) => call<void>('DELETE', `${m}/${encodeURIComponent(id)}`),
    /** Where the browser downloads the chart's table. */
    downloadUrl: (id: string, format: 'csv' | 'xlsx', coderId?: string) => `/api${m}/${encodeURIComponent(id)}${q({ coderId, format })}`,
    view: (id: string, coderId?: string) => call<FrameworkView>('GET', `${m}/${encodeURIComponent(id)}${q({ coderId })}`),
    segments: (matrixId: string, caseId: string, codeId: string, coderId?: string) =>
      call<CellSegment[]>('GET', `${cell(matrixId, caseId, codeId)}/segments${q({ coderId })}`),
    prefill: (matrixId: string, caseId: string, codeId: string, coderId?: string) =>
      call<{ summary: string; segmentIds: string[] }>('GET', `${cell(matrixId, caseId, codeId)}/prefill${q({ coderId })}`),
    /** `version` is the cell's version the text was based on (0 for a new cell); a stale one is ApiError 'conflict'. */
    writeCell: (matrixId: string, caseId: string, codeId: string, input: { version: number; authorId: string; summary: string; segmentIds: string[] }) =>
      call<FrameworkCell>('PATCH', cell(matrixId, caseId, codeId), input),
  };
}
