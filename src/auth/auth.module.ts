import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard.js';
import { ApiKeysResolver } from './api-keys.resolver.js';
import { ApiKeysService } from './api-keys.service.js';
import { KEY_ORIGINS, type KeyOrigins } from '../edge/cors.middleware.js';

/**
 * Who is calling (API keys) and what each role may do. The caller middleware itself is
 * registered by the edge (edge.module.ts), first, where the order of the HTTP steps is decided.
 */
@Global()
@Module({
  providers: [
    ApiKeysService,
    ApiKeysResolver,
    { provide: APP_GUARD, useClass: AccessGuard },
    {
      provide: KEY_ORIGINS,
      inject: [ApiKeysService],
      useFactory: (keys: ApiKeysService): KeyOrigins => ({
        allows: (origin) => keys.someKeyAllows(origin),
      }),
    },
  ],
  exports: [ApiKeysService, KEY_ORIGINS],
})
export class AuthModule {}
