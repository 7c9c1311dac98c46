import { createHmac } from 'node:crypto';
import { createConnection } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ApiKeysService } from '../../src/auth/api-keys.service.js';
import { Role } from '../../src/auth/caller.js';
import { SearchTokenKey } from '../../src/search/tokens/search-token-key.service.js';
import { signSearchToken } from '../../src/search/tokens/search-token.jwt.js';
import { createBasics, must } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MINT = `mutation($s: Int) { createSearchToken(indexes: [EXPERTS], expiresInSeconds: $s) { host token indexes expiresAt } }`;
const SEARCH = `{ searchExperts(input: { query: "Tok", hitsPerPage: 100, facets: [LANGUAGE] }) {
  hits { expert { name } } facets { facet values { value count } } } }`;
const VIEWER = `{ viewer { role clusters } }`;
const LISTED = 'https://listed.example';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: {
    data?: Record<string, any> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

const names = (hits: { expert?: { name: string }; name?: string }[] | undefined): string[] =>
  (hits ?? []).map((h) => h.expert?.name ?? h.name ?? '').sort();

/**
 * A search token from createSearchToken as the bearer of GraphQL requests (the widget's only
 * credential): what each kind of token may read, what is refused and how, and the limits around
 * minting. Each request comes from its own address (X-Forwarded-For, believed because this app
 * trusts one proxy hop) unless a test counts requests of one address.
 */
describe('search tokens on GraphQL', () => {
  let t: TestApp;
  let server: Parameters<typeof request>[0];
  let refs: Awaited<ReturnType<typeof createBasics>>;
  const secrets: Record<'partnerA' | 'partnerB', string> = { partnerA: '', partnerB: '' };
  let lastIp = 0;
  const nextIp = () => `198.51.100.${(lastIp = (lastIp % 250) + 1)}`;

  const send = async (
    query: string,
    variables: Record<string, unknown> = {},
    bearer?: string,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const req = request(server)
      .post('/graphql')
      .set('x-forwarded-for', headers['x-forwarded-for'] ?? nextIp());
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    if (bearer !== undefined) req.set('authorization', `Bearer ${bearer}`);
    const res = await req.send({ query, variables });
    return { status: res.status, headers: res.headers, body: res.body };
  };
  const mint = async (bearer?: string, seconds?: number): Promise<string> => {
    const res = await send(MINT, { s: seconds ?? null }, bearer);
    expect(res.body.errors).toBeUndefined();
    return res.body.data?.createSearchToken.token as string;
  };
  const seen = async (bearer?: string) => {
    const res = await send(SEARCH, {}, bearer);
    expect(res.body.errors).toBeUndefined();
    return names(res.body.data?.searchExperts.hits);
  };
  /** A token signed with the deployment's real signing key, claims as the test likes. */
  const forge = async (claims: Record<string, unknown>) => {
    const key = await t.app.get(SearchTokenKey).key();
    return signSearchToken(key, {
      searchRules: ['*'],
      apiKeyUid: key.uid,
      exp: Math.floor(Date.now() / 1000) + 600,
      kenner: { key: null },
      ...claims,
    });
  };
  const refused = (res: Answer, message: RegExp) => {
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.body.errors?.[0]?.message).toMatch(message);
  };

  beforeAll(async () => {
    t = await startTestApp({
      listen: true, // for raw requests
      env: {
        TRUST_PROXY_HOPS: '1',
        RATE_LIMIT_ANONYMOUS: '5',
        SEARCH_TOKEN_LIMIT: '3',
        CORS_ORIGINS: LISTED,
      },
    });
    server = t.app.getHttpServer();
    refs = await createBasics(t);
    const other = await must(
      t,
      `mutation { createCluster(input: { name: "Other cluster", slug: "other-cluster" }) { id } }`,
      'createCluster',
    );
    const otherOrg = await must(
      t,
      `mutation($c: ID!) { createOrganisation(input: { name: "Other Lab", type: TESTING_LAB, country: "be", clusterIds: [$c] }) { id } }`,
      'createOrganisation',
      { c: other.id },
    );
    const keys = t.app.get(ApiKeysService);
    secrets.partnerA = (
      await keys.create({
        name: 'A',
        role: Role.PARTNER,
        clusters: ['test-cluster'],
        allowedOrigins: ['https://partner-a.example'],
      })
    ).secret;
    secrets.partnerB = (
      await keys.create({ name: 'B', role: Role.PARTNER, clusters: ['other-cluster'] })
    ).secret;
    for (const [name, visibility, org] of [
      ['Tok Public', 'PUBLIC', refs.org.id],
      ['Tok Members', 'MEMBERS', refs.org.id],
      ['Tok Staff', 'STAFF', refs.org.id],
      ['Tok Other Members', 'MEMBERS', otherOrg.id],
    ] as const) {
      await must(
        t,
        `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`,
        'createExpert',
        {
          input: {
            name,
            email: `${name.replace(/ /g, '.').toLowerCase()}@tok.example`,
            organisationId: org,
            visibility,
            languages: ['lb'],
            skills: [{ technologyId: refs.xrd.id, level: 'EXPERT' }],
          },
        },
      );
    }
    await t.searchSynced();
  });
  afterAll(() => t.close());

  it('reads public experts only with an anonymous token', async () => {
    const token = await mint();
    expect(await seen(token)).toEqual(['Tok Public']);
    const viewer = await send(VIEWER, {}, token);
    expect(viewer.body.data?.viewer).toEqual({ role: 'ANONYMOUS', clusters: [] });
    const list = await send(`{ experts(first: 100) { edges { node { name } } } }`, {}, token);
    expect(names(list.body.data?.experts.edges.map((e: any) => e.node))).toEqual(['Tok Public']);
  });

  it("reads what the partner's key reads, and nothing of other clusters", async () => {
    const token = await mint(secrets.partnerA);
    expect(await seen(token)).toEqual(['Tok Members', 'Tok Public']);
    expect(await seen(secrets.partnerA)).toEqual(['Tok Members', 'Tok Public']);
    const search = await send(SEARCH, {}, token);
    const lb = search.body.data?.searchExperts.facets
      .find((f: any) => f.facet === 'LANGUAGE')
      .values.find((v: any) => v.value === 'lb');
    expect(lb?.count).toBe(2);
    const viewer = await send(VIEWER, {}, token);
    expect(viewer.body.data?.viewer).toEqual({ role: 'PARTNER', clusters: ['test-cluster'] });
    // The other partner's token sees its own cluster's members, not A's.
    expect(await seen(await mint(secrets.partnerB))).toEqual(['Tok Other Members', 'Tok Public']);
    // And the same token keeps working on /search, with the same answer.
    const index = (await send(MINT, {}, secrets.partnerA)).body.data?.createSearchToken.indexes[0];
    const proxied = await request(server)
      .post(`/search/indexes/${index}/search`)
      .set('authorization', `Bearer ${token}`)
      .send({ q: 'Tok', limit: 100 });
    expect(proxied.status).toBe(200);
    expect(names(proxied.body.hits)).toEqual(['Tok Members', 'Tok Public']);
  });

  it('gives a staff or admin key’s token partner reads at most: no staff query, no write, no contact details', async () => {
    for (const secret of [t.keys.staff, t.keys.admin]) {
      const token = await mint(secret);
      // The key itself sees everything; its token only what a partner of its clusters (none) sees.
      expect(await seen(secret)).toEqual([
        'Tok Members',
        'Tok Other Members',
        'Tok Public',
        'Tok Staff',
      ]);
      expect(await seen(token)).toEqual(['Tok Public']);
      expect((await send(VIEWER, {}, token)).body.data?.viewer.role).toBe('PARTNER');
      for (const query of [
        `{ inquiries(first: 1) { totalCount } }`,
        `{ apiKeys { id } }`,
        `mutation { createCluster(input: { name: "No", slug: "no" }) { id } }`,
        `mutation { rotateSearchTokenKey { rotatedAt } }`,
      ]) {
        const res = await send(query, {}, token);
        expect([query, res.status, res.body.errors?.[0]?.extensions?.code]).toEqual([
          query,
          403,
          'FORBIDDEN',
        ]);
        expect(res.body.errors?.[0]?.message).toMatch(/search token only reads/);
      }
      const contact = await send(`{ experts(first: 10) { edges { node { email } } } }`, {}, token);
      expect(contact.body.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
      expect(JSON.stringify(contact.body.data)).not.toContain('@tok.example');
    }
  });

  it('cannot mint another token, but may submit an inquiry, as the widget does', async () => {
    for (const token of [await mint(), await mint(secrets.partnerA)]) {
      const res = await send(MINT, { s: 60 }, token);
      expect(res.status).toBe(403);
      expect(res.body.errors?.[0]?.message).toMatch(/a search token cannot mint search tokens/);
    }
    const submitted = await send(
      `mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { reference } }`,
      {
        input: {
          requesterName: 'Widget Visitor',
          organisation: 'Acme',
          email: 'visitor@acme.example',
          country: 'lu',
          description: 'We need an XRD analysis of a steel part.',
          technologyIds: [refs.xrd.id],
          consentToContact: true,
        },
      },
      await mint(secrets.partnerA),
    );
    expect(submitted.body.errors).toBeUndefined();
    expect(submitted.body.data?.submitInquiry.reference).toMatch(/^KNR-/);
  });

  it('refuses a token at once when its key is revoked, like the revoked key', async () => {
    const keys = t.app.get(ApiKeysService);
    const { key, secret } = await keys.create({
      name: 'Soon revoked',
      role: Role.PARTNER,
      clusters: ['test-cluster'],
    });
    const token = await mint(secret);
    expect(await seen(token)).toEqual(['Tok Members', 'Tok Public']);
    await keys.revoke(key.id);
    refused(
      await send(SEARCH, {}, token),
      /^the API key of this search token is unknown or revoked$/,
    );
    refused(await send(SEARCH, {}, secret), /^the API key is unknown or revoked$/);
    // A token naming a key that never existed is refused the same way.
    refused(
      await send(
        SEARCH,
        {},
        await forge({ kenner: { key: '00000000-0000-4000-8000-000000000000' } }),
      ),
      /unknown or revoked/,
    );
  });

  it('refuses expired, forged, alg-none, foreign, claimless and garbage tokens with a clear 401', async () => {
    const token = await mint(secrets.partnerA);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const cases: [string, string, RegExp][] = [
      [
        'expired',
        await forge({ exp: Math.floor(Date.now() / 1000) - 1 }),
        /expired: mint a new one/,
      ],
      ['forged signature', `${header}.${payload}.${'A'.repeat(43)}`, /signature is invalid/],
      ['no signature', `${header}.${payload}.`, /signature is invalid/],
      [
        'widened payload',
        `${header}.${b64({ ...claims, kenner: { key: null }, searchRules: ['*'] })}.${signature}`,
        /signature is invalid/,
      ],
      ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`, /must be signed with HS256/],
      [
        'HS512',
        `${b64({ alg: 'HS512', typ: 'JWT' })}.${payload}.${createHmac('sha512', 'x').update('y').digest('base64url')}`,
        /must be signed with HS256/,
      ],
      [
        'another key',
        await forge({ apiKeyUid: '11111111-1111-4111-8111-111111111111' }),
        /current search-token key/,
      ],
      ['no Kenner claim', await forge({ kenner: undefined }), /no Kenner claim/],
      ['no exp', await forge({ exp: undefined }), /malformed/],
      ['garbage', 'eyJhbGciOi.garbage.x', /malformed/],
      [
        'invalid UTF-8',
        `${Buffer.from('{"a\xff\xfe":1}', 'latin1').toString('base64url')}.${payload}.x`,
        /malformed/,
      ],
      ['not a JWT', 'not-a-jwt-nor-a-key', /^the API key is unknown or revoked$/],
    ];
    for (const [what, bearer, message] of cases) {
      const res = await send(SEARCH, {}, bearer);
      expect([what, res.status]).toEqual([what, 401]);
      refused(res, message);
    }
  });

  it('counts refused tokens and every token request against the IP, not the key', async () => {
    const ip = { 'x-forwarded-for': '203.0.113.7' };
    const forged = `${(await mint()).slice(0, -4)}AAAA`;
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await send(SEARCH, {}, forged, ip)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // A partner's token from one visitor's address: that address's anonymous allowance (5).
    const token = await mint(secrets.partnerA);
    const visitor = { 'x-forwarded-for': '203.0.113.8' };
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await send(VIEWER, {}, token, visitor)).status);
    expect(answers).toEqual([200, 200, 200, 200, 200, 429]);
    // The key itself is counted on its own (unlimited here) from that same address.
    expect((await send(VIEWER, {}, secrets.partnerA, visitor)).status).toBe(200);
  });

  it('limits anonymous minting per IP more tightly than requests (SEARCH_TOKEN_LIMIT)', async () => {
    const ip = { 'x-forwarded-for': '203.0.113.9' };
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await send(MINT, {}, undefined, ip)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const over = await send(MINT, {}, undefined, { 'x-forwarded-for': '203.0.113.10' });
    expect(over.status).toBe(200);
    const limited = await send(MINT, {}, undefined, ip);
    expect(limited.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(limited.body.errors?.[0]?.message).toMatch(/too many search tokens/);
    // Aliases count one each: three in one document from a fresh address pass, a fourth does not.
    const aliases = ['a', 'b', 'c', 'd']
      .map((a) => `${a}: createSearchToken(indexes: [EXPERTS]) { token }`)
      .join(' ');
    const batch = await send(`mutation { ${aliases} }`, {}, undefined, {
      'x-forwarded-for': '203.0.113.11',
    });
    expect(batch.body.errors?.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
    // Keys are not held to it.
    for (let i = 0; i < 4; i++) {
      const keyed = await send(MINT, {}, secrets.partnerA, ip);
      expect(keyed.body.errors).toBeUndefined();
    }
  });

  it('answers CORS for a token as for anonymous callers (CORS_ORIGINS)', async () => {
    const token = await mint(secrets.partnerA);
    const listed = await send(VIEWER, {}, token, { origin: LISTED });
    expect(listed.headers['access-control-allow-origin']).toBe(LISTED);
    const elsewhere = await send(VIEWER, {}, token, { origin: 'https://elsewhere.example' });
    expect(elsewhere.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('names the forwarded host in a token when the proxy is trusted', async () => {
    const res = await send(MINT, {}, undefined, {
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'kenner.example',
    });
    expect(res.body.data?.createSearchToken.host).toBe('https://kenner.example/search');
  });

  it('answers hostile bearers with 4xx, never 5xx', async () => {
    // 100 kB: over Node's header limit, refused before Kenner runs (431).
    const huge = await rawStatus(Buffer.from(`eyJ${'A'.repeat(100 * 1024)}.x.y`));
    expect(huge).toBeGreaterThanOrEqual(400);
    expect(huge).toBeLessThan(500);
    // Bytes that are not UTF-8 (nor base64url) in the header itself.
    for (const bytes of [
      Buffer.from([0x65, 0x79, 0x4a, 0xff, 0xfe, 0x2e, 0xc3, 0x28, 0x2e, 0x78]),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
    ]) {
      expect([bytes.toString('hex'), await rawStatus(bytes)]).toEqual([bytes.toString('hex'), 401]);
    }
    // Just under the header limit: read, and refused as a malformed token.
    refused(await send(SEARCH, {}, `eyJ${'A'.repeat(12 * 1024)}.e30.x`), /malformed/);
    for (const bearer of ['eyJ..', 'eyJ.e30.', '...', 'eyJ\u00e9.e30.x', `eyJ${'.'.repeat(50)}`]) {
      const res = await send(SEARCH, {}, bearer);
      expect([bearer, res.status]).toEqual([bearer, 401]);
    }
  });

  it('refuses every token of the rotated signing key, on GraphQL and /search', async () => {
    const token = await mint(secrets.partnerA);
    expect(await seen(token)).toEqual(['Tok Members', 'Tok Public']);
    const rotated = await t.gql(
      `mutation { rotateSearchTokenKey { rotatedAt } }`,
      {},
      t.keys.admin,
    );
    expect(rotated.errors).toBeUndefined();
    refused(await send(SEARCH, {}, token), /current search-token key/);
    const index = (await send(MINT, {}, secrets.partnerA)).body.data?.createSearchToken.indexes[0];
    const proxied = await request(server)
      .post(`/search/indexes/${index}/search`)
      .set('authorization', `Bearer ${token}`)
      .send({ q: 'Tok' });
    expect(proxied.status).toBe(401);
    expect(await seen(await mint(secrets.partnerA))).toEqual(['Tok Members', 'Tok Public']);
  });

  /** A raw request, so the header can be larger or odder than an HTTP client would send. */
  function rawStatus(bearer: Buffer): Promise<number> {
    const { port } = new URL(t.url as string);
    return new Promise<number>((resolve, reject) => {
      const socket = createConnection(Number(port), '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk.toString('latin1');
        const status = /^HTTP\/1\.1 (\d{3})/.exec(answer);
        if (status) {
          socket.destroy();
          resolve(Number(status[1]));
        }
      });
      socket.on('error', reject);
      const body = JSON.stringify({ query: '{ __typename }' });
      socket.write(
        Buffer.concat([
          Buffer.from('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer '),
          bearer,
          Buffer.from(
            `\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
          ),
        ]),
      );
    });
  }
});

describe('search token host without a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY_HOPS: '0' } });
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-Proto and -Host: anyone could send them', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('x-forwarded-proto', 'https')
      .set('x-forwarded-host', 'evil.example')
      .send({ query: MINT });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.createSearchToken.host).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/search$/);
  });
});
