// Needs, barriers and the gap matrix: the seed study's answer for policy makers,
// site by site. A need or barrier is evidenced by codes; a gap cell's status is
// proposed from that evidence (analysis/gaps.ts) and confirmed or overridden by an
// analyst, who leaves a note (stored here as GapDecision, versioned in the change log).

import type { CaseId, CodeId, Id, Timestamp, UserId } from './model.ts';

export type NeedId = Id;
export type BarrierId = Id;

/** When the need arises: right after leaving the situation, or for rebuilding a life. */
export type NeedHorizon = 'short_term' | 'long_term';
export const NEED_HORIZONS: readonly NeedHorizon[] = ['short_term', 'long_term'];

/** Whether meeting the need prevents trafficking or protects its victims. */
export type NeedPurpose = 'prevention' | 'protection';
export const NEED_PURPOSES: readonly NeedPurpose[] = ['prevention', 'protection'];

export interface Need {
  id: NeedId;
  name: string;
  description: string;
  horizon: NeedHorizon;
  purpose: NeedPurpose;
  /** Codes whose codings evidence the need (each with its sub-codes). */
  codeIds: CodeId[];
  position: number;
  version: number;
}

/** An obstacle to serving victims (lack of funding, fear of deportation, …). */
export interface Barrier {
  id: BarrierId;
  name: string;
  description: string;
  codeIds: CodeId[];
  position: number;
  version: number;
}

/** How well a need is met at a site. */
export type GapStatus = 'met' | 'ad_hoc' | 'unmet' | 'unknown';
export const GAP_STATUSES: readonly GapStatus[] = ['met', 'ad_hoc', 'unmet', 'unknown'];

/** The statuses a coding can carry; 'unknown' is the absence of evidence. */
export type EvidencedStatus = Exclude<GapStatus, 'unknown'>;
export const EVIDENCED_STATUSES: readonly EvidencedStatus[] = ['met', 'ad_hoc', 'unmet'];

/**
 * Which codes qualify a passage about a need as met, met only ad hoc or unmet
 * (the demo's "Service status" codes): applied to an overlapping range of the need's codes.
 */
export type GapStatusCodes = Record<EvidencedStatus, CodeId[]>;

/** An analyst's confirmation or override of one need × site cell. */
export interface GapDecision {
  needId: NeedId;
  siteId: CaseId;
  status: GapStatus;
  /** Why: required when the status differs from the proposal. */
  note: string;
  authorId: UserId;
  updatedAt: Timestamp;
  /** Bumped by every edit (optimistic concurrency, as for codes and memos). */
  version: number;
}
