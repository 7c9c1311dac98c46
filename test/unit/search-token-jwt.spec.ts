import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  checkSearchToken,
  kennerClaim,
  looksLikeJwt,
  signSearchToken,
  TokenProblem,
} from '../../src/search/tokens/search-token.jwt.js';

const KEY = { uid: '0b8f6c1e-3f0a-4d2b-9c6e-5a7d8e9f0a1b', key: 'a'.repeat(64) };
const NOW = 1_800_000_000_000;
const claims = (over: Record<string, unknown> = {}) => ({
  searchRules: { experts: { filter: 'visibility = PUBLIC' } },
  apiKeyUid: KEY.uid,
  exp: NOW / 1000 + 600,
  kenner: { key: null },
  ...over,
});
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token signed with `secret` over any header and payload, as an attacker would build one. */
const craft = (header: unknown, payload: unknown, secret = KEY.key) => {
  const signed = `${b64(header)}.${b64(payload)}`;
  return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
};
const problem = (token: string) => {
  const check = checkSearchToken(token, KEY, NOW);
  return check.ok ? 'ok' : check.problem;
};

describe('search tokens (JWT HS256)', () => {
  it('signs a token it then accepts, with the claims it was given', () => {
    const token = signSearchToken(KEY, claims({ kenner: { key: 'k1' } }));
    expect(looksLikeJwt(token)).toBe(true);
    const check = checkSearchToken(token, KEY, NOW);
    expect(check.ok).toBe(true);
    if (check.ok) {
      expect(check.payload).toMatchObject({ apiKeyUid: KEY.uid, kenner: { key: 'k1' } });
      expect(kennerClaim(check.payload)).toEqual({ key: 'k1' });
    }
    // The same bytes as a hand-made token: standard JWT, so Meilisearch reads it too.
    expect(token).toBe(craft({ alg: 'HS256', typ: 'JWT' }, claims({ kenner: { key: 'k1' } })));
  });

  it('refuses other algorithms, `none` included, before looking at the signature', () => {
    for (const alg of ['none', 'HS384', 'HS512', 'RS256', 'hs256', undefined]) {
      const [h, p] = craft({ alg, typ: 'JWT' }, claims()).split('.');
      expect([alg, problem(`${h}.${p}.`)]).toEqual([alg, TokenProblem.ALGORITHM]);
      expect([alg, problem(craft({ alg, typ: 'JWT' }, claims()))]).toEqual([
        alg,
        TokenProblem.ALGORITHM,
      ]);
    }
  });

  it('refuses another key, a forged or truncated signature, and a tampered payload', () => {
    const header = { alg: 'HS256', typ: 'JWT' };
    expect(problem(craft(header, claims({ apiKeyUid: 'other' })))).toBe(TokenProblem.FOREIGN_KEY);
    expect(problem(craft(header, claims(), 'b'.repeat(64)))).toBe(TokenProblem.SIGNATURE);
    const token = signSearchToken(KEY, claims());
    const [h, p, s] = token.split('.') as [string, string, string];
    expect(problem(`${h}.${p}.${s.slice(0, -2)}`)).toBe(TokenProblem.SIGNATURE);
    expect(problem(`${h}.${p}.`)).toBe(TokenProblem.SIGNATURE);
    const widened = b64({ ...claims(), searchRules: ['*'] });
    expect(problem(`${h}.${widened}.${s}`)).toBe(TokenProblem.SIGNATURE);
  });

  it('refuses an expired token, and one without `exp`, only once the signature holds', () => {
    const header = { alg: 'HS256', typ: 'JWT' };
    expect(problem(craft(header, claims({ exp: NOW / 1000 })))).toBe(TokenProblem.EXPIRED);
    expect(problem(craft(header, claims({ exp: undefined })))).toBe(TokenProblem.MALFORMED);
    expect(problem(craft(header, claims({ exp: '9999999999' })))).toBe(TokenProblem.MALFORMED);
    expect(problem(craft(header, claims({ exp: NOW / 1000 }), 'x'))).toBe(TokenProblem.SIGNATURE);
  });

  it('calls garbage malformed: wrong shape, bad base64url, invalid UTF-8, JSON that is no object', () => {
    const invalidUtf8 = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]).toString('base64url');
    for (const token of [
      '',
      'a.b',
      'a.b.c.d',
      'eyJ.eyJ.x',
      `${b64('HS256')}.${b64(claims())}.x`,
      `${b64([1])}.${b64(claims())}.x`,
      `${invalidUtf8}.${b64(claims())}.x`,
      `${b64({ alg: 'HS256' })}.${invalidUtf8}.x`,
      `${b64({ alg: 'HS256' })}.${b64(claims())}.a+b/c=`,
      `${b64({ alg: 'HS256' })}.%%%.x`,
    ]) {
      expect([token, problem(token)]).toEqual([token, TokenProblem.MALFORMED]);
    }
  });

  it('tells tokens from API keys by shape', () => {
    expect(looksLikeJwt(`knr_${'A'.repeat(43)}`)).toBe(false);
    expect(looksLikeJwt('not-a-jwt')).toBe(false);
    expect(looksLikeJwt('eyJhbGciOiJIUzI1NiJ9.eyJ9.sig')).toBe(true);
    expect(looksLikeJwt('eyJ.ä.x')).toBe(false);
  });

  it("reads Kenner's claim only when it is well formed", () => {
    expect(kennerClaim({ kenner: { key: null } })).toEqual({ key: null });
    for (const payload of [{}, { kenner: null }, { kenner: { key: 3 } }, { kenner: { key: '' } }]) {
      expect(kennerClaim(payload)).toBeUndefined();
    }
  });
});
