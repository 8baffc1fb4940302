// The gap matrix (needs × sites) and barrier prevalence per site: the seed study's
// answer for policy makers. A case at a site evidences a need when its documents have
// codings of the need's codes (each with its sub-codes); a passage about the need is
// qualified met / ad hoc / unmet when a coding of that status's codes (with sub-codes)
// overlaps it in the same document (touching ranges do not overlap). The proposal is the
// status with the most qualified cases, ties going to the worse (unmet > ad hoc > met:
// conservative for policy makers); without any, 'met' if the inventory lists a service at
// the site meeting the need, 'unmet' if respondents there raised the need and no service is
// listed, else 'unknown'. An analyst's decision, when there is one, wins.

import type { CaseId, CodeId, CodingRange, DocumentId, UserId } from '../core/model.ts';
import type { CaseRef, RetrievedSegment } from '../core/read-models.ts';
import {
  EVIDENCED_STATUSES,
  type Barrier,
  type BarrierId,
  type EvidencedStatus,
  type GapDecision,
  type GapStatus,
  type GapStatusCodes,
  type Need,
  type NeedId,
} from '../core/needs.ts';
import { invalid } from '../core/errors.ts';
import { overlaps } from '../core/text/ranges.ts';
import type { ProjectStore } from '../store/store.ts';
import { loadStudy, type Study } from './scope.ts';
import { retrieveSegments } from './retrieval.ts';
import { siteVerdict, verdictShares, type Verdict } from './site-comparison.ts';

/** A site with the number of its cases (participants) that have anything coded. */
export interface GapSite extends CaseRef {
  codedCases: number;
}

export interface GapCell {
  needId: NeedId;
  siteId: CaseId;
  /** From the evidence (the rule above). */
  proposed: GapStatus;
  /** Cases at the site whose codings evidence the need. */
  cases: number;
  /** Of those, cases whose need passages carry a status code. */
  casesByStatus: Record<EvidencedStatus, number>;
  /** Inventory services at the site meeting the need. */
  services: number;
  /** The analyst's confirmation or override. */
  decision: GapDecision | null;
  status: GapStatus;
}

export interface GapNeedRow {
  need: Need;
  /** One per site, in `sites` order. */
  cells: GapCell[];
  /** Two sites have different statuses other than 'unknown'. */
  differs: boolean;
}

export interface GapMatrix {
  sites: GapSite[];
  rows: GapNeedRow[];
  statusCodes: GapStatusCodes;
}

export interface BarrierRow {
  barrier: Barrier;
  /** Per site: cases citing the barrier, and their share of the site's coded cases (null: nothing coded there). */
  cases: number[];
  shares: (number | null)[];
  verdict: Verdict;
  strongAt: CaseRef[];
  weakAt: CaseRef[];
}

export interface BarrierPrevalence {
  threshold: number;
  weak: number;
  sites: GapSite[];
  rows: BarrierRow[];
}

/** Worst first: the order ties are broken in. */
const WORST_FIRST: readonly EvidencedStatus[] = ['unmet', 'ad_hoc', 'met'];

/**
 * The proposal rule for one cell: what respondents qualified wins (most cases; ties go to
 * the worse status, conservative for policy makers); failing that, a service listed at
 * the site meets the need; failing that, a need respondents raised where no service is
 * listed is unmet (the seed's "gap"); with no evidence at all, unknown.
 */
export function proposedStatus(casesByStatus: Record<EvidencedStatus, number>, cases: number, services: number): GapStatus {
  let best: EvidencedStatus | null = null;
  for (const s of WORST_FIRST) if (casesByStatus[s] > 0 && (best === null || casesByStatus[s] > casesByStatus[best])) best = s;
  return best ?? (services > 0 ? 'met' : cases > 0 ? 'unmet' : 'unknown');
}

const codesOf = (study: Study, codeIds: readonly CodeId[]): Set<CodeId> => new Set(codeIds.flatMap((id) => study.subtree(id)));

