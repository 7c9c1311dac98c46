import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { renderSchema, SCHEMA_FILE } from '../../src/graphql/print-schema.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('schema.gql', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('is the schema the code builds (run `npm run schema` after an API change)', () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(renderSchema(t.app.get(GraphQLSchemaHost).schema)).toBe(committed);
  });
});
