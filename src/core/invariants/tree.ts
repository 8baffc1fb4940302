import type { Id } from '../model.ts';
import { invalid } from '../errors.ts';

/** Anything arranged in a parent/child tree: codes, cases. */
export interface TreeNode {
  id: Id;
  parentId: Id | null;
  name: string;
}

/** A node and every node under it, whatever order the nodes come in. */
export function subtreeOf(nodes: readonly TreeNode[], id: Id): Set<Id> {
  const children = new Map<Id, Id[]>();
  for (const n of nodes) if (n.parentId !== null) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.id]);
  const out = new Set([id]);
  for (const at of out) for (const child of children.get(at) ?? []) out.add(child);
  return out;
}

/** True if making `newParentId` the parent of `id` would put `id` above itself. */
export function wouldCreateCycle(nodes: readonly TreeNode[], id: Id, newParentId: Id | null): boolean {
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
  const seen = new Set<Id>();
  for (let at = newParentId; at !== null; at = parentOf.get(at) ?? null) {
    if (at === id || seen.has(at)) return true;
    seen.add(at);
  }
  return false;
}

/** Refuses a parent that is missing or would close a cycle. */
export function assertParentAllowed(nodes: readonly TreeNode[], id: Id, newParentId: Id | null, what: string): void {
  if (newParentId === null) return;
  if (!nodes.some((n) => n.id === newParentId)) throw invalid(`parent ${what} ${newParentId} does not exist`);
  if (wouldCreateCycle(nodes, id, newParentId)) {
    const name = (nodeId: Id) => nodes.find((n) => n.id === nodeId)?.name ?? nodeId;
    throw invalid(`moving ${what} "${name(id)}" under "${name(newParentId)}" would create a cycle`);
  }
}

/** Names are unique among siblings (case-insensitively, as users read them). */
export function assertUniqueSiblingName(
  nodes: readonly TreeNode[],
  parentId: Id | null,
  name: string,
  what: string,
  exceptId?: Id,
): void {
  const key = name.trim().toLocaleLowerCase();
  if (!key) throw invalid(`a ${what} needs a name`);
  const clash = nodes.find(
    (n) => n.parentId === parentId && n.id !== exceptId && n.name.trim().toLocaleLowerCase() === key,
  );
  if (clash) throw invalid(`a ${what} named "${clash.name}" already exists at that level`);
}

/** Separator of code paths such as "Obstacles/Fear of deportation". */
export const PATH_SEPARATOR = '/';

function pathIn(byId: ReadonlyMap<Id, TreeNode>, id: Id): string[] {
  const names: string[] = [];
  for (let at = byId.get(id); at; at = at.parentId === null ? undefined : byId.get(at.parentId)) {
    names.unshift(at.name);
    if (names.length > byId.size) break; // defensive against a corrupt cycle
  }
  return names;
}

/** The names from the root down to `id`. */
export function pathOf(nodes: readonly TreeNode[], id: Id): string[] {
  return pathIn(new Map(nodes.map((n) => [n.id, n])), id);
}

/** Every node's path, from one lookup table (pathOf for each node would build one per node). */
export function pathsOf(nodes: readonly TreeNode[]): Map<Id, string[]> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return new Map(nodes.map((n) => [n.id, pathIn(byId, n.id)]));
}

/**
 * Finds a node by id, by full path ("Parent/Child"), or by a name that is unique
 * in the whole tree. Returns undefined when nothing matches; throws if a bare name is ambiguous.
 */
export function findInTree<T extends TreeNode>(nodes: readonly T[], ref: string, what: string): T | undefined {
  const byId = nodes.find((n) => n.id === ref);
  if (byId) return byId;
  const parts = ref.split(PATH_SEPARATOR).map((p) => p.trim().toLocaleLowerCase());
  const paths = pathsOf(nodes);
  const matches = nodes.filter((n) => {
    const path = paths.get(n.id)!.map((p) => p.trim().toLocaleLowerCase());
    return path.length >= parts.length && parts.every((p, i) => path[path.length - parts.length + i] === p);
  });
  if (matches.length > 1) {
    throw invalid(`${what} "${ref}" is ambiguous: ${matches.map((m) => paths.get(m.id)!.join(PATH_SEPARATOR)).join(', ')}`);
  }
  return matches[0];
}
