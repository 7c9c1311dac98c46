import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard.js';
import { ApiKeysResolver } from './api-keys.resolver.js';
import { ApiKeysService } from './api-keys.service.js';

/**
 * Who is calling (API keys) and what each role may do. The caller middleware itself is
 * registered by the edge (edge.module.ts, which imports this module), first, where the order of
 * the HTTP steps is decided.
 */
@Module({
  providers: [ApiKeysService, ApiKeysResolver, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [ApiKeysService],
})
export class AuthModule {}