/** Each case's site, for the store to sum cases into. */
const siteGroups = (study: Study): Map<CaseId, CaseId> =>
  new Map(study.cases.flatMap((c) => {
    const site = study.tree.enclosing(c.id, 'site');
    return site ? [[c.id, site.id] as const] : [];
  }));

/** The study's sites in case order, with their coded cases (by the coder, if one is chosen). */
async function sitesOf(project: ProjectStore, study: Study, groups: Map<CaseId, CaseId>, coderId?: UserId): Promise<GapSite[]> {
  const tallies = await project.codingTally({ rows: [{ key: '*', codeIds: study.codes.map((c) => c.id) }], groups, reachOnly: true, ...(coderId ? { coderId } : {}) });
  const coded = new Map(tallies.map((t) => [t.group, t.cases]));
  return study.cases.filter((c) => c.kind === 'site').map((c) => ({ id: c.id, name: c.name, codedCases: coded.get(c.id) ?? 0 }));
}

const cellKey = (needId: NeedId, siteId: CaseId) => `${needId}\u0000${siteId}`;

export async function gapMatrix(project: ProjectStore, options: { coderId?: UserId } = {}): Promise<GapMatrix> {
  const study = await loadStudy(project);
  const [needs, statusCodes, decisions, organisations, services] = await Promise.all([
    project.listNeeds(),
    project.gapStatusCodes(),
    project.listGapDecisions(),
    project.listServiceOrganisations(),
    project.listServices(),
  ]);
  const siteOf = siteGroups(study);
  const sites = await sitesOf(project, study, siteOf, options.coderId);
  const needCodes = new Map(needs.map((n) => [n.id, codesOf(study, n.codeIds)]));
  const statusOf = new Map<CodeId, EvidencedStatus>();
  for (const s of EVIDENCED_STATUSES) for (const id of codesOf(study, statusCodes[s])) statusOf.set(id, s);
  const wanted = new Set([...[...needCodes.values()].flatMap((set) => [...set]), ...statusOf.keys()]);
  const ranges = await project.codingRanges({ codeIds: [...wanted], ...(options.coderId ? { coderId: options.coderId } : {}) });

  const byDocument = new Map<DocumentId, CodingRange[]>();
  for (const r of ranges) byDocument.set(r.documentId, [...(byDocument.get(r.documentId) ?? []), r]);
  // Per cell: the cases evidencing the need, and per status the cases whose need passages it qualifies.
  const evidence = new Map<string, { cases: Set<CaseId>; byStatus: Record<EvidencedStatus, Set<CaseId>> }>();
  for (const [documentId, inDocument] of byDocument) {
    const caseId = study.document(documentId)?.caseId ?? null;
    const siteId = caseId === null ? undefined : siteOf.get(caseId);
    if (caseId === null || siteId === undefined) continue;
    const statusRanges = inDocument.filter((r) => statusOf.has(r.codeId));
    for (const need of needs) {
      const passages = inDocument.filter((r) => needCodes.get(need.id)!.has(r.codeId));
      if (passages.length === 0) continue;
      const key = cellKey(need.id, siteId);
      const cell = evidence.get(key) ?? { cases: new Set(), byStatus: { met: new Set(), ad_hoc: new Set(), unmet: new Set() } };
      cell.cases.add(caseId);
      for (const s of statusRanges) if (passages.some((p) => overlaps(p, s))) cell.byStatus[statusOf.get(s.codeId)!].add(caseId);
      evidence.set(key, cell);
    }
  }

  const siteOfOrganisation = new Map(organisations.map((o) => [o.id, o.siteId]));
  const decisionOf = new Map(decisions.map((d) => [cellKey(d.needId, d.siteId), d]));
  const rows = needs.map((need): GapNeedRow => {
    const cells = sites.map((site): GapCell => {
      const found = evidence.get(cellKey(need.id, site.id));
      const casesByStatus = { met: found?.byStatus.met.size ?? 0, ad_hoc: found?.byStatus.ad_hoc.size ?? 0, unmet: found?.byStatus.unmet.size ?? 0 };
      const serving = services.filter((s) => s.needIds.includes(need.id) && siteOfOrganisation.get(s.organisationId) === site.id).length;
      const cases = found?.cases.size ?? 0;
      const proposed = proposedStatus(casesByStatus, cases, serving);
      const decision = decisionOf.get(cellKey(need.id, site.id)) ?? null;
      return { needId: need.id, siteId: site.id, proposed, cases, casesByStatus, services: serving, decision, status: decision?.status ?? proposed };
    });
    const known = new Set(cells.map((c) => c.status).filter((s) => s !== 'unknown'));
    return { need, cells, differs: known.size > 1 };
  });
  return { sites, rows, statusCodes };
}

