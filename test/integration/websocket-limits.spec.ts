import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import WebSocket from 'ws';
import { signedInPerson } from '../support/people.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The GraphQL WebSocket's own limits (the HTTP edge does not see a socket's messages): the size
 * of one message, subscriptions per socket, connections per client IP and minute. Each test is a
 * client of its own through X-Forwarded-For (one trusted proxy hop).
 */
interface RawSocket {
  on(event: 'open', listener: () => void): void;
  on(event: 'message', listener: (data: Buffer) => void): void;
  on(event: 'close', listener: (code: number) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  send(data: string): void;
  close(): void;
}
const Socket = WebSocket as unknown as new (
  url: string,
  protocol: string,
  options: { headers: Record<string, string> },
) => RawSocket;

interface Connection {
  socket: RawSocket;
  messages: { type: string; id?: string; payload?: unknown }[];
  closed: Promise<number>;
  /** Resolves with the first message of `type`, or rejects if the socket closes first. */
  next(type: string): Promise<{ type: string; id?: string; payload?: unknown }>;
}

describe('WebSocket limits on /graphql', () => {
  let t: TestApp;
  let token: string;
  const open: RawSocket[] = [];

  function connect(ip: string): Promise<Connection> {
    const socket = new Socket(
      `${(t.url ?? '').replace(/^http/, 'ws')}/graphql`,
      'graphql-transport-ws',
      {
        headers: { 'x-forwarded-for': ip },
      },
    );
    open.push(socket);
    const messages: Connection['messages'] = [];
    let closedCode: number | undefined;
    const closed = new Promise<number>((resolve) =>
      socket.on('close', (code) => {
        closedCode = code;
        resolve(code);
      }),
    );
    socket.on('message', (data) => messages.push(JSON.parse(data.toString())));
    socket.on('error', () => undefined);
    const next = async (type: string) => {
      for (let i = 0; i < 500; i++) {
        const found = messages.find((m) => m.type === type);
        if (found) return found;
        if (closedCode !== undefined) throw new Error(`closed with ${closedCode} before ${type}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`no ${type}`);
    };
    return new Promise((resolve, reject) => {
      socket.on('open', () => resolve({ socket, messages, closed, next }));
      void closed.then((code) => reject(new Error(`closed with ${code} before it opened`)));
    });
  }

  /** Connected and acknowledged, as `ip`, signed in. */
  async function ready(ip: string): Promise<Connection> {
    const c = await connect(ip);
    c.socket.send(
      JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
    );
    await c.next('connection_ack');
    return c;
  }

  beforeAll(async () => {
    t = await startTestApp({
      listen: true,
      env: {
        TRUST_PROXY_HOPS: '1',
        WS_MAX_PAYLOAD_BYTES: '2048',
        WS_MAX_SUBSCRIPTIONS: '2',
        WS_CONNECTION_LIMIT: '3',
      },
    });
    token = (
      await signedInPerson(t, { email: 'ws@kenner.example', name: 'W S', staffRole: 'STAFF' })
    ).token;
  });

  afterAll(async () => {
    for (const socket of open) socket.close();
    await t.close();
  });

  it('closes a socket that sends a message over WS_MAX_PAYLOAD_BYTES (1009), and serves one under it', async () => {
    const small = await ready('198.51.100.10');
    small.socket.send(
      JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ __typename }' } }),
    );
    expect((await small.next('next')).payload).toEqual({ data: { __typename: 'Query' } });

    const big = await ready('198.51.100.11');
    const query = `{ __typename ${' '.repeat(4000)}}`;
    big.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
    expect(await big.closed).toBe(1009);
  });

  it('refuses a subscription past WS_MAX_SUBSCRIPTIONS on one socket, keeping the others', async () => {
    const c = await ready('198.51.100.20');
    const subscribe = (id: string) =>
      c.socket.send(
        JSON.stringify({
          id,
          type: 'subscribe',
          payload: { query: 'subscription { unreadCountChanged { unreadMessageCount } }' },
        }),
      );
    subscribe('a');
    subscribe('b');
    subscribe('c');
    const refused = await c.next('error');
    expect(refused.id).toBe('c');
    expect(refused.payload).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'TOO_MANY_SUBSCRIPTIONS' }),
      }),
    ]);
    // The first two stay open: nothing completed them, and the socket stands.
    expect(c.messages.filter((m) => m.type === 'complete' || m.type === 'error')).toHaveLength(1);
    // Once one ends, another may start.
    c.socket.send(JSON.stringify({ id: 'a', type: 'complete' }));
    subscribe('d');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(c.messages.filter((m) => m.type === 'error').map((m) => m.id)).toEqual(['c']);
  });

  it('closes the connection past WS_CONNECTION_LIMIT a minute from one client IP (4429), not others', async () => {
    for (let i = 0; i < 3; i++) await ready('198.51.100.30');
    const fourth = await connect('198.51.100.30');
    fourth.socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    expect(await fourth.closed).toBe(4429);
    await ready('198.51.100.31');
  });
});
