import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Meilisearch, type Task } from 'meilisearch';
import pg from 'pg';
import { EXPERTS_INDEX } from '../../src/search/indexes/experts.index.js';
import {
  createScratchDatabase,
  dropScratchDatabase,
} from '../../tools/support/scratch-database.js';
import { SEARCH_INDEXES } from '../../src/search/indexes/search-indexes.js';
import { type AppProcess, startAppProcess } from '../support/app-process.js';
import { createBasics, type GraphQLClient, must } from '../support/fixtures.js';
import type { GraphQLResponse } from '../support/test-app.js';
import { postgresUrl } from '../support/test-database.js';

const CREATE = `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateExpertInput!) { updateExpert(id: $id, input: $input) { id } }`;
const DELETE = `mutation($id: ID!) { deleteExpert(id: $id) { id } }`;
/** Registered by the first process; the second finds an admin already there and keeps it. */
const ADMIN_KEY = 'knr_concurrency-test-admin-key-0123456789';
const DOCUMENT_WRITES: Task['type'][] = ['documentAdditionOrUpdate', 'documentDeletion'];

/**
 * Acceptance: several API processes on one PostgreSQL never send the same index concurrently,
 * and every document ends in its last committed state. Two real `dist/main.js` processes share a
 * database of their own (advisory locks are per database) and one index prefix; each reaches
 * Meilisearch through a small proxy of this file, so every task can be traced to its sender.
 */
const describeOnPostgres = postgresUrl() ? describe : describe.skip;

describeOnPostgres(
  'search sync across API processes (PostgreSQL only: the sender lock is a PostgreSQL advisory lock)',
  () => {
    const meili = new Meilisearch({
      host: process.env.MEILI_HOST ?? '',
      apiKey: process.env.MEILI_MASTER_KEY ?? '',
    });
    const prefix = `conc${process.pid}_${Math.random().toString(36).slice(2, 8)}_`;
    const indexUid = `${prefix}${EXPERTS_INDEX}`;
    let dataDir = '';
    const adminUrl = postgresUrl() ?? '';
    let databaseUrl = '';
    const processes: AppProcess[] = [];
    const proxies: MeiliProxy[] = [];
    let db: pg.Client | undefined;

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'kenner-conc-'));
      databaseUrl = await createScratchDatabase('conc', adminUrl);
      db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
      for (const name of ['a', 'b']) {
        const proxy = await startMeiliProxy(process.env.MEILI_HOST ?? '', indexUid);
        proxies.push(proxy);
        // One after the other: the first one migrates the empty database.
        processes.push(
          await startAppProcess({
            DATABASE_URL: databaseUrl,
            DATA_DIR: join(dataDir, name),
            MEILI_HOST: proxy.url,
            MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY ?? '',
            MEILI_INDEX_PREFIX: prefix,
            SEED_DEMO: 'false',
            BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
            // `log`, not less: startAppProcess waits for the "GraphQL ready" line.
            LOG_LEVEL: 'log',
          }),
        );
      }
    });

    afterAll(async () => {
      for (const app of processes) await app.stop();
      await db?.end();
      for (const proxy of proxies) await proxy.close();
      for (const name of Object.keys(SEARCH_INDEXES)) {
        await meili.deleteIndexIfExists(`${prefix}${name}`).catch(() => undefined);
      }
      if (databaseUrl) await dropScratchDatabase(databaseUrl, adminUrl);
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    const sql = async <T>(text: string): Promise<T[]> =>
      ((await db?.query(text))?.rows ?? []) as T[];
    /** Parked rows count too: none may be left. */
    const outboxEmpty = async () =>
      Number((await sql<{ n: string }>('SELECT COUNT(*) AS n FROM search_outbox'))[0]?.n) === 0;

    it('serialises the senders of both processes and ends with the last committed state', async () => {
      const [a, b] = processes.map(graphQLClient) as [GraphQLClient, GraphQLClient];
      const via = (i: number) => (i % 2 === 0 ? a : b);
      const refs = await createBasics(a);
      let created = 0;
      const create = (i: number) =>
        must(via(i), CREATE, 'createExpert', {
          input: {
            name: `Expert ${created} v0`,
            email: `expert${created++}@lab.example`,
            organisationId: refs.org.id,
            skills: [{ technologyId: refs.xrd.id, level: 'EXPERT' }],
          },
        }).then((e: { id: string }) => e.id);

      const alive: string[] = await Promise.all(Array.from({ length: 30 }, (_, i) => create(i)));
      const deleted: string[] = [];
      // 20 rounds of 10 updates in parallel: each round renames 5 experts twice, once through
      // each process, so the two writes of one expert race. Every third round also deletes two
      // experts (updated in earlier rounds), and others create two, which later rounds update.
      // Between rounds the outbox drains and the relays go idle, then a pause spread over one
      // relay poll period varies which process wins the lock for the next round.
      let version = 0;
      for (let round = 0; round < 20; round++) {
        const doomed = round % 3 === 2 ? alive.splice(round % alive.length, 2) : [];
        const targets = Array.from(
          { length: 5 },
          (_, k) => alive[(round * 7 + k) % alive.length] as string,
        );
        const writes: Promise<unknown>[] = targets.flatMap((id, k) =>
          [0, 1].map((side) =>
            must(via(k + side), UPDATE, 'updateExpert', {
              id,
              input: { name: `Expert ${id.slice(-6)} v${++version}`, jobTitle: `round ${round}` },
            }),
          ),
        );
        writes.push(...doomed.map((id, k) => must(via(k), DELETE, 'deleteExpert', { id })));
        deleted.push(...doomed);
        const born = round % 3 === 1 ? [create(0), create(1)] : [];
        await Promise.all(writes);
        alive.push(...(await Promise.all(born)));
        await eventually(outboxEmpty);
        await new Promise((resolve) => setTimeout(resolve, (round * 37) % 100));
      }
      expect(version).toBe(200);

      // Every outbox row settled (none parked), and Meilisearch done with what it was sent.
      await eventually(outboxEmpty);
      await eventually(async () => {
        const busy = await meili.tasks.getTasks({
          indexUids: [indexUid],
          statuses: ['enqueued', 'processing'],
        });
        return busy.total === 0;
      });

      // The index holds exactly what the database holds now.
      const rows = await sql<{ id: string; name: string; jobTitle: string | null }>(
        'SELECT id, name, "jobTitle" FROM experts ORDER BY id',
      );
      const indexed = await meili
        .index(indexUid)
        .getDocuments<{ id: string; name: string; jobTitle: string }>({
          fields: ['id', 'name', 'jobTitle'],
          limit: 10_000,
        });
      const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1);
      expect(
        indexed.results.map(({ id, name, jobTitle }) => ({ id, name, jobTitle })).sort(byId),
      ).toEqual(rows);
      // …which is what the writes left: the survivors, renamed by the races.
      expect(rows.map((r) => r.id)).toEqual(alive.map(uuidOf).sort());
      expect(rows.filter((r) => deleted.map(uuidOf).includes(r.id))).toEqual([]);
      expect(rows.filter((r) => !r.name.endsWith(' v0')).length).toBeGreaterThan(20);

      // Never concurrently: in enqueue order, each document task of the index was enqueued only
      // after the previous one had finished — including where the sender changes process.
      const tasks = await allTasks(meili, indexUid);
      const [fromA, fromB] = proxies.map((p) => p.taskUids) as [number[], number[]];
      expect(tasks.length).toBeGreaterThan(1);
      expect(tasks.filter((t) => t.status !== 'succeeded')).toEqual([]);
      const overlaps = tasks
        .slice(1)
        .map((task, i) => ({ previous: tasks[i] as Task, task }))
        .filter(({ previous, task }) => instant(task.enqueuedAt) < instant(previous.finishedAt))
        .map(({ previous, task }) => ({
          previous: `${previous.uid} by ${senderOf(previous.uid)}, finished ${previous.finishedAt}`,
          next: `${task.uid} by ${senderOf(task.uid)}, enqueued ${task.enqueuedAt}`,
        }));
      expect(overlaps).toEqual([]);

      // Both processes really sent, and every task came from one of them.
      expect([...fromA, ...fromB].sort((x, y) => x - y)).toEqual(tasks.map((t) => t.uid));
      expect(fromA.length).toBeGreaterThan(0);
      expect(fromB.length).toBeGreaterThan(0);

      function senderOf(uid: number): string {
        if (fromA.includes(uid)) return 'a';
        return fromB.includes(uid) ? 'b' : '?';
      }
    });
  },
);

