import 'reflect-metadata';
import { DataSource } from 'typeorm';
import type { Environment } from '../config/environment.js';
import { buildDataSourceOptions } from './data-source.options.js';
import { oneSqliteTransactionAtATime } from './sqlite-transactions.js';

/** For command-line tools: the app's database, migrated, without starting the API. */
export async function openDataSource(env: Environment): Promise<DataSource> {
  const db = new DataSource(buildDataSourceOptions(env));
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  return oneSqliteTransactionAtATime(db);
}
