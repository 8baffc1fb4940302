import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BarrierRow, GapCell, GapNeedRow } from '../../../analysis/gaps.ts';
import type { Need, NeedHorizon, NeedPurpose } from '../../../core/needs.ts';
import { barrierStrength, decisionBase, evidenceByStatus, groupNeeds, isOverride, percent, proposalReason, STATUS_SYMBOL } from './gaps.ts';

const need = (id: string, horizon: NeedHorizon, purpose: NeedPurpose): Need => ({ id, name: id, description: '', horizon, purpose, codeIds: [], position: 0, version: 1 });
const row = (n: Need): GapNeedRow => ({ need: n, cells: [], differs: false });
const cell = (over: Partial<GapCell>): GapCell => ({
  needId: 'n', siteId: 's', proposed: 'unknown', cases: 0, casesByStatus: { met: 0, ad_hoc: 0, unmet: 0 }, services: 0, decision: null, status: 'unknown', ...over,
});

test('every status has its own symbol, so it reads without colour', () => {
  assert.equal(new Set(Object.values(STATUS_SYMBOL)).size, 4);
});

test('needs are grouped short term first, prevention before protection, catalogue order kept', () => {
  const rows = [need('a', 'long_term', 'protection'), need('b', 'short_term', 'protection'), need('c', 'short_term', 'prevention'), need('d', 'short_term', 'protection')].map(row);
  assert.deepEqual(
    groupNeeds(rows).map((g) => [g.horizon, g.purpose, g.rows.map((r) => r.need.id)]),
    [
      ['short_term', 'prevention', ['c']],
      ['short_term', 'protection', ['b', 'd']],
      ['long_term', 'protection', ['a']],
    ],
  );
});

test('a decision overrides only when its status differs from the proposal', () => {
  const decision = { needId: 'n', siteId: 's', status: 'unmet' as const, note: 'why', authorId: 'u', updatedAt: '2005-01-01T00:00:00Z', version: 3 };
  assert.equal(isOverride(cell({ proposed: 'unmet', decision, status: 'unmet' })), false);
  assert.equal(isOverride(cell({ proposed: 'met', decision, status: 'unmet' })), true);
  assert.equal(isOverride(cell({ proposed: 'met', status: 'met' })), false);
  assert.deepEqual(decisionBase(cell({ proposed: 'met', decision, status: 'unmet' })), { status: 'unmet', version: 3, note: 'why' });
  assert.deepEqual(decisionBase(cell({ proposed: 'ad_hoc', status: 'ad_hoc' })), { status: 'ad_hoc', version: 0, note: '' });
});

test('the evidence lists statuses with cases, most first, ties worse first; the reason names the rule’s branch', () => {
  const mixed = cell({ casesByStatus: { met: 2, ad_hoc: 1, unmet: 2 }, proposed: 'unmet', services: 3 });
  assert.deepEqual(evidenceByStatus(mixed), [
    { status: 'unmet', cases: 2 },
    { status: 'met', cases: 2 },
    { status: 'ad_hoc', cases: 1 },
  ]);
  assert.equal(proposalReason(mixed), 'codes');
  assert.equal(proposalReason(cell({ proposed: 'met', services: 2 })), 'inventory');
  assert.equal(proposalReason(cell({ proposed: 'unknown' })), 'none');
});

test('a barrier cell is strong, weak or neither; a share without coded cases reads as a dash', () => {
  const r = { strongAt: [{ id: 'w', name: 'Winnipeg' }], weakAt: [{ id: 't', name: 'Toronto' }] } as BarrierRow;
  assert.deepEqual(['w', 't', 'm'].map((id) => barrierStrength(r, { id, name: id })), ['strong', 'weak', null]);
  assert.equal(percent(0.25, 'en-CA'), '25%');
  assert.equal(percent(null, 'en-CA'), '–');
});
