import { Global, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard.js';
import { ApiKeysResolver } from './api-keys.resolver.js';
import { ApiKeysService } from './api-keys.service.js';
import { CallerMiddleware } from './caller.middleware.js';

/** Who is calling (API keys) and what each role may do. */
@Global()
@Module({
  providers: [ApiKeysService, ApiKeysResolver, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [ApiKeysService],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CallerMiddleware).forRoutes('*');
  }
}
