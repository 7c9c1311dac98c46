import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { listenForStop } from './common/process/stop-signals.js';
import type { Environment } from './config/environment.js';
import { GRAPHQL_PATH } from './graphql/graphql.module.js';
import { SearchRelay } from './search/sync/search-relay.service.js';
import { STOP_BUDGET, stopGracefully } from './shutdown.js';

/** Starts the API on `env`, serves until SIGTERM or SIGINT, then stops gracefully and exits. */
export async function serve(env: Environment): Promise<void> {
  const logger = new Logger('Kenner');
  // Before anything is started: a signal during the start (the engine starting, the demo
  // seeding) is taken once the start has settled, so nothing it started is left behind
  // (shutdown.ts).
  const stop = listenForStop(STOP_BUDGET.deadlineMs, (message) => logger.warn(message));
  const app = await NestFactory.create(AppModule.forRoot(env), {
    logger: levelsFrom(env.LOG_LEVEL),
    // The edge reads bodies itself, after CORS and rate limits (src/edge/edge.module.ts).
    bodyParser: false,
  });
  if (!stop.signal) await app.listen(env.PORT, env.HOST);
  if (!stop.signal) {
    // PORT=0 asks for any free port: report the one actually bound.
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    const shownHost = env.HOST === '0.0.0.0' ? 'localhost' : env.HOST;
    logger.log(`GraphQL ready at http://${shownHost}:${port}${GRAPHQL_PATH}`);
    // Now that the start (and the demo seed) is done, the next empty outbox means search caught up.
    app.get(SearchRelay).announceFirstSync();
  }
  const { at } = await stop.received;
  await stopGracefully(app, at);
  process.exit(0);
}

function levelsFrom(level: string) {
  const order = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  return order.slice(0, order.indexOf(level as (typeof order)[number]) + 1);
}
