import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Environment } from './environment.js';

/**
 * Makes the validated `Environment` injectable everywhere; main.ts and tests build it. Global on
 * purpose, like the database connection (@nestjs/typeorm's core module): configuration is
 * infrastructure that every layer reads, not a domain service, so no module lists it.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: Environment, useValue: env }],
      exports: [Environment],
    };
  }
}
