import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment.js';
import { buildDataSourceOptions, type DatabaseOverrides } from './data-source.options.js';
import { oneSqliteTransactionAtATime } from './sqlite-transactions.js';

/**
 * Opens the database and brings its schema up to date before anything else runs. Tests pass
 * overrides (their own SQLite file or PostgreSQL schema); the app uses the environment alone.
 */
@Module({})
export class DatabaseModule {
  static forRoot(overrides: DatabaseOverrides & { synchronize?: boolean } = {}): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [Environment],
          useFactory: (env: Environment) => ({
            ...buildDataSourceOptions(env, overrides),
            migrationsRun: !overrides.synchronize,
            synchronize: overrides.synchronize ?? false,
          }),
          dataSourceFactory: async (options) => {
            if (!options) throw new Error('no data source options');
            return oneSqliteTransactionAtATime(await new DataSource(options).initialize());
          },
        }),
      ],
    };
  }
}
