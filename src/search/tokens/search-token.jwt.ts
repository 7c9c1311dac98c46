import { createHmac, timingSafeEqual } from 'node:crypto';
import type { TokenSearchRules } from 'meilisearch';

/**
 * Kenner's own claim in its search tokens: which API key minted it (null: anonymous), or which
 * person's session. Meilisearch ignores claims it does not know (checked on 1.21), so the same
 * token serves /search and GraphQL, where the key's or session's current state decides what it
 * may see.
 */
export interface KennerClaim {
  key: string | null;
  /** The session of the signed-in person who minted it; absent for keys and anonymous callers. */
  session?: string;
}

/** The payload of a tenant token as Kenner writes it. */
export interface SearchTokenClaims {
  searchRules: TokenSearchRules;
  apiKeyUid: string;
  /** Seconds since the epoch. */
  exp: number;
  kenner: KennerClaim;
}

/** The signing key: its uid names it in the token, its `key` value is the HMAC secret. */
export interface SigningKey {
  uid: string;
  key: string;
}

/** Why a token is refused; each has its own message for the caller. */
export enum TokenProblem {
  MALFORMED = 'MALFORMED',
  ALGORITHM = 'ALGORITHM',
  FOREIGN_KEY = 'FOREIGN_KEY',
  SIGNATURE = 'SIGNATURE',
  EXPIRED = 'EXPIRED',
}

export type TokenCheck =
  { ok: true; payload: Record<string, unknown> } | { ok: false; problem: TokenProblem };

const HEADER = { alg: 'HS256', typ: 'JWT' } as const;

/** Three base64url segments, the first one a JSON object (`{"` is `eyJ`): a JWT, not a key. */
const JWT_SHAPE = /^eyJ[\w-]*\.[\w-]*\.[\w-]*$/;

export const looksLikeJwt = (bearer: string): boolean => JWT_SHAPE.test(bearer);

const encode = (value: unknown): string =>
  Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

const hmac = (secret: string, signed: string): Buffer =>
  createHmac('sha256', secret).update(signed).digest();

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A segment as a JSON object; undefined when it is not base64url of one (any bytes may come). */
function jsonSegment(segment: string): Record<string, unknown> | undefined {
  if (!/^[\w-]*$/.test(segment)) return undefined;
  try {
    const value: unknown = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(segment, 'base64url')),
    );
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Signs a tenant token (HS256). Written here rather than with the client's generateTenantToken,
 * which cannot add Kenner's claim.
 */
export function signSearchToken(key: SigningKey, claims: SearchTokenClaims): string {
  const signed = `${encode(HEADER)}.${encode(claims)}`;
  return `${signed}.${hmac(key.key, signed).toString('base64url')}`;
}

/**
 * Checks a token against the current signing key, in the order that leaks nothing: shape, then
 * `alg` (HS256 only: `none` and every other algorithm are refused), then that it names the
 * current key (a rotated or foreign key cannot be checked further), then the signature in
 * constant time, and only then its expiry. The payload is trusted only when this says `ok`.
 */
export function checkSearchToken(
  token: string,
  key: SigningKey,
  nowMs: number = Date.now(),
): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, problem: TokenProblem.MALFORMED };
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = jsonSegment(headerPart);
  const payload = jsonSegment(payloadPart);
  if (!header || !payload || !/^[\w-]*$/.test(signaturePart)) {
    return { ok: false, problem: TokenProblem.MALFORMED };
  }
  if (header.alg !== 'HS256') return { ok: false, problem: TokenProblem.ALGORITHM };
  if (payload.apiKeyUid !== key.uid) return { ok: false, problem: TokenProblem.FOREIGN_KEY };
  const expected = hmac(key.key, `${headerPart}.${payloadPart}`);
  const given = Buffer.from(signaturePart, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, problem: TokenProblem.SIGNATURE };
  }
  // Kenner always sets `exp`; a token without one was not minted by it.
  if (typeof payload.exp !== 'number' || !Number.isFinite(payload.exp)) {
    return { ok: false, problem: TokenProblem.MALFORMED };
  }
  if (payload.exp * 1000 <= nowMs) return { ok: false, problem: TokenProblem.EXPIRED };
  return { ok: true, payload };
}

/** Kenner's claim of a verified payload; undefined when the token carries none (or a bad one). */
export function kennerClaim(payload: Record<string, unknown>): KennerClaim | undefined {
  const claim = payload.kenner;
  if (!isObject(claim)) return undefined;
  const key = claim.key;
  const session = claim.session;
  const id = (value: unknown): value is string =>
    typeof value === 'string' && value.length > 0 && value.length <= 64;
  if (!(key === null || id(key))) return undefined;
  if (session === undefined) return { key };
  return id(session) ? { key, session } : undefined;
}
