import { describe, expect, it, jest } from '@jest/globals';
import type { Response } from 'express';
import { ANONYMOUS, type Caller, type RequestWithCaller, Role } from '../../src/auth/caller.js';
import { loadEnvironment } from '../../src/config/environment.js';
import { RateLimitMiddleware } from '../../src/edge/rate-limit.middleware.js';
import { MemoryRateLimitStore } from '../../src/rate-limits/memory-rate-limit.store.js';
import { RateLimitStore, type WindowCount } from '../../src/rate-limits/rate-limit-store.js';
import { RateLimits, STORE_TIMEOUT_MS } from '../../src/rate-limits/rate-limits.service.js';

describe('MemoryRateLimitStore', () => {
  function clocked(start = 1_000_000) {
    let now = start;
    return { store: new MemoryRateLimitStore(() => now), at: (t: number) => (now = start + t) };
  }

  it('counts hits in a window that starts at the first one, then starts again', async () => {
    const { store, at } = clocked();
    const counts = [];
    for (const t of [0, 1, 2]) {
      at(t);
      counts.push(await store.hit('a', 60_000, 1));
    }
    expect(counts.map((c) => c.count)).toEqual([1, 2, 3]);
    expect(new Set(counts.map((c) => c.resetAt))).toEqual(new Set([1_060_000]));
    at(59_999);
    expect(await store.hit('a', 60_000, 1)).toEqual({ count: 4, resetAt: 1_060_000 });
    at(60_000);
    expect(await store.hit('a', 60_000, 1)).toEqual({ count: 1, resetAt: 1_120_000 });
  });

  it('adds the cost of each hit', async () => {
    const { store } = clocked();
    await store.hit('a', 1000, 3);
    expect((await store.hit('a', 1000, 2)).count).toBe(5);
  });

  it('counts each key on its own', async () => {
    const { store } = clocked();
    for (let i = 0; i < 5; i++) await store.hit('noisy', 1000, 1);
    expect((await store.hit('quiet', 1000, 1)).count).toBe(1);
  });

  it('forgets keys whose window has ended', async () => {
    const { store, at } = clocked();
    for (let i = 0; i < 100; i++) await store.hit(`ip${i}`, 1000, 1);
    expect(store.size).toBe(100);
    at(61_000);
    await store.hit('late', 1000, 1);
    expect(store.size).toBe(1);
  });
});

/** A shared store that cannot be reached (or answers too late). */
class FailingStore extends RateLimitStore {
  readonly kind = 'redis';
  calls = 0;
  constructor(private readonly how: 'refuse' | 'hang' = 'refuse') {
    super();
  }
  hit(): Promise<WindowCount> {
    this.calls += 1;
    return this.how === 'refuse'
      ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379'))
      : new Promise<WindowCount>(() => undefined);
  }
}

