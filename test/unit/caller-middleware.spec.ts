import { describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiKeysService } from '../../src/auth/api-keys.service.js';
import { CallerMiddleware, RefusedCredentialMiddleware } from '../../src/auth/caller.middleware.js';
import { type Caller, type RequestWithCaller, Role, usesApiKey } from '../../src/auth/caller.js';
import type { PersonSessions } from '../../src/auth/person-sessions.js';
import type {
  SearchTokenCredentials,
  SearchTokenVerdict,
} from '../../src/auth/search-token-credentials.js';
import type { SearchTokenKey } from '../../src/search/tokens/search-token-key.service.js';
import { SearchTokenVerifier } from '../../src/search/tokens/search-token-verifier.service.js';

const STAFF_KEY: Caller = {
  role: Role.STAFF,
  keyId: '0b8f6c1e-3f0a-4d2b-9c6e-5a7d8e9f0a1b',
  clusterIds: ['c1'],
  clusterSlugs: ['lmmc'],
  allowedOrigins: ['https://staff.example'],
};
const keys = {
  resolve: async (secret: string) => (secret === 'knr_staff' ? STAFF_KEY : null),
  resolveId: async (id: string) => (id === STAFF_KEY.keyId ? STAFF_KEY : null),
} as unknown as ApiKeysService;

/** Runs both middlewares on one request, as the edge does (rate limit between them). */
async function answer(authorization: string | undefined, tokens?: SearchTokenCredentials) {
  const req = { headers: { authorization } } as unknown as RequestWithCaller;
  const sent: { status?: number; headers: Record<string, string>; body?: any } = { headers: {} };
  const res = {
    set: (name: string, value: string) => ((sent.headers[name] = value), res),
    status: (code: number) => ((sent.status = code), res),
    json: (body: unknown) => ((sent.body = body), res),
  } as unknown as Response;
  let passed = false;
  await new CallerMiddleware(keys, tokens).use(req, res, () => undefined);
  new RefusedCredentialMiddleware().use(req, res, () => (passed = true));
  return { caller: req.caller, passed, ...sent };
}

const tokens = (verdict: Awaited<ReturnType<SearchTokenCredentials['verify']>>) => ({
  verify: async (bearer: string) => (bearer.startsWith('eyJ') ? verdict : undefined),
});

