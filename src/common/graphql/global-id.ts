import { badInput } from '../errors/domain-error.js';

/** Every type that implements `Node`. The name is part of each global id. */
export const NODE_TYPES = [
  'Cluster',
  'Organisation',
  'Technology',
  'Instrument',
  'Expert',
  'Material',
  'Sector',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** A storage key as the database writes it: a lower-case UUID. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Global ids are opaque to clients (base64url of `Type:uuid`) so that the storage key can change
 * without breaking partner sites, and so that `node(id)` knows which table to read.
 */
export function toGlobalId(type: NodeType, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/**
 * Decodes strictly: Node's base64 decoder skips what is not base64url (`=`, `!`, `+`, `/`), so
 * `<id>=`, `<id>!!` and the standard-base64 spelling would all name the same object and leave
 * different traces (audit subjects, caches). Only the exact string `toGlobalId` gives is an id.
 */
export function parseGlobalId(globalId: string, field = 'id'): { type: NodeType; id: string } {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  const type = decoded.slice(0, separator) as NodeType;
  const id = decoded.slice(separator + 1);
  if (
    separator < 0 ||
    !NODE_TYPES.includes(type) ||
    !UUID.test(id) ||
    toGlobalId(type, id) !== globalId
  ) {
    throw badInput(field, 'is not a valid Kenner id');
  }
  return { type, id };
}

/** Decodes an id that must name an object of `expected` type. */
export function fromGlobalId(globalId: string, expected: NodeType, field = 'id'): string {
  const { type, id } = parseGlobalId(globalId, field);
  if (type !== expected) throw badInput(field, `must be an id of type ${expected}, not ${type}`);
  return id;
}
