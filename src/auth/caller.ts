import type { Request } from 'express';

export enum Role {
  ANONYMOUS = 'ANONYMOUS',
  PARTNER = 'PARTNER',
  STAFF = 'STAFF',
  ADMIN = 'ADMIN',
}

/**
 * Who is asking, derived from the request's credentials once per request and never from anything
 * else in the request. Everything that decides what may be seen or done reads this.
 */
export interface Caller {
  role: Role;
  /** The API key's id; null for anonymous callers. */
  keyId: string | null;
  /** Storage ids of the clusters a PARTNER key is bound to. */
  clusterIds: string[];
  /** The same clusters by slug, as search documents hold them. */
  clusterSlugs: string[];
  /** Origins a partner's browser pages may call from (CORS). */
  allowedOrigins: string[];
}

export const ANONYMOUS: Readonly<Caller> = Object.freeze({
  role: Role.ANONYMOUS,
  keyId: null,
  clusterIds: [],
  clusterSlugs: [],
  allowedOrigins: [],
});

/** Set on the Express request by the caller middleware, before GraphQL and rate limits run. */
export type RequestWithCaller = Request & {
  caller?: Caller;
  /** A key was sent but is unknown or revoked: `caller` is anonymous, and the request is refused. */
  unknownKey?: boolean;
};

export const callerOf = (req: RequestWithCaller | undefined): Caller => req?.caller ?? ANONYMOUS;

export const isStaff = (c: Caller): boolean => c.role === Role.STAFF || c.role === Role.ADMIN;
