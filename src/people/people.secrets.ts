import { randomBytes } from 'node:crypto';
import { SESSION_TOKEN_PREFIX } from '../auth/person-sessions.js';

export { hashSecret } from '../auth/api-key.secret.js';

/**
 * 256 random bits each, base64url. Stored only as SHA-256 (`hashSecret`) and found by that hash
 * through a unique index: the lookup compares hashes, never the secret, so its timing says
 * nothing about how much of a guessed secret was right (that is the constant-time comparison;
 * a plain hash suffices because the secrets are random, not chosen).
 */
export const newSessionToken = (): string =>
  `${SESSION_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

/** The token of a sign-in link. `ksi_` tells it apart, and it works as no bearer. */
export const newSignInToken = (): string => `ksi_${randomBytes(32).toString('base64url')}`;

/** The longest token either could be; anything longer is refused before it is hashed. */
export const MAX_TOKEN_LENGTH = 100;
