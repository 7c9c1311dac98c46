import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { MeilisearchApiError, MeilisearchRequestError } from 'meilisearch';
import { meilisearchClient } from '../../src/search/engine/meilisearch-client.js';

interface Seen {
  headers: IncomingHttpHeaders;
  url: string;
  body: string;
  socket: Socket;
}

/** A stand-in engine answering each request with `reply`; records what it was sent. */
async function engine(
  reply: (seen: Seen, index: number) => { status: number; body: string } | 'drop',
) {
  const seen: Seen[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const entry = {
        headers: request.headers,
        url: request.url ?? '',
        body,
        socket: request.socket,
      };
      seen.push(entry);
      const answer = reply(entry, seen.length - 1);
      if (answer === 'drop') {
        request.socket.destroy();
        return;
      }
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  servers.push(server);
  return { host: `http://127.0.0.1:${port}`, seen };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const RESULTS = '{"results":[{"hits":[{"id":"a"}],"query":"xrd"}]}';

describe('meilisearchClient', () => {
  it('asks for uncompressed answers, keeping its key (a compressed answer arrives ~40 ms late)', async () => {
    const { host, seen } = await engine(() => ({ status: 200, body: '{"status":"available"}' }));
    await meilisearchClient(host, 'a-key').health();
    expect(seen[0]?.headers['accept-encoding']).toBe('identity');
    expect(seen[0]?.headers.authorization).toBe('Bearer a-key');
  });

  it('sends multi-searches as the library would, over one kept-alive connection', async () => {
    const { host, seen } = await engine(() => ({ status: 200, body: RESULTS }));
    const client = meilisearchClient(host, 'a-key');
    try {
      const queries = { queries: [{ indexUid: 'experts', q: 'xrd' }] };
      const first = await client.multiSearch(queries);
      const second = await client.multiSearch(queries);
      expect(first).toEqual(JSON.parse(RESULTS));
      expect(second).toEqual(first);
      expect(seen.map((s) => [s.url, JSON.parse(s.body)])).toEqual([
        ['/multi-search', queries],
        ['/multi-search', queries],
      ]);
      expect(seen[0]?.headers.authorization).toBe('Bearer a-key');
      expect(seen[0]?.headers['content-type']).toBe('application/json');
      expect(seen[1]?.socket).toBe(seen[0]?.socket);
    } finally {
      client.close();
    }
  });

  it("throws the library's API error, with the engine's status and code, for a refused search", async () => {
    const refusal = {
      message: 'Index `nope` not found.',
      code: 'index_not_found',
      type: 'invalid_request',
    };
    const { host } = await engine(() => ({ status: 400, body: JSON.stringify(refusal) }));
    const client = meilisearchClient(host);
    try {
      const error = await client
        .multiSearch({ queries: [{ indexUid: 'nope' }] })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MeilisearchApiError);
      expect((error as MeilisearchApiError).response.status).toBe(400);
      expect((error as MeilisearchApiError).cause).toEqual(refusal);
      expect((error as Error).message).toBe(refusal.message);
    } finally {
      client.close();
    }
  });

  it('sends a search once more when the engine closed the kept-alive connection it reused', async () => {
    // The second request arrives on the first one's connection and the engine drops it unanswered.
    const { host, seen } = await engine((_, i) =>
      i === 1 ? 'drop' : { status: 200, body: RESULTS },
    );
    const client = meilisearchClient(host);
    try {
      await client.multiSearch({ queries: [] });
      await expect(client.multiSearch({ queries: [] })).resolves.toEqual(JSON.parse(RESULTS));
      expect(seen).toHaveLength(3);
      expect(seen[2]?.socket).not.toBe(seen[1]?.socket);
    } finally {
      client.close();
    }
  });

  it("throws the library's request error when the engine cannot be reached", async () => {
    const { host } = await engine(() => ({ status: 200, body: RESULTS }));
    for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
    const client = meilisearchClient(host);
    try {
      await expect(client.multiSearch({ queries: [] })).rejects.toBeInstanceOf(
        MeilisearchRequestError,
      );
    } finally {
      client.close();
    }
  });

  it('adds documents as one JSON array, written in parts, and answers the enqueued task', async () => {
    const task = {
      taskUid: 7,
      indexUid: 'ex perts',
      status: 'enqueued',
      type: 'documentAdditionOrUpdate',
    };
    const { host, seen } = await engine(() => ({ status: 202, body: JSON.stringify(task) }));
    const client = meilisearchClient(host, 'a-key');
    // ~600 kB of JSON: many parts, each waiting for the socket; names from every plane, and a
    // lone surrogate that JSON.stringify escapes.
    const documents = Array.from({ length: 300 }, (_, i) => ({
      id: `e${i}`,
      name: `Röntgenbeugung 𝛼 ${'x'.repeat(2_000)} ${i}`,
      bio: i === 150 ? 'broken \ud800 text' : null,
    }));
    try {
      await expect(client.addDocumentsInParts('ex perts', documents)).resolves.toEqual(task);
      expect(seen).toHaveLength(1);
      expect(seen[0]?.url).toBe('/indexes/ex%20perts/documents?primaryKey=id');
      expect(seen[0]?.headers['content-type']).toBe('application/json');
      expect(seen[0]?.headers.authorization).toBe('Bearer a-key');
      expect(JSON.parse(seen[0]?.body ?? '')).toEqual(documents);
      await expect(client.addDocumentsInParts('ex perts', [])).resolves.toEqual(task);
      expect(seen[1]?.body).toBe('[]');
    } finally {
      client.close();
    }
  });

  it("throws the library's API error for a refused addition", async () => {
    const refusal = {
      message: 'Index `x` not found.',
      code: 'index_not_found',
      type: 'invalid_request',
    };
    const { host } = await engine(() => ({ status: 404, body: JSON.stringify(refusal) }));
    const client = meilisearchClient(host);
    try {
      const error = await client.addDocumentsInParts('x', [{ id: 'a' }]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MeilisearchApiError);
      expect((error as MeilisearchApiError).cause).toEqual(refusal);
    } finally {
      client.close();
    }
  });

  it('fails, without hanging, when the engine drops the connection while the documents are sent', async () => {
    const server = createServer((request) => request.once('data', () => request.socket.destroy()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    const { port } = server.address() as AddressInfo;
    const client = meilisearchClient(`http://127.0.0.1:${port}`);
    const documents = Array.from({ length: 2_000 }, (_, i) => ({
      id: `e${i}`,
      bio: 'y'.repeat(1_000),
    }));
    try {
      await expect(client.addDocumentsInParts('x', documents)).rejects.toBeInstanceOf(
        MeilisearchRequestError,
      );
    } finally {
      client.close();
    }
  });
});
