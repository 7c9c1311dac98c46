import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import { type AppCommand, withHttpApp } from '../../src/cli/app-command.js';
import { runCommand } from '../../src/common/cli/run-command.js';
import { postGraphQL } from '../support/post-graphql.js';
import { percentiles } from '../support/percentiles.js';
import { waitForOutboxDrained } from '../support/health-client.js';

/**
 * `npm run search:freshness`: how long a created expert takes to become searchable, and a deleted
 * one to disappear, measured end to end through GraphQL on the demo data (a scratch database and
 * the bundled engine). Prints p50/p95/max; asserts nothing.
 */
const ADMIN_KEY = `knr_freshness-${randomBytes(24).toString('base64url')}`;

/** A scratch database with the demo data and the bundled engine: the run's own application. */
const SCRATCH_APP: AppCommand = {
  scratch: 'kenner-freshness',
  env: {
    DATABASE_URL: '',
    MEILI_HOST: '',
    LOG_LEVEL: 'error',
    PORT: '0',
    // Writes need a staff key; a scratch admin key is made for this run only.
    BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
    RATE_LIMIT_KEYED: '0',
  },
  logger: ['error'],
};

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { samples: { type: 'string' } } });
  const samples = Number(values.samples ?? 30);
  await withHttpApp(SCRATCH_APP, (app) => measure(app, samples));
}

async function measure(app: INestApplication, samples: number): Promise<void> {
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${((app.getHttpServer() as Server).address() as AddressInfo).port}/graphql`;
  const gql = <T>(query: string, variables?: object) =>
    postGraphQL<T>(url, query, variables, ADMIN_KEY);
  type Hits = { searchExperts: { hits: { expert: { name: string } }[] } };
  const hits = async (name: string) =>
    (
      await gql<Hits>(
        `query($q: String) { searchExperts(input: { query: $q }) { hits { expert { name } } } }`,
        { q: name },
      )
    ).searchExperts.hits.filter((h) => h.expert.name === name).length;
  const waitFor = async (name: string, present: boolean) => {
    const started = performance.now();
    while ((await hits(name)) > 0 !== present) await new Promise((r) => setTimeout(r, 5));
    return performance.now() - started;
  };
  // Let the demo data reach the index first.
  await waitForOutboxDrained(url, 600_000, 100);
  type Orgs = { organisations: { edges: { node: { id: string } }[] } };
  const organisationId = (await gql<Orgs>('{ organisations(first: 1) { edges { node { id } } } }'))
    .organisations.edges[0]?.node.id;
  const created: number[] = [];
  const deleted: number[] = [];
  for (let i = 0; i < samples; i++) {
    const name = `Freshness Probe ${i} Zyxwv`;
    const started = performance.now();
    const { createExpert } = await gql<{ createExpert: { id: string } }>(
      `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`,
      {
        input: { name, email: `probe${i}@freshness.example`, organisationId },
      },
    );
    created.push(performance.now() - started + (await waitFor(name, true)));
    const removeStarted = performance.now();
    await gql(`mutation($id: ID!) { deleteExpert(id: $id) { id } }`, { id: createExpert.id });
    deleted.push(performance.now() - removeStarted + (await waitFor(name, false)));
  }
  process.stdout.write(
    `${describe('created → searchable', created)}\n${describe('deleted → gone', deleted)}\n`,
  );
}

function describe(label: string, values: number[]): string {
  const { n, p50, p95, max } = percentiles(values);
  return `${label}: n=${n} p50=${p50} ms p95=${p95} ms max=${max} ms`;
}

runCommand(main);
