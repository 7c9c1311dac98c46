import type { Caller } from './caller.js';

/**
 * The seam through which the caller middleware asks the people module about a session token
 * (`kss_…`) or about the session that minted a search token. The edge (edge.module.ts) provides
 * it from SessionsService; without it no bearer is a session.
 */
export const PERSON_SESSIONS = Symbol('PERSON_SESSIONS');

/** Why a session is refused: the caller is told to sign in again, nothing more. */
export const SESSION_REFUSED = 'the session is unknown, signed out or expired: sign in again';

export interface PersonSessions {
  /** The caller a session token stands for; null when unknown, ended or expired. */
  resolve(token: string, userAgent?: string): Promise<Caller | null>;
  /** The same by session id (a search token names the session that minted it). */
  resolveId(sessionId: string): Promise<Caller | null>;
}

/** `kss_` + 43 characters of base64url: told apart from API keys (`knr_`) and search tokens (`eyJ`). */
export const SESSION_TOKEN_PREFIX = 'kss_';

export const looksLikeSession = (bearer: string): boolean =>
  bearer.startsWith(SESSION_TOKEN_PREFIX);
