import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { failedMustAudits } from '../support/http-audits.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * graphql-http's audits of the GraphQL-over-HTTP spec, sent over a real socket to the app with
 * every edge layer in place (CORS, rate limit, body limit, CSRF prevention, cost plugin).
 * Introspection is on here (NODE_ENV=test); the production run is in edge-production.spec.ts.
 */
describe('GraphQL over HTTP compliance', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    const { port } = (t.app.getHttpServer() as Server).address() as AddressInfo;
    url = `http://127.0.0.1:${port}/graphql`;
  });
  afterAll(() => t.close());

  it('fails no MUST audit', async () => {
    expect(await failedMustAudits(url)).toEqual([]);
  });
});
