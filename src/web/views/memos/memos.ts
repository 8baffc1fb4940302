// Memos filtered and grouped by what they are about.

import type { Memo, MemoTargetKind } from '../../../core/model.ts';
import { MEMO_TARGET_KINDS } from '../../../core/model.ts';
import { matchesQuery } from '../../components/text.ts';

export interface MemoFilter {
  kind: MemoTargetKind | '';
  authorId: string;
  text: string;
}

export const ALL_MEMOS: MemoFilter = { kind: '', authorId: '', text: '' };

export function filterMemos(memos: readonly Memo[], filter: MemoFilter): Memo[] {
  return memos.filter(
    (m) => (!filter.kind || m.target.kind === filter.kind) && (!filter.authorId || m.authorId === filter.authorId) && matchesQuery(filter.text, m.title, m.text),
  );
}

/** Groups in the order project, document, case, code, segment; newest change first within a group; empty groups left out. */
export function groupMemos(memos: readonly Memo[]): { kind: MemoTargetKind; memos: Memo[] }[] {
  return MEMO_TARGET_KINDS.map((kind) => ({
    kind,
    memos: memos.filter((m) => m.target.kind === kind).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id)),
  })).filter((g) => g.memos.length > 0);
}

/** How many memos are about each kind of thing. */
export function countByKind(memos: readonly Memo[]): Record<MemoTargetKind, number> {
  const counts = Object.fromEntries(MEMO_TARGET_KINDS.map((k) => [k, 0])) as Record<MemoTargetKind, number>;
  for (const m of memos) counts[m.target.kind]++;
  return counts;
}
