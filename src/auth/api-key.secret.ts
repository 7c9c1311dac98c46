import { createHash, randomBytes } from 'node:crypto';

/** `knr_` + 43 characters of base64url: 256 random bits, recognisable in logs and secret scanners. */
export const newSecret = (): string => `knr_${randomBytes(32).toString('base64url')}`;

export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex');

export const hintOf = (secret: string): string => secret.slice(0, 8);

/** `Authorization: Bearer <secret>` → the secret; undefined when there is no such header. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? '';
}
