// Pure helpers of the gap matrix view: how a status is shown (a word and a
// symbol, never colour alone), the needs grouped by horizon and purpose, what a
// cell's evidence says, and how barrier shares read.

import { EVIDENCED_STATUSES, NEED_HORIZONS, NEED_PURPOSES, type EvidencedStatus, type GapStatus, type NeedHorizon, type NeedPurpose } from '../../../core/needs.ts';
import type { CaseRef } from '../../../core/read-models.ts';
import type { BarrierRow, GapCell, GapNeedRow } from '../../../analysis/gaps.ts';

/** A symbol per status, shown beside its word: the status reads without colour. */
export const STATUS_SYMBOL: Record<GapStatus, string> = { met: '✓', ad_hoc: '≈', unmet: '✗', unknown: '?' };

export interface NeedGroup {
  horizon: NeedHorizon;
  purpose: NeedPurpose;
  rows: GapNeedRow[];
}

/** Rows grouped short term first, then prevention before protection; catalogue order kept inside a group. */
export function groupNeeds(rows: readonly GapNeedRow[]): NeedGroup[] {
  const groups: NeedGroup[] = [];
  for (const horizon of NEED_HORIZONS) {
    for (const purpose of NEED_PURPOSES) {
      const inGroup = rows.filter((r) => r.need.horizon === horizon && r.need.purpose === purpose);
      if (inGroup.length) groups.push({ horizon, purpose, rows: inGroup });
    }
  }
  return groups;
}

/** The analyst's status differs from the evidence's proposal. */
export const isOverride = (cell: GapCell): boolean => cell.decision !== null && cell.decision.status !== cell.proposed;

/** Statuses some supporting cases carry, most cases first (ties in the matrix's worse-first order). */
export function evidenceByStatus(cell: GapCell): { status: EvidencedStatus; cases: number }[] {
  const worseFirst = [...EVIDENCED_STATUSES].reverse();
  return worseFirst
    .map((status) => ({ status, cases: cell.casesByStatus[status] }))
    .filter((e) => e.cases > 0)
    .sort((a, b) => b.cases - a.cases);
}

/** Which of the proposal rule's branches produced the proposal: status codes, the inventory, or nothing. */
export function proposalReason(cell: GapCell): 'codes' | 'inventory' | 'none' {
  if (EVIDENCED_STATUSES.some((s) => cell.casesByStatus[s] > 0)) return 'codes';
  return cell.proposed === 'met' && cell.services > 0 ? 'inventory' : 'none';
}

/** The decision form's starting point: the status shown and the version to send (0 before any decision). */
export const decisionBase = (cell: GapCell): { status: GapStatus; version: number; note: string } => ({
  status: cell.status,
  version: cell.decision?.version ?? 0,
  note: cell.decision?.note ?? '',
});

/** How a barrier's share at a site reads against the verdict: strong, weak or neither. */
export function barrierStrength(row: BarrierRow, site: CaseRef): 'strong' | 'weak' | null {
  if (row.strongAt.some((s) => s.id === site.id)) return 'strong';
  if (row.weakAt.some((s) => s.id === site.id)) return 'weak';
  return null;
}

/** A share as a whole percentage in the interface's locale; null (no coded cases) reads as a dash. */
export const percent = (share: number | null, locale: string): string =>
  share === null ? '–' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
