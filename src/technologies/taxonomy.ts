/**
 * The technique tree, walked here and nowhere else: the service (one edit at a time), the
 * importer (hundreds of rows at once), the search projections and sync, the demand report and the
 * resolvers all name a node's parent (or children) and let these functions do the walking. A node
 * is whatever the caller holds: an id, a slug, an import row, an entity.
 */
export type ParentOf<T> = (node: T) => T | null | undefined;
export type ChildrenOf<T> = (node: T) => readonly T[];

/**
 * How far paths and ancestor lists go up. Writes refuse loops, so this only keeps data corrupted
 * by hand from making a page (or a chain of loader queries) unbounded.
 */
export const MAX_ANCESTORS = 32;

/** The rules of one walk up: it ends at a root, on a loop, or after `limit` ancestors. */
class Ascent<T> {
  readonly ancestors: T[] = [];
  looped = false;
  private readonly seen: Set<T>;

  constructor(
    start: T,
    private readonly limit: number,
  ) {
    this.seen = new Set([start]);
  }

  /** Takes the next parent up; false once the walk is over. */
  climb(parent: T | null | undefined): parent is T {
    if (parent === null || parent === undefined || this.ancestors.length >= this.limit) {
      return false;
    }
    if (this.seen.has(parent)) {
      this.looped = true;
      return false;
    }
    this.seen.add(parent);
    this.ancestors.push(parent);
    return true;
  }
}

function ascend<T>(node: T, parentOf: ParentOf<T>, limit: number): Ascent<T> {
  const ascent = new Ascent(node, limit);
  let parent = parentOf(node);
  while (ascent.climb(parent)) parent = parentOf(parent);
  return ascent;
}

/** The broader nodes above `node`, nearest first. */
export function ancestorsOf<T>(node: T, parentOf: ParentOf<T>): T[] {
  return ascend(node, parentOf, MAX_ANCESTORS).ancestors;
}

/** From the root down to `node`, inclusive. */
export function pathTo<T>(node: T, parentOf: ParentOf<T>): T[] {
  return [...ancestorsOf(node, parentOf).reverse(), node];
}

/**
 * `ancestorsOf` for a tree read one parent at a time (a request's DataLoader): follows each
 * node's `parentId` through `load`, nearest first.
 */
export async function loadAncestors<T extends { parentId: string | null }>(
  node: { parentId: string | null },
  load: (id: string) => Promise<T | null | undefined>,
): Promise<T[]> {
  const ascent = new Ascent<{ parentId: string | null }>(node, MAX_ANCESTORS);
  const parentOf = (n: { parentId: string | null }) => (n.parentId ? load(n.parentId) : null);
  let parent = await parentOf(node);
  while (ascent.climb(parent)) parent = await parentOf(parent);
  return ascent.ancestors as T[];
}

/** The root above `node` (itself for a root). Returns null on a loop. */
export function rootOf<T>(node: T, parentOf: ParentOf<T>): T | null {
  const { ancestors, looped } = ascend(node, parentOf, Infinity);
  return looped ? null : (ancestors.at(-1) ?? node);
}

/** True when making `parent` the parent of `node` would close a loop. */
export function wouldCycle<T>(node: T, parent: T, parentOf: ParentOf<T>): boolean {
  if (parent === node) return true;
  const { ancestors, looped } = ascend(parent, parentOf, Infinity);
  return looped || ancestors.includes(node);
}

/** `roots` and everything below them, each once, given a children index. */
export function subtreeOf<T>(roots: T | readonly T[], childrenOf: ChildrenOf<T>): T[] {
  const seen = new Set<T>();
  const stack = Array.isArray(roots) ? [...(roots as readonly T[])] : [roots as T];
  while (stack.length) {
    const current = stack.pop() as T;
    if (seen.has(current)) continue;
    seen.add(current);
    stack.push(...childrenOf(current));
  }
  return [...seen];
}

/** Everything below `node`, without it. */
export function descendantsOf<T>(node: T, childrenOf: ChildrenOf<T>): T[] {
  return subtreeOf(node, childrenOf).filter((n) => n !== node);
}

/** The children index of `items`, each of which names its parent (or none). */
export function childrenIndex<T, K>(
  items: readonly T[],
  keyOf: (item: T) => K,
  parentKeyOf: (item: T) => K | null | undefined,
): ChildrenOf<K> {
  const children = new Map<K, K[]>();
  for (const item of items) {
    const parent = parentKeyOf(item);
    if (parent === null || parent === undefined) continue;
    const list = children.get(parent);
    if (list) list.push(keyOf(item));
    else children.set(parent, [keyOf(item)]);
  }
  return (key) => children.get(key) ?? [];
}

/** The parent of an entity, looked up in the whole tree read at once. */
export const parentIn =
  <T extends { parentId: string | null }>(byId: ReadonlyMap<string, T>): ParentOf<T> =>
  (node) =>
    node.parentId ? byId.get(node.parentId) : undefined;

/** The children index of rows as the `technologies` table holds them, by id. */
export const childrenById = (
  rows: readonly { id: string; parentId: string | null }[],
): ChildrenOf<string> =>
  childrenIndex(
    rows,
    (r) => r.id,
    (r) => r.parentId,
  );

/**
 * `items` ordered so that each comes after its parent: generation by generation, in the given
 * order within one. `parentOf` names a parent among `items`, or none. Throws when they loop.
 */
export function parentsFirst<T>(items: readonly T[], parentOf: ParentOf<T>): T[] {
  const placed = new Set<T>();
  let pending = [...items];
  while (pending.length) {
    const ready = pending.filter((item) => {
      const parent = parentOf(item);
      return parent === null || parent === undefined || placed.has(parent);
    });
    if (ready.length === 0) throw new Error('technique hierarchy could not be ordered');
    for (const item of ready) placed.add(item);
    pending = pending.filter((item) => !placed.has(item));
  }
  return [...placed];
}