describe('RateLimits', () => {
  const env = (failure: 'open' | 'closed') =>
    loadEnvironment({ RATE_LIMIT_STORE_FAILURE: failure });

  it("decides from the store's count: allowed up to the limit, remaining, seconds to reset", async () => {
    const limits = new RateLimits(new MemoryRateLimitStore(), env('open'));
    const decisions = [];
    for (let i = 0; i < 3; i++) decisions.push(await limits.hit('k', 2, 10_000));
    expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(decisions[2]).toMatchObject({ limit: 2, resetSeconds: 10 });
    expect((await limits.hit('k2', 10, 10_000, 7)).remaining).toBe(3);
  });

  it('refuses a key already refused without asking the store again, until its window ends', async () => {
    let now = 1_000_000;
    const inner = new MemoryRateLimitStore(() => now);
    let asked = 0;
    const counting = new (class extends RateLimitStore {
      readonly kind = 'postgres';
      hit(key: string, windowMs: number, cost: number) {
        asked += 1;
        return inner.hit(key, windowMs, cost);
      }
    })();
    const limits = new RateLimits(counting, env('open'));
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      const allowed = [];
      for (let i = 0; i < 10; i++) allowed.push((await limits.hit('k', 2, 5_000)).allowed);
      expect(allowed).toEqual([true, true, false, false, false, false, false, false, false, false]);
      expect(asked).toBe(3);
      expect(await limits.hit('k', 2, 5_000)).toMatchObject({ remaining: 0, resetSeconds: 5 });
      now += 5_000;
      expect((await limits.hit('k', 2, 5_000)).allowed).toBe(true);
      expect(asked).toBe(4);
    } finally {
      clock.mockRestore();
    }
  });

  it('fails open: counts in this process while the store is down, and warns once', async () => {
    const store = new FailingStore();
    const limits = new RateLimits(store, env('open'));
    const warn = jest.spyOn(
      (limits as unknown as { logger: { warn: (m: string) => void } }).logger,
      'warn',
    );
    warn.mockImplementation(() => undefined);
    const allowed = [];
    for (let i = 0; i < 4; i++) allowed.push((await limits.hit('k', 3, 60_000)).allowed);
    // The local count still holds the limit for this process.
    expect(allowed).toEqual([true, true, true, false]);
    expect(store.calls).toBe(4);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/redis rate-limit store failed.*open.*ECONNREFUSED/);
  });

  it('fails closed: RATE_LIMIT_UNAVAILABLE with a time to retry', async () => {
    const limits = new RateLimits(new FailingStore(), env('closed'));
    jest
      .spyOn((limits as unknown as { logger: { warn: () => void } }).logger, 'warn')
      .mockImplementation(() => undefined);
    await expect(limits.hit('k', 3, 60_000)).rejects.toMatchObject({
      code: 'RATE_LIMIT_UNAVAILABLE',
      details: { retryAfterSeconds: 5 },
    });
  });

  it('takes a store that does not answer in time for one that is down', async () => {
    const limits = new RateLimits(new FailingStore('hang'), env('closed'));
    jest
      .spyOn((limits as unknown as { logger: { warn: () => void } }).logger, 'warn')
      .mockImplementation(() => undefined);
    const started = Date.now();
    await expect(limits.hit('k', 3, 60_000)).rejects.toMatchObject({
      code: 'RATE_LIMIT_UNAVAILABLE',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(STORE_TIMEOUT_MS - 50);
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

  const middlewareOf = (e = env, store: RateLimitStore = new MemoryRateLimitStore()) =>
    new RateLimitMiddleware(e, new RateLimits(store, e));

  async function send(
    middleware: RateLimitMiddleware,
    caller: Caller | undefined,
    ip = '192.0.2.1',
  ) {
    const exchange = fakeExchange(caller, ip);
    let passed = false;
    await middleware.use(exchange.req, exchange.res, () => (passed = true));
    return { passed, ...exchange.result() };
  }

  async function sendEach(
    middleware: RateLimitMiddleware,
    callers: [Caller | undefined, string][],
  ) {
    const results = [];
    for (const [caller, ip] of callers) results.push(await send(middleware, caller, ip));
    return results;
  }

  it('limits each API key on its own, whatever address it comes from', async () => {
    const middleware = middlewareOf();
    const noisy = await sendEach(
      middleware,
      [1, 2, 3, 4].map((i) => [partner('k1'), `198.51.100.${i}`]),
    );
    expect(noisy.map((r) => r.passed)).toEqual([true, true, true, false]);
    expect(noisy[3]).toMatchObject({ status: 429, headers: { 'ratelimit-limit': '3' } });
    expect(noisy[3]?.headers['retry-after']).toMatch(/^\d+$/);
    expect(JSON.parse(noisy[3]?.body ?? '{}').errors[0].extensions.code).toBe('RATE_LIMITED');
    // Another key, and an anonymous client at the same address, are unaffected.
    expect(await send(middleware, partner('k2'), '198.51.100.1')).toMatchObject({
      passed: true,
      headers: { 'ratelimit-remaining': '2' },
    });
    expect((await send(middleware, undefined, '198.51.100.1')).passed).toBe(true);
  });

  it('limits anonymous callers per IP with the anonymous limit', async () => {
    const middleware = middlewareOf();
    const results = await sendEach(
      middleware,
      [1, 2, 3].map(() => [ANONYMOUS, '203.0.113.9']),
    );
    expect(results.map((r) => r.passed)).toEqual([true, true, false]);
    expect((await send(middleware, ANONYMOUS, '203.0.113.10')).passed).toBe(true);
  });

  it('counts nothing when the limit is 0', async () => {
    const middleware = middlewareOf(loadEnvironment({ RATE_LIMIT_ANONYMOUS: '0' }));
    const results = await sendEach(
      middleware,
      [1, 2, 3, 4, 5].map(() => [undefined, '192.0.2.1']),
    );
    expect(results.every((r) => r.passed && !r.headers['ratelimit-limit'])).toBe(true);
  });

  it('answers 503 RATE_LIMIT_UNAVAILABLE when the store is down and failure is closed', async () => {
    const closed = loadEnvironment({
      RATE_LIMIT_ANONYMOUS: '2',
      RATE_LIMIT_STORE_FAILURE: 'closed',
    });
    const limits = new RateLimits(new FailingStore(), closed);
    jest
      .spyOn((limits as unknown as { logger: { warn: () => void } }).logger, 'warn')
      .mockImplementation(() => undefined);
    const result = await send(new RateLimitMiddleware(closed, limits), ANONYMOUS);
    expect(result).toMatchObject({ passed: false, status: 503, headers: { 'retry-after': '5' } });
    expect(JSON.parse(result.body).errors[0].extensions).toEqual({
      code: 'RATE_LIMIT_UNAVAILABLE',
      retryAfterSeconds: 5,
    });
  });
});
