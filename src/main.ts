import 'reflect-metadata';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { applyHeapPolicy } from './common/process/heap-policy.js';
import { listenForStop } from './common/process/stop-signals.js';
import { ConfigurationError, loadEnvironment } from './config/environment.js';
import { GRAPHQL_PATH } from './graphql/graphql.module.js';
import { SearchRelay } from './search/sync/search-relay.service.js';
import { STOP_BUDGET, stopGracefully } from './shutdown.js';

async function bootstrap(): Promise<void> {
  const logger = new Logger('Kenner');
  // From the first line: a signal during the start (the engine starting, the demo seeding) is
  // taken once the start has settled, so nothing it started is left behind (shutdown.ts).
  const stop = listenForStop(STOP_BUDGET.deadlineMs, (message) => logger.warn(message));
  const env = loadEnvironment();
  applyHeapPolicy(env.HEAP_GROWING_PERCENT);
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

bootstrap().catch((error: unknown) => {
  // Configuration mistakes get one line, not a stack trace: the message says what to fix.
  if (error instanceof ConfigurationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Kenner failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    if (error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  }
  process.exit(1);
});
