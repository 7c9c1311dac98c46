/**
 * Pure rules of the technique tree, shared by the service (one edit at a time) and the importer
 * (hundreds of rows at once).
 */
export type ParentOf = (id: string) => string | null | undefined;

/** The root above `id` (itself for a root). Returns null on a cycle. */
export function rootOf(id: string, parentOf: ParentOf): string | null {
  const seen = new Set<string>();
  let current = id;
  for (;;) {
    if (seen.has(current)) return null;
    seen.add(current);
    const parent = parentOf(current);
    if (!parent) return current;
    current = parent;
  }
}

/** True when making `parentId` the parent of `id` would close a loop. */
export function wouldCycle(id: string, parentId: string, parentOf: ParentOf): boolean {
  let current: string | null | undefined = parentId;
  const seen = new Set<string>();
  while (current && !seen.has(current)) {
    if (current === id) return true;
    seen.add(current);
    current = parentOf(current);
  }
  return current !== null && current !== undefined;
}

/** `id` and everything below it, given a children index. */
export function subtreeOf(id: string, childrenOf: (id: string) => readonly string[]): string[] {
  const out: string[] = [];
  const stack = [id];
  while (stack.length) {
    const current = stack.pop() as string;
    out.push(current);
    stack.push(...childrenOf(current));
  }
  return out;
}
