import { callerOf, type RequestWithCaller, usesApiKey } from '../auth/caller.js';

/**
 * Whom a limit counts: the caller's API key, or for callers without a valid one the client IP
 * (the socket's peer unless TRUST_PROXY_HOPS says which proxies to believe). A request with an
 * unknown key is anonymous here, so made-up keys spend their IP's anonymous allowance. A search
 * token counts per IP too: its key's visitors each search from their own browser.
 */
export function rateLimitClient(req: RequestWithCaller): { key: string; keyed: boolean } {
  const caller = callerOf(req);
  return caller.keyId && usesApiKey(caller)
    ? { key: `key:${caller.keyId}`, keyed: true }
    : { key: `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`, keyed: false };
}