/**
 * The coded passages of `codeIds` (with sub-codes) in documents at a site: what a cell's count stands
 * for. One per segment (with its first coding), however many coders or codes applied it.
 */
async function passagesAt(project: ProjectStore, codeIds: readonly CodeId[], siteId: CaseId, coderId?: UserId): Promise<RetrievedSegment[]> {
  const site = await project.findCase(siteId);
  if (site.kind !== 'site') throw invalid(`"${site.name}" is not a site: gap cells are per site`);
  const seen = new Set<string>();
  const out: RetrievedSegment[] = [];
  for (const codeId of codeIds) {
    for (const r of await retrieveSegments(project, codeId, { descendants: true, siteId: site.id, ...(coderId ? { coderId } : {}) })) {
      if (seen.has(r.coding.segmentId)) continue;
      seen.add(r.coding.segmentId);
      out.push(r);
    }
  }
  return out.sort((a, b) => a.document.name.localeCompare(b.document.name) || a.coding.start - b.coding.start || a.coding.end - b.coding.end);
}

export async function gapCellSegments(project: ProjectStore, needId: NeedId, siteId: CaseId, options: { coderId?: UserId } = {}): Promise<RetrievedSegment[]> {
  const need = await project.findNeed(needId);
  return passagesAt(project, need.codeIds, siteId, options.coderId);
}

export async function barrierCellSegments(project: ProjectStore, barrierId: BarrierId, siteId: CaseId, options: { coderId?: UserId } = {}): Promise<RetrievedSegment[]> {
  const barrier = await project.findBarrier(barrierId);
  return passagesAt(project, barrier.codeIds, siteId, options.coderId);
}

/**
 * Per barrier and site, the share of the site's coded cases citing it; a barrier is a
 * similarity when strong (≥ threshold) at every site with coded cases, a difference when
 * strong at some and weak (≤ `weak`, default absent) at others, as in site comparison.
 */
export async function barrierPrevalence(project: ProjectStore, options: { threshold?: number; weak?: number; coderId?: UserId } = {}): Promise<BarrierPrevalence> {
  const { threshold, weak } = verdictShares(options);
  const study = await loadStudy(project);
  const barriers = await project.listBarriers();
  const groups = siteGroups(study);
  const sites = await sitesOf(project, study, groups, options.coderId);
  const tallies = await project.codingTally({
    rows: barriers.map((b) => ({ key: b.id, codeIds: [...codesOf(study, b.codeIds)] })),
    groups,
    reachOnly: true,
    ...(options.coderId ? { coderId: options.coderId } : {}),
  });
  const rows = barriers.map((barrier): BarrierRow => {
    const mine = tallies.filter((t) => t.row === barrier.id);
    const cases = sites.map((s) => mine.find((t) => t.group === s.id)?.cases ?? 0);
    const shares = sites.map((s, j) => (s.codedCases ? cases[j]! / s.codedCases : null));
    return { barrier, cases, shares, ...siteVerdict(sites, shares, { threshold, weak }) };
  });
  return { threshold, weak, sites, rows };
}
