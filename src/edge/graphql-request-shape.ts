import { createHash } from 'node:crypto';
import type { Request } from 'express';

/** Longer than any name a client gives an operation; Apollo echoes an unknown one in full. */
export const MAX_OPERATION_NAME_LENGTH = 256;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** What is wrong with a request's shape, named the way the client wrote it; else undefined. */
export type ShapeProblem = string | undefined;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The request parameters of a JSON POST body, or of a GET's query string. */
function parameters(req: Request): Record<string, unknown> {
  if (req.method === 'GET') return req.query;
  return isRecord(req.body) ? req.body : {};
}

/** A GET carries `extensions` as JSON text; unreadable text is left to Apollo's own 400. */
function extensionsOf(req: Request, params: Record<string, unknown>): unknown {
  const extensions = params.extensions;
  if (req.method !== 'GET' || typeof extensions !== 'string') return extensions;
  try {
    return JSON.parse(extensions) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Automatic persisted queries: Apollo answers a malformed `persistedQuery` (a string, another
 * version, a hash that does not match the query) with an error that has no code, which reaches
 * clients as INTERNAL_SERVER_ERROR. The protocol is small enough to check here.
 */
function persistedQueryProblem(persisted: unknown, query: unknown): ShapeProblem {
  if (persisted === undefined || persisted === null) return undefined;
  const field = 'extensions.persistedQuery';
  if (!isRecord(persisted)) return `${field}: must be an object { version: 1, sha256Hash }`;
  if (persisted.version !== 1) return `${field}.version: must be 1`;
  const hash = persisted.sha256Hash;
  if (typeof hash !== 'string' || !SHA256_HEX.test(hash)) {
    return `${field}.sha256Hash: must be 64 lower-case hexadecimal digits`;
  }
  if (typeof query === 'string' && createHash('sha256').update(query).digest('hex') !== hash) {
    return `${field}.sha256Hash: is not the SHA-256 of the query text`;
  }
  return undefined;
}

/**
 * Request-shape checks Apollo answers badly (uncoded errors, or the whole value echoed back):
 * persisted-query extensions and over-long operation names. Everything else malformed (not an
 * object, `query` not a string, variables not an object…) Apollo refuses itself with 400
 * BAD_REQUEST.
 */
export function requestShapeProblem(req: Request): ShapeProblem {
  const params = parameters(req);
  const name = params.operationName;
  if (typeof name === 'string' && name.length > MAX_OPERATION_NAME_LENGTH) {
    return `operationName: must be at most ${MAX_OPERATION_NAME_LENGTH} characters`;
  }
  const extensions = extensionsOf(req, params);
  return isRecord(extensions)
    ? persistedQueryProblem(extensions.persistedQuery, params.query)
    : undefined;
}
