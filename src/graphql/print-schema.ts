import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { AppModule } from '../app.module.js';
import { loadEnvironment } from '../config/environment.js';
import { renderSchema } from './schema-text.js';

export { renderSchema };

// Two levels up from src/graphql and from dist/graphql alike.
export const SCHEMA_FILE = fileURLToPath(new URL('../../schema.gql', import.meta.url));

async function main(): Promise<void> {
  // An in-memory SQLite database and a throw-away data folder: printing the schema must not
  // touch real data (the app still starts its search engine to initialise).
  const scratch = mkdtempSync(join(tmpdir(), 'kenner-schema-'));
  const env = loadEnvironment({
    ...process.env,
    DATA_DIR: scratch,
    SEED_DEMO: 'false',
    DATABASE_URL: '',
    LOG_LEVEL: 'error',
  });
  const app = await NestFactory.create(
    AppModule.forRoot(env, { database: { sqlitePath: ':memory:' } }),
    { logger: ['error'] },
  );
  await app.init();
  writeFileSync(SCHEMA_FILE, renderSchema(app.get(GraphQLSchemaHost).schema));
  await app.close();
  rmSync(scratch, { recursive: true, force: true });
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
