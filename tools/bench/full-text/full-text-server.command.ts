import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { fullTextHttpServer } from './full-text.server.js';

/**
 * The full-text front as its own process, started by the benchmark (see full-text.bench.ts) so
 * that it does not share an event loop with the load generator — as the Kenner API does not.
 * FULL_TEXT_DATABASE_URL: the database holding the built table; FULL_TEXT_CONNECTIONS: pool size.
 */
const pool = new pg.Pool({
  connectionString: process.env.FULL_TEXT_DATABASE_URL,
  max: Number(process.env.FULL_TEXT_CONNECTIONS ?? 10),
});
// The benchmark drops the scratch database WITH (FORCE) after stopping this process; an idle
// connection ended by the server must not crash it meanwhile.
pool.on('error', () => undefined);
const server = fullTextHttpServer(pool);
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`full-text search ready at http://127.0.0.1:${port}/search\n`);
});
process.on('SIGTERM', () => {
  server.close();
  pool.end().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
