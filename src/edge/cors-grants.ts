import type { Request, Response } from 'express';

/** So a page can read how long to wait after a 429, and how much allowance is left. */
const EXPOSED_HEADERS = 'retry-after, ratelimit-limit, ratelimit-remaining, ratelimit-reset';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/**
 * The CORS headers Kenner writes, for the GraphQL endpoint and the search proxy alike; which
 * origin is granted is each middleware's own rule. No credentials (cookies) are involved, so
 * Allow-Credentials is never sent.
 */
export const isPreflight = (req: Request): boolean =>
  req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;

/** Answers a preflight: the grant when `origin` is allowed, else none (the browser stops). */
export function answerPreflight(
  res: Response,
  origin: string | undefined,
  grant: { methods: string; headers: string } | null,
): void {
  if (origin && grant) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Methods', grant.methods);
    res.setHeader('Access-Control-Allow-Headers', grant.headers);
    res.setHeader('Access-Control-Max-Age', PREFLIGHT_MAX_AGE_SECONDS);
  }
  res.status(204).end();
}

/** Lets the page at `origin` read this answer. */
export function grantRead(res: Response, origin: string): void {
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
}
