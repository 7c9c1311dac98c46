import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { postgresUrl } from '../support/test-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  CLOSED_REDIS_URL,
  redisUnreachable,
  redisUrl,
  uniqueRedisPrefix,
} from '../support/test-redis.js';

/**
 * Two API processes (two app instances on one database) with a shared rate-limit store grant one
 * allowance between them, for every limit: the edge's requests, anonymous search tokens and
 * inquiries. Clients are told apart through X-Forwarded-For (one trusted proxy hop), so each test
 * is a client of its own. PostgreSQL: under `npm run test:postgres`; Redis: whenever it answers.
 */
const noRedis = await redisUnreachable(redisUrl());
if (noRedis) console.warn(`Skipping the shared rate-limit tests on Redis: ${noRedis}`);
const onPostgres = postgresUrl() !== undefined;

const LIMITS = {
  TRUST_PROXY_HOPS: '1',
  RATE_LIMIT_ANONYMOUS: '5',
  RATE_LIMIT_WINDOW_SECONDS: '60',
  SEARCH_TOKEN_LIMIT: '2',
  INQUIRY_LIMIT_ADDRESS: '2',
  INQUIRY_WINDOW_SECONDS: '3600',
};
const TYPENAME = '{ __typename }';
const MINT = 'mutation { createSearchToken(indexes: [EXPERTS]) { token } }';
const SUBMIT = `mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { reference } }`;
const inquiry = (email: string) => ({
  requesterName: 'Rita Requester',
  organisation: 'Acme Steel',
  email,
  country: 'LU',
  description: 'We need an X-ray diffraction analysis of hardened steel.',
  consentToContact: true,
});

const post = (t: TestApp, ip: string, query: string, variables?: Record<string, unknown>) =>
  request(t.app.getHttpServer())
    .post('/graphql')
    .set('x-forwarded-for', ip)
    .send({ query, variables });

/** The same client's requests, one after another, spread over the apps as `on` says. */
async function statuses(apps: TestApp[], on: number[], ip: string, query = TYPENAME) {
  const out: number[] = [];
  for (const i of on) out.push((await post(apps[i] as TestApp, ip, query)).status);
  return out;
}

function sharedAllowance(name: string, run: boolean, env: () => Record<string, string>) {
  (run ? describe : describe.skip)(`rate limits shared by two processes (${name})`, () => {
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      const shared = env();
      a = await startTestApp({ env: { ...LIMITS, ...shared } });
      b = await startTestApp({ database: a.database, env: { ...LIMITS, ...shared } });
    });
    afterAll(async () => {
      await b?.close();
      await a?.close();
    });

    it('grants one allowance between them: 3 on A and 3 on B, the 6th is 429', async () => {
      const got = await statuses([a, b], [0, 0, 0, 1, 1, 1], '198.51.100.1');
      expect(got).toEqual([200, 200, 200, 200, 200, 429]);
      // Both processes refuse the client now; another client is unaffected.
      expect((await post(a, '198.51.100.1', TYPENAME)).status).toBe(429);
      expect((await post(b, '198.51.100.2', TYPENAME)).headers['ratelimit-remaining']).toBe('4');
    });

    it('counts anonymous search tokens once between them', async () => {
      const mint = async (t: TestApp) => (await post(t, '198.51.100.3', MINT)).body;
      expect((await mint(a)).errors).toBeUndefined();
      expect((await mint(b)).errors).toBeUndefined();
      const refused = await mint(a);
      expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    });

    it('counts inquiries per address once between them', async () => {
      const submit = async (t: TestApp, ip: string) =>
        (await post(t, ip, SUBMIT, { input: inquiry('shared@target.example') })).body;
      expect((await submit(a, '198.51.100.4')).errors).toBeUndefined();
      expect((await submit(b, '198.51.100.5')).errors).toBeUndefined();
      const refused = await submit(b, '198.51.100.6');
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'RATE_LIMITED',
        field: 'email',
      });
    });
  });
}

sharedAllowance('PostgreSQL', onPostgres, () => ({ RATE_LIMIT_STORE: 'postgres' }));
sharedAllowance('Redis', !noRedis, () => ({
  REDIS_URL: redisUrl(),
  REDIS_KEY_PREFIX: uniqueRedisPrefix(),
}));

describe('rate limits while Redis is down', () => {
  const down = (failure: 'open' | 'closed') => ({
    ...LIMITS,
    REDIS_URL: CLOSED_REDIS_URL,
    REDIS_KEY_PREFIX: uniqueRedisPrefix(),
    RATE_LIMIT_STORE_FAILURE: failure,
  });

  it('fail closed: 503 RATE_LIMIT_UNAVAILABLE with Retry-After, and nothing runs', async () => {
    const t = await startTestApp({ env: down('closed') });
    try {
      const res = await post(t, '198.51.100.7', TYPENAME);
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body.errors[0].extensions.code).toBe('RATE_LIMIT_UNAVAILABLE');
      expect(res.body.data).toBeUndefined();
      // Health checks are not counted, so a balancer keeps the process in rotation.
      expect((await request(t.app.getHttpServer()).get('/health')).status).not.toBe(503);
    } finally {
      await t.close();
    }
  });

  it('fail open: answers, counting in this process alone', async () => {
    const t = await startTestApp({ env: down('open') });
    try {
      const got = await statuses([t], [0, 0, 0, 0, 0, 0], '198.51.100.8');
      expect(got).toEqual([200, 200, 200, 200, 200, 429]);
    } finally {
      await t.close();
    }
  });
});
