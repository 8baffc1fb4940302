// The gap matrix view's client: needs and barriers catalogues, status codes, the
// matrix with its decisions, barrier prevalence, and the quotes behind each cell.

import type { Change } from '../../../core/model.ts';
import type { RetrievedSegment } from '../../../core/read-models.ts';
import type { Barrier, GapDecision, GapStatus, GapStatusCodes, Need } from '../../../core/needs.ts';
import type { BarrierPrevalence, GapMatrix } from '../../../analysis/gaps.ts';
import type { BarrierPatch, NeedPatch, NewBarrier, NewNeed } from '../../../store/store.ts';
import { call, q } from '../../api.ts';

export function gapsApi(projectId: string) {
  const p = `/projects/${encodeURIComponent(projectId)}`;
  const cell = (needId: string, siteId: string) => `${p}/gaps/${encodeURIComponent(needId)}/${encodeURIComponent(siteId)}`;
  return {
    needs: () => call<Need[]>('GET', `${p}/needs`),
    createNeed: (input: NewNeed) => call<Need>('POST', `${p}/needs`, input),
    /** `version` is the version the edit was based on; a stale one is an ApiError of kind 'conflict'. */
    updateNeed: (id: string, version: number, changes: NeedPatch) => call<Need>('PATCH', `${p}/needs/${encodeURIComponent(id)}`, { version, ...changes }),
    deleteNeed: (id: string) => call<void>('DELETE', `${p}/needs/${encodeURIComponent(id)}`),

    barriers: () => call<Barrier[]>('GET', `${p}/barriers`),
    createBarrier: (input: NewBarrier) => call<Barrier>('POST', `${p}/barriers`, input),
    updateBarrier: (id: string, version: number, changes: BarrierPatch) =>
      call<Barrier>('PATCH', `${p}/barriers/${encodeURIComponent(id)}`, { version, ...changes }),
    deleteBarrier: (id: string) => call<void>('DELETE', `${p}/barriers/${encodeURIComponent(id)}`),

    statusCodes: () => call<GapStatusCodes>('GET', `${p}/gaps/status-codes`),
    setStatusCodes: (codes: GapStatusCodes) => call<GapStatusCodes>('PATCH', `${p}/gaps/status-codes`, codes),

    matrix: (coderId?: string) => call<GapMatrix>('GET', `${p}/gaps${q({ coderId })}`),
    cellSegments: (needId: string, siteId: string, coderId?: string) => call<RetrievedSegment[]>('GET', `${cell(needId, siteId)}/segments${q({ coderId })}`),
    /** `version` is the decision's version the form was based on: 0 for a cell not decided yet. */
    decide: (needId: string, siteId: string, version: number, decision: { status: GapStatus; note: string; authorId: string }) =>
      call<GapDecision>('PATCH', cell(needId, siteId), { version, ...decision }),
    withdraw: (needId: string, siteId: string) => call<void>('DELETE', cell(needId, siteId)),
    /** Who decided what on the cell, and when (its change-log entries). */
    history: (needId: string, siteId: string) => call<Change[]>('GET', `${cell(needId, siteId)}/history`),

    prevalence: (options: { threshold?: number; weak?: number; coderId?: string } = {}) =>
      call<BarrierPrevalence>('GET', `${p}/barriers/prevalence${q(options)}`),
    barrierSegments: (barrierId: string, siteId: string, coderId?: string) =>
      call<RetrievedSegment[]>('GET', `${p}/barriers/${encodeURIComponent(barrierId)}/sites/${encodeURIComponent(siteId)}/segments${q({ coderId })}`),
  };
}

export type GapsApi = ReturnType<typeof gapsApi>;
