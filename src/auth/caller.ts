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
  /**
   * The credential was a search token (from createSearchToken), not an API key: read-only, at
   * most PARTNER, and counted, budgeted and granted CORS like an anonymous caller (`usesApiKey`).
   */
  searchToken?: true;
  /**
   * The person signed in with a session token (src/people): their role and clusters follow from
   * their memberships. `sessionId` names the session, so it can be signed out.
   */
  personId?: string;
  sessionId?: string;
  /**
   * A conversation link (`kcg_…`, src/conversations/guest-links.service.ts): someone without an
   * account taking part in that one conversation. Reads everything else as an anonymous caller.
   */
  guest?: {
    id: string;
    conversationId: string;
    /** Which of the guest's links it was: a re-issued link ends sockets opened with the former. */
    tokenHash: string;
  };
}

export const ANONYMOUS: Readonly<Caller> = Object.freeze({
  role: Role.ANONYMOUS,
  keyId: null,
  clusterIds: [],
  clusterSlugs: [],
  allowedOrigins: [],
});

/**
 * What a search token stands for on GraphQL. Tokens live in browsers: whatever its key may do, a
 * token only reads, as a partner of the key's clusters (a staff key's token has none, so it sees
 * what anonymous callers see), and the key's state is read at every request, so revoking the key
 * stops its tokens at once (a person's token: signing out its session). `keyId` stays, so writes open to all (submitInquiry) record the key.
 */
export function searchTokenCaller(key: Caller | null): Caller {
  if (!key) return { ...ANONYMOUS, clusterIds: [], clusterSlugs: [], searchToken: true };
  // A token is no sign-in: it never reads or ends its minter's session (`me`, signOut).
  const reader: Caller = { ...key, role: Role.PARTNER, searchToken: true };
  delete reader.personId;
  delete reader.sessionId;
  return reader;
}

/**
 * A credential the request was refused for; the caller stays anonymous until it is answered.
 * 400: the request carried more than one credential.
 */
export interface CredentialRefusal {
  status: 400 | 401 | 503;
  message: string;
}

/** Set on the Express request by the caller middleware, before GraphQL and rate limits run. */
export type RequestWithCaller = Request & {
  caller?: Caller;
  /**
   * The bearer was refused (an unknown or revoked key, a bad search token): `caller` is anonymous,
   * so the rate limit counts it against the IP, and then the request is answered with this.
   */
  refusal?: CredentialRefusal;
};

export const callerOf = (req: RequestWithCaller | undefined): Caller => req?.caller ?? ANONYMOUS;

export const isStaff = (c: Caller): boolean => c.role === Role.STAFF || c.role === Role.ADMIN;

/**
 * Whether the request carried an API key itself: the key's rate limit, cost budget and CORS
 * origins. A search token minted with a key does not: it is used from visitors' browsers.
 */
export const usesApiKey = (c: Caller): boolean => c.keyId !== null && !c.searchToken;
