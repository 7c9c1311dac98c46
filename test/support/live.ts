import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** What one subscription received, in order, and how it ended. */
export interface Received<T> {
  values: T[];
  errors: unknown[];
  completed: boolean;
  /** Resolves with the `n`th value (1-based) once it arrived; rejects after `ms`. */
  nth(n: number, ms?: number): Promise<T>;
  /** Resolves once the server ended the subscription (error or complete). */
  ended(ms?: number): Promise<void>;
  stop(): void;
}

/** A graphql-ws client on the app's /graphql, signed in with a session token (or anonymous). */
export function liveClient(url: string, token?: string): Client {
  return createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function subscribe<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
  field?: string,
): Received<T> {
  const received: Received<T> = {
    values: [],
    errors: [],
    completed: false,
    async nth(n, ms = 1000) {
      await until(() => received.values.length >= n, ms, `no message ${n} arrived`);
      return received.values[n - 1] as T;
    },
    async ended(ms = 1000) {
      await until(() => received.completed, ms, 'the subscription did not end');
    },
    stop: () => undefined,
  };
  received.stop = client.subscribe<Record<string, T>>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) received.errors.push(...result.errors);
        const data = result.data;
        if (data) received.values.push((field ? data[field] : Object.values(data)[0]) as T);
      },
      error: (error) => {
        received.errors.push(error);
        received.completed = true;
      },
      complete: () => {
        received.completed = true;
      },
    },
  );
  return received;
}
