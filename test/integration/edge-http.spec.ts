import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ApiKeysService } from '../../src/auth/api-keys.service.js';
import { Role } from '../../src/auth/caller.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PARTNER = 'https://partner.example';

/**
 * Rate limits and CORS on the real app. Every request here comes from 127.0.0.1, so distinct
 * clients are told apart through X-Forwarded-For, which the app believes only because this test
 * deliberately trusts one proxy hop (TRUST_PROXY_HOPS=1). Per-key limits: test/unit/rate-limit.
 */
describe('rate limits and CORS at the edge', () => {
  let t: TestApp;
  let server: Parameters<typeof request>[0];
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        RATE_LIMIT_ANONYMOUS: '3',
        RATE_LIMIT_WINDOW_SECONDS: '60',
        TRUST_PROXY_HOPS: '1',
        CORS_ORIGINS: PARTNER,
      },
    });
    server = t.app.getHttpServer();
  });
  afterAll(() => t.close());

  const ask = (ip: string, origin?: string) => {
    const req = request(server)
      .post('/graphql')
      .set('x-forwarded-for', ip)
      .send({ query: '{ __typename }' });
    return origin ? req.set('origin', origin) : req;
  };

  it('answers the (N+1)th request of a window with 429 and Retry-After; other clients go on', async () => {
    const allowed = [];
    for (let i = 0; i < 3; i++) allowed.push(await ask('203.0.113.1'));
    expect(allowed.map((r) => [r.status, r.headers['ratelimit-remaining']])).toEqual([
      [200, '2'],
      [200, '1'],
      [200, '0'],
    ]);
    expect(allowed[0]?.headers['ratelimit-limit']).toBe('3');

    const refused = await ask('203.0.113.1', PARTNER);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.headers['ratelimit-reset']).toBe(refused.headers['retry-after']);
    expect(refused.headers['ratelimit-remaining']).toBe('0');
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    // A partner page can read the refusal and how long to wait.
    expect(refused.headers['access-control-allow-origin']).toBe(PARTNER);
    expect(refused.headers['access-control-expose-headers']).toContain('retry-after');

    const neighbour = await ask('203.0.113.2');
    expect([neighbour.status, neighbour.headers['ratelimit-remaining']]).toEqual([200, '2']);
  });

  it('counts requests with unknown keys against their IP: 401 within the budget, then 429', async () => {
    const guess = (ip: string, i: number) =>
      request(server)
        .post('/graphql')
        .set('x-forwarded-for', ip)
        .set('authorization', `Bearer knr_guess${i}${'x'.repeat(40)}`)
        .send({ query: '{ __typename }' });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await guess('203.0.113.6', i));
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 429, 429]);
    expect(answers[0]?.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(answers[0]?.headers['ratelimit-remaining']).toBe('2');
    expect(answers[3]?.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(answers[3]?.headers['retry-after'])).toBeGreaterThan(0);
    // It is the anonymous allowance they spent: the same IP without a key is refused too.
    expect((await ask('203.0.113.6')).status).toBe(429);
    // An empty or malformed Authorization header counts the same way.
    const malformed = () =>
      request(server)
        .post('/graphql')
        .set('x-forwarded-for', '203.0.113.7')
        .set('authorization', 'Bearer ')
        .send({ query: '{ __typename }' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await malformed()).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('never limits /health', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await request(server).get('/health').set('x-forwarded-for', '203.0.113.3');
      expect(res.status).toBe(200);
      expect(res.headers['ratelimit-limit']).toBeUndefined();
    }
    expect((await ask('203.0.113.3')).status).toBe(200);
  });

  it('lets configured origins read anonymous answers, and no one else', async () => {
    const partner = await ask('203.0.113.4', PARTNER);
    expect(partner.headers['access-control-allow-origin']).toBe(PARTNER);
    expect(partner.headers.vary).toContain('Origin');
    const stranger = await ask('203.0.113.4', 'https://evil.example');
    expect(stranger.status).toBe(200);
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers preflights itself, without counting them', async () => {
    const preflight = (origin: string) =>
      request(server)
        .options('/graphql')
        .set('x-forwarded-for', '203.0.113.5')
        .set('origin', origin)
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'content-type, authorization');
    for (let i = 0; i < 5; i++) {
      const granted = await preflight(PARTNER);
      expect(granted.status).toBe(204);
      expect(granted.headers['access-control-allow-origin']).toBe(PARTNER);
      expect(granted.headers['access-control-allow-methods']).toBe('GET, POST');
      expect(granted.headers['access-control-allow-headers']).toContain('authorization');
    }
    const refused = await preflight('https://evil.example');
    expect(refused.status).toBe(204);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    expect((await ask('203.0.113.5')).headers['ratelimit-remaining']).toBe('2');
  });

  describe('with API keys', () => {
    let k: TestApp;
    let noisy: string;
    let quiet: string;
    beforeAll(async () => {
      k = await startTestApp({ env: { RATE_LIMIT_KEYED: '3', RATE_LIMIT_WINDOW_SECONDS: '60' } });
      const keys = k.app.get(ApiKeysService);
      noisy = (await keys.create({ name: 'noisy', role: Role.STAFF, allowedOrigins: [PARTNER] }))
        .secret;
      quiet = (await keys.create({ name: 'quiet', role: Role.STAFF })).secret;
    });
    afterAll(() => k.close());

    const askAs = (secret: string, origin?: string) => {
      const req = request(k.app.getHttpServer())
        .post('/graphql')
        .set('authorization', `Bearer ${secret}`)
        .send({ query: '{ viewer { role } }' });
      return origin ? req.set('origin', origin) : req;
    };

    it('limits each key on its own: a noisy key gets 429, another key goes on', async () => {
      for (let i = 0; i < 3; i++) expect((await askAs(noisy)).status).toBe(200);
      const refused = await askAs(noisy);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      const other = await askAs(quiet);
      expect([other.status, other.headers['ratelimit-remaining']]).toEqual([200, '2']);
    });

    it("lets a key's own origins read its answers, and grants preflights to them", async () => {
      const fresh = (
        await k.app.get(ApiKeysService).create({
          name: 'site',
          role: Role.STAFF,
          allowedOrigins: ['https://site.example'],
        })
      ).secret;
      const allowed = await askAs(fresh, 'https://site.example');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://site.example');
      const other = await askAs(fresh, 'https://elsewhere.example');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await request(k.app.getHttpServer())
        .options('/graphql')
        .set('origin', 'https://site.example')
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'authorization, content-type');
      expect(preflight.headers['access-control-allow-origin']).toBe('https://site.example');
    });
  });
});
