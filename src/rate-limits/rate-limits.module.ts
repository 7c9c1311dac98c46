import { Logger, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Environment } from '../config/environment.js';
import { PostingLimit } from './posting-limit.js';
import { throttledRedisErrors } from '../redis/redis-connection.js';
import { MemoryRateLimitStore } from './memory-rate-limit.store.js';
import { PostgresRateLimitStore } from './postgres-rate-limit.store.js';
import { RateLimitStore } from './rate-limit-store.js';
import { RedisRateLimitStore } from './redis-rate-limit.store.js';
import { RateLimits } from './rate-limits.service.js';

/** The store RATE_LIMIT_STORE names (loadEnvironment checked that its URL is set). */
function storeFor(env: Environment, db: DataSource): RateLimitStore {
  switch (env.RATE_LIMIT_STORE) {
    case 'memory':
      return new MemoryRateLimitStore();
    case 'postgres':
      return new PostgresRateLimitStore(db);
    case 'redis':
      return new RedisRateLimitStore(
        env.REDIS_URL ?? '',
        env.REDIS_KEY_PREFIX,
        throttledRedisErrors(new Logger('RateLimits')),
      );
  }
}

/** The counters behind every rate limit, in one store for the whole app (rate-limits.service.ts). */
@Module({
  providers: [
    {
      provide: RateLimitStore,
      inject: [Environment, getDataSourceToken()],
      useFactory: storeFor,
    },
    RateLimits,
    PostingLimit,
  ],
  exports: [RateLimits, PostingLimit],
})
export class RateLimitsModule {}
