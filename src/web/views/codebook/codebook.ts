// The codebook's rules as the editor needs them: tree order, search, where a
// code may move, what it may merge into, and how it is named by path.

import type { Code } from '../../../core/model.ts';
import type { ComboOption } from '../../components/Combobox.tsx';
import { matchesQuery } from '../../components/text.ts';
import { ancestorIds, buildForest, descendantIds, filterForest, flatten, type TreeNode } from '../../components/tree.ts';

type CodeLike = Pick<Code, 'id' | 'parentId' | 'name' | 'definition' | 'position' | 'codable'>;

/** The code tree in codebook order (position, then name). */
export function codeForest<C extends CodeLike>(codes: readonly C[], compare: (a: string, b: string) => number): TreeNode<C>[] {
  return buildForest(codes, (a, b) => a.position - b.position || compare(a.name, b.name));
}

/** Codes whose name or definition matches (accent-insensitive), with their ancestors. */
export function searchForest<C extends CodeLike>(forest: TreeNode<C>[], query: string): TreeNode<C>[] {
  return query.trim() ? filterForest(forest, (c) => matchesQuery(query, c.name, c.definition)) : forest;
}

/** "Obstacles › Fear of deportation" */
export function codePath(codes: readonly CodeLike[], id: string, separator = ' › '): string {
  const byId = new Map(codes.map((c) => [c.id, c]));
  return [...ancestorIds(codes, id), id].map((a) => byId.get(a)?.name ?? '').join(separator);
}

/** How deep a code sits: 0 at the top level. */
export const codeDepth = (codes: readonly CodeLike[], id: string): number => ancestorIds(codes, id).length;

/** Every code as a picker option, in codebook order, with its parent's path as detail; the pickers of every view list codes alike. */
export function codeOptions<C extends CodeLike & Pick<Code, 'color'>>(codes: readonly C[], compare: (a: string, b: string) => number, disabled?: (code: C) => boolean): ComboOption[] {
  return flatten(codeForest(codes, compare)).map(({ item }) => ({
    id: item.id,
    label: item.name,
    detail: item.parentId ? codePath(codes, item.parentId) : undefined,
    depth: codeDepth(codes, item.id),
    color: item.color,
    disabled: disabled?.(item) ?? false,
  }));
}

/** Whether `id` may become a child of `parentId` (null: top level): no cycles, and it must actually move. */
export function canMove(codes: readonly CodeLike[], id: string, parentId: string | null): boolean {
  const code = codes.find((c) => c.id === id);
  if (!code || code.parentId === parentId) return false;
  if (parentId === null) return true;
  return parentId !== id && !descendantIds(codes, id).has(parentId) && codes.some((c) => c.id === parentId);
}

/** Why `id` cannot be merged into `into`, or null when it can (its sub-codes move under `into`). */
export function mergeRefusal(codes: readonly CodeLike[], id: string, into: string): 'same' | 'intoDescendant' | 'notCodable' | null {
  if (id === into) return 'same';
  if (descendantIds(codes, id).has(into)) return 'intoDescendant';
  if (!codes.find((c) => c.id === into)?.codable) return 'notCodable';
  return null;
}
