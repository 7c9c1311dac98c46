import { describe, expect, it } from '@jest/globals';
import type { Response } from 'express';
import { type Caller, type RequestWithCaller, Role } from '../../src/auth/caller.js';
import { loadEnvironment } from '../../src/config/environment.js';
import { CorsMiddleware, type KeyOrigins } from '../../src/edge/cors.middleware.js';

const PARTNER: Caller = {
  role: Role.PARTNER,
  keyId: 'k1',
  clusterIds: [],
  clusterSlugs: [],
  allowedOrigins: ['https://partner.example'],
};

/** Just what the middleware touches of Express's request and response. */
async function send(
  middleware: CorsMiddleware,
  request: { method?: string; origin?: string; caller?: Caller; preflight?: boolean },
) {
  const headers: Record<string, string> = {};
  let status: number | undefined;
  const res = {
    vary: (field: string) => (headers.vary = field),
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
    status: (code: number) => ((status = code), res),
    end: () => res,
  };
  const req = {
    method: request.preflight ? 'OPTIONS' : (request.method ?? 'POST'),
    headers: {
      ...(request.origin ? { origin: request.origin } : {}),
      ...(request.preflight ? { 'access-control-request-method': 'POST' } : {}),
    },
    caller: request.caller,
  } as unknown as RequestWithCaller;
  let passed = false;
  await middleware.use(req, res as unknown as Response, () => (passed = true));
  return { passed, status, headers };
}

describe('CorsMiddleware', () => {
  const env = loadEnvironment({ CORS_ORIGINS: 'https://public.example' });
  const keyOrigins: KeyOrigins = { allows: (origin) => origin === 'https://partner.example' };

  it("grants a keyed caller's own origins, and only those", async () => {
    const cors = new CorsMiddleware(env, keyOrigins);
    const own = await send(cors, { origin: 'https://partner.example', caller: PARTNER });
    expect(own).toMatchObject({ passed: true, headers: { vary: 'Origin' } });
    expect(own.headers['access-control-allow-origin']).toBe('https://partner.example');
    expect(own.headers['access-control-expose-headers']).toContain('retry-after');
    // The anonymous list is not the key's list.
    const other = await send(cors, { origin: 'https://public.example', caller: PARTNER });
    expect(other.passed).toBe(true);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('grants anonymous callers the configured origins only', async () => {
    const cors = new CorsMiddleware(env, keyOrigins);
    const listed = await send(cors, { origin: 'https://public.example' });
    expect(listed.headers['access-control-allow-origin']).toBe('https://public.example');
    const partnerPage = await send(cors, { origin: 'https://partner.example' });
    expect(partnerPage.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers preflights itself, granting the union of configured and key origins', async () => {
    const cors = new CorsMiddleware(env, keyOrigins);
    for (const origin of ['https://public.example', 'https://partner.example']) {
      const preflight = await send(cors, { origin, preflight: true });
      expect(preflight).toMatchObject({ passed: false, status: 204 });
      expect(preflight.headers['access-control-allow-origin']).toBe(origin);
      expect(preflight.headers['access-control-allow-headers']).toContain('authorization');
    }
    const stranger = await send(cors, { origin: 'https://evil.example', preflight: true });
    expect(stranger).toMatchObject({ passed: false, status: 204 });
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('grants any page anonymous answers and preflights while CORS_ORIGINS is unset', async () => {
    const open = new CorsMiddleware(loadEnvironment({}), keyOrigins);
    const page = { origin: 'https://any.example' };
    expect((await send(open, page)).headers['access-control-allow-origin']).toBe(page.origin);
    const preflight = await send(open, { ...page, preflight: true });
    expect(preflight.headers['access-control-allow-origin']).toBe(page.origin);
    // A key's answers stay with the key's own origins.
    const keyed = await send(open, { ...page, caller: PARTNER });
    expect(keyed.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('knows no key origins until the key store provides them', async () => {
    const cors = new CorsMiddleware(env);
    const preflight = await send(cors, { origin: 'https://partner.example', preflight: true });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});
