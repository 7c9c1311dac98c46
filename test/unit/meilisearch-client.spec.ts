import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { meilisearchClient } from '../../src/search/engine/meilisearch-client.js';

describe('meilisearchClient', () => {
  it('asks for uncompressed answers, keeping its key (a compressed answer arrives ~40 ms late)', async () => {
    let seen: IncomingHttpHeaders | undefined;
    const server = createServer((request, response) => {
      seen = request.headers;
      response.setHeader('content-type', 'application/json');
      response.end('{"status":"available"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await meilisearchClient(`http://127.0.0.1:${port}`, 'a-key').health();
      expect(seen?.['accept-encoding']).toBe('identity');
      expect(seen?.authorization).toBe('Bearer a-key');
    } finally {
      server.close();
    }
  });
});
