// Forests from flat lists linked by parentId: building, filtering with the
// ancestors of matches kept, and the ids under or above a node.

export interface Linked {
  id: string;
  parentId: string | null;
}

export interface TreeNode<T> {
  item: T;
  children: TreeNode<T>[];
}

/** Builds the forest; items whose parent is missing become roots. Siblings keep `compare` order. */
export function buildForest<T extends Linked>(items: readonly T[], compare?: (a: T, b: T) => number): TreeNode<T>[] {
  const nodes = new Map(items.map((item) => [item.id, { item, children: [] as TreeNode<T>[] }]));
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parentId === null ? undefined : nodes.get(node.item.parentId);
    (parent ? parent.children : roots).push(node);
  }
  if (compare) {
    const sort = (list: TreeNode<T>[]) => {
      list.sort((a, b) => compare(a.item, b.item));
      list.forEach((n) => sort(n.children));
    };
    sort(roots);
  }
  return roots;
}

/**
 * Keeps the nodes that match and the ancestors leading to them; a matching node
 * keeps its whole subtree. Returns the pruned forest.
 */
export function filterForest<T>(forest: readonly TreeNode<T>[], match: (item: T) => boolean): TreeNode<T>[] {
  const out: TreeNode<T>[] = [];
  for (const node of forest) {
    if (match(node.item)) {
      out.push(node);
      continue;
    }
    const children = filterForest(node.children, match);
    if (children.length > 0) out.push({ item: node.item, children });
  }
  return out;
}

/** Every node in depth-first order. */
export function flatten<T>(forest: readonly TreeNode<T>[]): TreeNode<T>[] {
  return forest.flatMap((n) => [n, ...flatten(n.children)]);
}

/** The ids of an item's descendants (not the item itself). */
export function descendantIds(items: readonly Linked[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const item of items) {
    if (item.parentId === null) continue;
    const list = children.get(item.parentId) ?? [];
    list.push(item.id);
    children.set(item.parentId, list);
  }
  const out = new Set<string>();
  const stack = [...(children.get(id) ?? [])];
  while (stack.length) {
    const next = stack.pop()!;
    if (out.has(next)) continue;
    out.add(next);
    stack.push(...(children.get(next) ?? []));
  }
  return out;
}

/** The ids from the root down to the item's parent. */
export function ancestorIds(items: readonly Linked[], id: string): string[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const out: string[] = [];
  let parent = byId.get(id)?.parentId ?? null;
  while (parent !== null && !out.includes(parent)) {
    out.unshift(parent);
    parent = byId.get(parent)?.parentId ?? null;
  }
  return out;
}
