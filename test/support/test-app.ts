import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { ApiKeysService } from '../../src/auth/api-keys.service.js';
import { Role } from '../../src/auth/caller.js';
import { loadEnvironment } from '../../src/config/environment.js';
import { queryCounter } from '../../src/database/data-source.options.js';
import { NotificationRelay } from '../../src/notifications/notification-relay.service.js';
import { SearchEngine } from '../../src/search/engine/search-engine.service.js';
import { SEARCH_INDEXES } from '../../src/search/indexes/search-indexes.js';
import { SearchRelay } from '../../src/search/sync/search-relay.service.js';
import { DemoSeedService } from '../../src/seed/demo-seed.service.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { TestLogger } from './test-logger.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface TestApp {
  app: INestApplication;
  db: DataSource;
  database: TestDatabase;
  /** Sends as staff unless `as` says otherwise (`null`: anonymous, or a key's secret). */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: string | null,
  ): Promise<GraphQLResponse<T>>;
  /** Secrets of keys made for the test: `staff` (the default of `gql`) and `admin`. */
  keys: { staff: string; admin: string };
  /** `http://127.0.0.1:<port>` when started with `listen`. */
  url?: string;
  /** SQL statements the app executed while `run` ran. */
  countQueries(run: () => Promise<unknown>): Promise<number>;
  /** Resolves once the relay has sent every pending outbox row to Meilisearch. */
  searchSynced(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real application (migrations, GraphQL, validation) on the test's own database, served over
 * HTTP through supertest. `demoExperts` seeds the generated demo dataset first.
 */
export interface TestAppOptions {
  demoExperts?: number;
  env?: Record<string, string>;
  /** Reuse a database (a restart); it is then left in place on close. */
  database?: TestDatabase;
  /** Keep the database and the indexes on close, for a later restart. */
  keep?: boolean;
  /**
   * Listen on 127.0.0.1 (`true`: any free port), so clients outside supertest (the meilisearch
   * client on a search token's host) reach the app; `url` then says where.
   */
  listen?: boolean | number;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const owned = !options.database && !options.keep;
  const env = loadEnvironment({
    MEILI_HOST: process.env.MEILI_HOST ?? '',
    MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY ?? '',
    MEILI_INDEX_PREFIX: `t${process.pid}_${Math.random().toString(36).slice(2, 8)}_`,
    NODE_ENV: 'test',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'error',
    // Test files send many requests (and inquiries) from one address; the limit tests set their own.
    RATE_LIMIT_ANONYMOUS: '0',
    RATE_LIMIT_KEYED: '0',
    SEARCH_TOKEN_LIMIT: '0',
    INQUIRY_LIMIT_ADDRESS: '0',
    INQUIRY_LIMIT_CLIENT: '0',
    SIGN_IN_LIMIT_ADDRESS: '0',
    WS_CONNECTION_LIMIT: '0',
    SIGN_IN_LIMIT_CLIENT: '0',
    // Reminders are driven by the specs about them (drain, with the clock moved), not hourly.
    PROFILE_REMINDERS: 'false',
    MESSAGE_DIGESTS: 'false',
    ...database.env,
    ...options.env,
  });
  // Errors the tests provoke are kept back, and printed only if the test fails (test-logger.ts).
  const logger = new TestLogger();
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(env, { database: database.overrides })],
  })
    .setLogger(logger)
    .compile();
  // As in serve.ts: the edge reads bodies itself, after CORS and rate limits.
  const app = moduleRef.createNestApplication({ logger, bodyParser: false });
  await app.init();
  let url: string | undefined;
  if (options.listen !== undefined && options.listen !== false) {
    await app.listen(options.listen === true ? 0 : options.listen, '127.0.0.1');
    url = await app.getUrl();
    url = url.replace('[::1]', '127.0.0.1');
  }
  const db = app.get<DataSource>(getDataSourceToken());
  if (options.demoExperts) await app.get(DemoSeedService).seedIfEmpty(options.demoExperts);
  const server = app.getHttpServer();
  const apiKeys = app.get(ApiKeysService);
  const keys = {
    staff: (await apiKeys.create({ name: 'test staff', role: Role.STAFF })).secret,
    admin: (await apiKeys.create({ name: 'test admin', role: Role.ADMIN })).secret,
  };
  return {
    app,
    db,
    database,
    keys,
    url,
    async gql(query, variables, as = keys.staff) {
      const post = request(server).post('/graphql');
      if (as) post.set('Authorization', `Bearer ${as}`);
      const response = await post.send({ query, variables });
      return response.body as GraphQLResponse<any>;
    },
    async countQueries(run) {
      const counter = queryCounter(db.logger);
      if (!counter) throw new Error('the query counter logger is not installed');
      // The relays poll in the background: keep their statements out of the count.
      const relays = [app.get(SearchRelay), app.get(NotificationRelay)];
      await Promise.all(relays.map((relay) => relay.pause()));
      try {
        const before = counter.queries;
        await run();
        return counter.queries - before;
      } finally {
        for (const relay of relays) relay.resume();
      }
    },
    async searchSynced(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [row] = await db.query<{ n: number | string }[]>(
          'SELECT COUNT(*) AS n FROM search_outbox WHERE "parkedAt" IS NULL',
        );
        const n = Number(row?.n ?? 0);
        if (n === 0) return;
        if (Date.now() > deadline) throw new Error(`search outbox still holds ${n} rows`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async close() {
      // The test server is shared by every test file: leave it as clean as it was.
      const engine = app.get(SearchEngine);
      if (owned) {
        for (const name of Object.keys(SEARCH_INDEXES)) {
          await engine.client.deleteIndexIfExists(engine.index(name)).catch(() => undefined);
        }
      }
      await app.close();
      if (owned) await database.drop();
    },
  };
}
