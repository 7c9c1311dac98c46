import 'reflect-metadata';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { ConfigurationError, loadEnvironment } from './config/environment.js';
import { GRAPHQL_PATH } from './graphql/graphql.module.js';
import { SearchRelay } from './search/sync/search-relay.service.js';

async function bootstrap(): Promise<void> {
  const env = loadEnvironment();
  const app = await NestFactory.create(AppModule.forRoot(env), {
    logger: levelsFrom(env.LOG_LEVEL),
    // The edge reads bodies itself, after CORS and rate limits (src/edge/edge.module.ts).
    bodyParser: false,
  });
  app.enableShutdownHooks();
  await app.listen(env.PORT, env.HOST);
  // PORT=0 asks for any free port: report the one actually bound.
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  const shownHost = env.HOST === '0.0.0.0' ? 'localhost' : env.HOST;
  new Logger('Kenner').log(`GraphQL ready at http://${shownHost}:${port}${GRAPHQL_PATH}`);
  // Now that the start (and the demo seed) is done, the next empty outbox means search caught up.
  app.get(SearchRelay).announceFirstSync();
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
