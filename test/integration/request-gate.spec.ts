import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from '../../tools/support/wait-for.js';
import { type Leave, RequestGate } from '../../src/edge/request-gate.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The request gate on the real app, over real sockets: one GraphQL request may run and one may
 * wait. The test takes the running place itself (through the gate the app uses), so which
 * request waits and which is refused does not depend on timing.
 */
describe('requests beyond GRAPHQL_MAX_IN_FLIGHT wait their turn', () => {
  let t: TestApp;
  let gate: RequestGate;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { GRAPHQL_MAX_IN_FLIGHT: '1', GRAPHQL_MAX_WAITING: '1' } });
    gate = t.app.get(RequestGate);
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  const ask = (signal?: AbortSignal) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal,
    });
  const waitingIs = (n: number) =>
    waitFor(`${n} request(s) waiting`, async () => gate.load.waiting === n || null, 5_000, 10);

  it('queues a request while the place is taken, refuses the next with 503, then answers', async () => {
    const held = gate.admit(() => undefined) as Leave;
    const queued = ask();
    await waitingIs(1);

    const refused = await ask();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    const body = (await refused.json()) as { errors: { message: string; extensions: object }[] };
    expect(body.errors[0]?.extensions).toMatchObject({ code: 'SERVER_BUSY', retryAfterSeconds: 1 });
    expect(body.errors[0]?.message).toContain('1 requests are running and 1 waiting');

    // Health checks never queue behind searches, and show the queue.
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { requests: object }).requests).toEqual({
      running: 1,
      waiting: 1,
      maxRunning: 1,
      maxWaiting: 1,
    });

    held();
    const answered = await queued;
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ data: { __typename: 'Query' } });
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('drops a waiting request whose client went away, and frees its place', async () => {
    const held = gate.admit(() => undefined) as Leave;
    const abort = new AbortController();
    const gone = ask(abort.signal).catch((error: unknown) => error);
    await waitingIs(1);
    abort.abort();
    expect(await gone).toMatchObject({ name: 'AbortError' });
    await waitingIs(0);

    held();
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
    expect((await ask()).status).toBe(200);
  });
});