function graphQLClient(app: AppProcess): GraphQLClient {
  return {
    async gql<T>(query: string, variables?: Record<string, unknown>) {
      const response = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<T>;
    },
  };
}

/** Every document task of the index, oldest first (the API pages newest first). */
async function allTasks(meili: Meilisearch, indexUid: string): Promise<Task[]> {
  const tasks: Task[] = [];
  let from: number | null = null;
  do {
    const page = await meili.tasks.getTasks({
      indexUids: [indexUid],
      types: DOCUMENT_WRITES,
      limit: 1000,
      from,
    });
    tasks.push(...page.results);
    from = page.next;
  } while (from !== null);
  return tasks.sort((x, y) => x.uid - y.uid);
}

/** A Meilisearch timestamp (RFC 3339, up to nanoseconds) in nanoseconds, to compare exactly. */
function instant(timestamp: string | null): bigint {
  const parts = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(timestamp ?? '');
  if (!parts?.[1]) throw new Error(`not a finished task's timestamp: ${timestamp}`);
  const seconds = BigInt(Date.parse(`${parts[1]}Z`) / 1000);
  return seconds * 1_000_000_000n + BigInt((parts[2] ?? '').padEnd(9, '0'));
}

const uuidOf = (globalId: string): string =>
  Buffer.from(globalId, 'base64url').toString().split(':')[1] as string;

interface MeiliProxy {
  url: string;
  /** Uids of the document tasks (additions, deletions) this process enqueued on the index. */
  taskUids: number[];
  close(): Promise<void>;
}

/** Forwards one process's Meilisearch traffic and notes the document tasks it enqueues. */
async function startMeiliProxy(target: string, indexUid: string): Promise<MeiliProxy> {
  const taskUids: number[] = [];
  const documentWrite = new RegExp(`^/indexes/${indexUid}/documents(/delete-batch)?(\\?|$)`);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const name of ['authorization', 'content-type']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      fetch(new URL(req.url ?? '/', target), { method: req.method, headers, body })
        .then(async (upstream) => {
          const answer = Buffer.from(await upstream.arrayBuffer());
          if (req.method === 'POST' && documentWrite.test(req.url ?? '') && upstream.ok) {
            taskUids.push((JSON.parse(answer.toString()) as { taskUid: number }).taskUid);
          }
          res.writeHead(upstream.status, {
            'content-type': upstream.headers.get('content-type') ?? 'application/json',
          });
          res.end(answer);
        })
        .catch((error: Error) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(error.message);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    taskUids,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
