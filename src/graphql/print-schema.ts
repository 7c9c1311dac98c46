import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { withHttpApp } from '../cli/app-command.js';
import { runCommand } from '../common/cli/run-command.js';
import { packageFile } from '../common/package-root.js';
import { renderSchema } from './schema-text.js';

export { renderSchema };

export const SCHEMA_FILE = packageFile('schema.gql');

async function main(): Promise<void> {
  // An in-memory SQLite database and a throw-away data folder: printing the schema must not
  // touch real data (the app still starts its search engine to initialise).
  await withHttpApp(
    {
      scratch: 'kenner-schema',
      env: { SEED_DEMO: 'false', DATABASE_URL: '', LOG_LEVEL: 'error' },
      app: { database: { sqlitePath: ':memory:' } },
      logger: ['error'],
    },
    async (app) => writeFileSync(SCHEMA_FILE, renderSchema(app.get(GraphQLSchemaHost).schema)),
  );
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) runCommand(main);
