import { describe, expect, it } from '@jest/globals';
import type { Response } from 'express';
import { ANONYMOUS, type Caller, type RequestWithCaller, Role } from '../../src/auth/caller.js';
import { loadEnvironment } from '../../src/config/environment.js';
import { RateLimitMiddleware } from '../../src/edge/rate-limit.middleware.js';
import { FixedWindowRateLimiter } from '../../src/edge/rate-limiter.js';

describe('FixedWindowRateLimiter', () => {
  it('allows `limit` hits per window, then refuses until the window ends', () => {
    const limiter = new FixedWindowRateLimiter(60_000);
    const t0 = 1_000_000;
    const hits = [0, 1, 2].map((i) => limiter.hit('a', 3, t0 + i));
    expect(hits.map((h) => [h.allowed, h.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
    ]);
    const refused = limiter.hit('a', 3, t0 + 10_000);
    expect(refused).toMatchObject({ allowed: false, limit: 3, remaining: 0, resetSeconds: 50 });
    expect(limiter.hit('a', 3, t0 + 60_000)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('counts each key on its own', () => {
    const limiter = new FixedWindowRateLimiter(60_000);
    for (let i = 0; i < 5; i++) limiter.hit('noisy', 2, 0);
    expect(limiter.hit('noisy', 2, 1).allowed).toBe(false);
    expect(limiter.hit('quiet', 2, 1)).toMatchObject({ allowed: true, remaining: 1 });
  });

  it('forgets clients whose window has ended', () => {
    const limiter = new FixedWindowRateLimiter(1000);
    for (let i = 0; i < 100; i++) limiter.hit(`ip${i}`, 1, 0);
    expect(limiter.size).toBe(100);
    limiter.hit('late', 1, 5000);
    expect(limiter.size).toBe(1);
  });
});

/** Just what the middleware touches of Express's request and response. */
function fakeExchange(caller: Caller | undefined, ip: string) {
  const headers: Record<string, string> = {};
  let status = 200;
  let body = '';
  const res = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
    status: (code: number) => ((status = code), res),
    type: () => res,
    send: (text: string) => ((body = text), res),
  };
  const req = { caller, ip, socket: {} } as unknown as RequestWithCaller;
  return { req, res: res as unknown as Response, result: () => ({ status, headers, body }) };
}

const partner = (keyId: string): Caller => ({
  role: Role.PARTNER,
  keyId,
  clusterIds: [],
  clusterSlugs: [],
  allowedOrigins: [],
});

describe('RateLimitMiddleware', () => {
  const env = loadEnvironment({ RATE_LIMIT_ANONYMOUS: '2', RATE_LIMIT_KEYED: '3' });

  function send(middleware: RateLimitMiddleware, caller: Caller | undefined, ip = '192.0.2.1') {
    const exchange = fakeExchange(caller, ip);
    let passed = false;
    middleware.use(exchange.req, exchange.res, () => (passed = true));
    return { passed, ...exchange.result() };
  }

  it('limits each API key on its own, whatever address it comes from', () => {
    const middleware = new RateLimitMiddleware(env);
    const noisy = [1, 2, 3, 4].map((i) => send(middleware, partner('k1'), `198.51.100.${i}`));
    expect(noisy.map((r) => r.passed)).toEqual([true, true, true, false]);
    expect(noisy[3]).toMatchObject({ status: 429, headers: { 'ratelimit-limit': '3' } });
    expect(noisy[3]?.headers['retry-after']).toMatch(/^\d+$/);
    expect(JSON.parse(noisy[3]?.body ?? '{}').errors[0].extensions.code).toBe('RATE_LIMITED');
    // Another key, and an anonymous client at the same address, are unaffected.
    expect(send(middleware, partner('k2'), '198.51.100.1')).toMatchObject({
      passed: true,
      headers: { 'ratelimit-remaining': '2' },
    });
    expect(send(middleware, undefined, '198.51.100.1').passed).toBe(true);
  });

  it('limits anonymous callers per IP with the anonymous limit', () => {
    const middleware = new RateLimitMiddleware(env);
    const results = [1, 2, 3].map(() => send(middleware, ANONYMOUS, '203.0.113.9'));
    expect(results.map((r) => r.passed)).toEqual([true, true, false]);
    expect(send(middleware, ANONYMOUS, '203.0.113.10').passed).toBe(true);
  });

  it('counts nothing when the limit is 0', () => {
    const middleware = new RateLimitMiddleware(loadEnvironment({ RATE_LIMIT_ANONYMOUS: '0' }));
    const results = [1, 2, 3, 4, 5].map(() => send(middleware, undefined));
    expect(results.every((r) => r.passed && !r.headers['ratelimit-limit'])).toBe(true);
  });
});