describe('CallerMiddleware with search tokens', () => {
  it("caps a staff key's token at PARTNER of the key's clusters, counted as no key", async () => {
    const res = await answer('Bearer eyJ.a.b', tokens({ valid: true, keyId: STAFF_KEY.keyId }));
    expect(res.passed).toBe(true);
    expect(res.caller).toMatchObject({
      role: Role.PARTNER,
      keyId: STAFF_KEY.keyId,
      clusterSlugs: ['lmmc'],
      // Its pages (the key's origins) may read its answers (cors.middleware.ts).
      allowedOrigins: ['https://staff.example'],
      searchToken: true,
    });
    expect(usesApiKey(res.caller as Caller)).toBe(false);
    // The key itself keeps its role and counts as a key.
    const key = await answer('Bearer knr_staff', tokens({ valid: true, keyId: null }));
    expect(key.caller?.role).toBe(Role.STAFF);
    expect(usesApiKey(key.caller as Caller)).toBe(true);
  });

  it('reads an anonymous token as anonymous', async () => {
    const res = await answer('Bearer eyJ.a.b', tokens({ valid: true, keyId: null }));
    expect(res.caller).toMatchObject({ role: Role.ANONYMOUS, keyId: null, searchToken: true });
  });

  it('refuses with 401 a bad token or a revoked key, and with 503 an unreadable signing key', async () => {
    const bad = await answer('Bearer eyJ.a.b', tokens({ valid: false, message: 'expired' }));
    expect(bad).toMatchObject({ passed: false, status: 401, caller: { role: Role.ANONYMOUS } });
    expect(bad.body.errors[0]).toEqual({
      message: 'expired',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const revoked = await answer('Bearer eyJ.a.b', tokens({ valid: true, keyId: 'gone' }));
    expect(revoked.status).toBe(401);
    expect(revoked.body.errors[0].message).toMatch(/key of this search token is unknown/);
    const down = await answer(
      'Bearer eyJ.a.b',
      tokens({ valid: false, unavailable: true, message: 'cannot check' }),
    );
    expect(down).toMatchObject({ status: 503, headers: { 'Retry-After': '5' } });
    expect(down.body.errors[0].extensions.code).toBe('SERVER_BUSY');
  });

  it('treats every bearer as an API key without the search module', async () => {
    const res = await answer('Bearer eyJ.a.b');
    expect(res.status).toBe(401);
    expect(res.body.errors[0].message).toBe('the API key is unknown or revoked');
    expect((await answer(undefined)).passed).toBe(true);
    expect((await answer('Bearer ')).status).toBe(401);
  });
});

describe('CallerMiddleware with sessions', () => {
  const MEMBER: Caller = {
    role: Role.PARTNER,
    keyId: null,
    clusterIds: ['c1'],
    clusterSlugs: ['lmmc'],
    allowedOrigins: [],
    personId: 'p1',
    sessionId: 's1',
  };
  const sessions: PersonSessions = {
    resolve: async (token) => (token === 'kss_live' ? MEMBER : null),
    resolveId: async (id) => (id === 's1' ? MEMBER : null),
  };
  const run = async (authorization: string[], verdict?: SearchTokenVerdict) => {
    const req = {
      headers: { authorization: authorization[0] },
      rawHeaders: authorization.flatMap((value) => ['Authorization', value]),
    } as unknown as RequestWithCaller;
    const tokenCheck = verdict ? tokens(verdict) : undefined;
    await new CallerMiddleware(keys, tokenCheck, sessions).use(
      req,
      {} as Response,
      () => undefined,
    );
    return req;
  };

  it("reads a session as its person, and a session's search token as a reader only", async () => {
    expect((await run(['Bearer kss_live'])).caller).toEqual(MEMBER);
    const token = await run(['Bearer eyJ.a.b'], { valid: true, keyId: null, sessionId: 's1' });
    expect(token.caller).toEqual({
      role: Role.PARTNER,
      keyId: null,
      clusterIds: ['c1'],
      clusterSlugs: ['lmmc'],
      allowedOrigins: [],
      searchToken: true,
    });
  });

  it('refuses an ended session, and the tokens it minted, with 401', async () => {
    const ended = await run(['Bearer kss_gone']);
    expect(ended.refusal).toMatchObject({ status: 401, message: /signed out or expired/ });
    const token = await run(['Bearer eyJ.a.b'], { valid: true, keyId: null, sessionId: 'gone' });
    expect(token.refusal?.status).toBe(401);
    expect(token.caller?.role).toBe(Role.ANONYMOUS);
  });

  it('refuses two credentials with 400, whatever they are', async () => {
    for (const headers of [
      ['Bearer kss_live, Bearer knr_staff'],
      ['Bearer kss_live knr_staff'],
      ['bearer kss_live,knr_staff'],
      ['Bearer kss_live', 'Bearer knr_staff'],
    ]) {
      const req = await run(headers);
      expect([headers, req.refusal?.status]).toEqual([headers, 400]);
      expect(req.caller?.role).toBe(Role.ANONYMOUS);
    }
    // A byte that is no blank for HTTP belongs to one (bad) token: 401, not 400.
    expect((await run(['Bearer kss_a\u00a0b'])).refusal?.status).toBe(401);
  });
});

describe('SearchTokenVerifier', () => {
  it('says "unavailable" rather than failing when the signing key cannot be read', async () => {
    const unreachable = {
      key: () => Promise.reject(new Error('connect ECONNREFUSED')),
    } as unknown as SearchTokenKey;
    Logger.overrideLogger(false); // the warning it logs is expected here
    const verifier = new SearchTokenVerifier(unreachable);
    expect(await verifier.verify('knr_not-a-token')).toBeUndefined();
    expect(await verifier.verify('eyJhbGciOiJIUzI1NiJ9.e30.x')).toMatchObject({
      valid: false,
      unavailable: true,
    });
  });
});
