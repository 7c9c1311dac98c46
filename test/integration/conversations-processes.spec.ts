import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { Meilisearch } from 'meilisearch';
import { SEARCH_INDEXES } from '../../src/search/indexes/search-indexes.js';
import {
  createScratchDatabase,
  dropScratchDatabase,
} from '../../tools/support/scratch-database.js';
import { type AppProcess, startAppProcess } from '../support/app-process.js';
import { createBasics, type GraphQLClient, must } from '../support/fixtures.js';
import { liveClient, subscribe } from '../support/live.js';
import { startSmtpCapture, type SmtpCapture, textOf } from '../support/smtp-capture.js';
import type { GraphQLResponse } from '../support/test-app.js';
import { postgresUrl } from '../support/test-database.js';
import { redisUnreachable, redisUrl, uniqueRedisPrefix } from '../support/test-redis.js';

/**
 * Issue 16, acceptance 3: two API processes (`dist/main.js`, started as a user would) on one
 * database and one Meilisearch; a member subscribed on one receives what is posted on the other,
 * both ways, with the unread counts. On PostgreSQL the events cross by LISTEN/NOTIFY; with
 * REDIS_URL set, by Redis pub/sub (even on PostgreSQL: Redis comes first when configured).
 * SQLite serves one process only, so these run under `npm run test:postgres`.
 */
const ADMIN_KEY = 'knr_processes-test-admin-key-0123456789ab';
const SEND = `mutation($c: ID!, $b: String!) { sendMessage(conversationId: $c, body: $b) { id seq body } }`;
const MESSAGE_ADDED = `subscription($c: ID!) { messageAdded(conversationId: $c) { id seq body author { id name } } }`;
const UNREAD_CHANGED = `subscription { unreadCountChanged { conversationId unreadCount unreadMessageCount } }`;

interface Message {
  id: string;
  seq: number;
  body: string;
  author: { id: string; name: string };
}
interface UnreadChange {
  conversationId: string;
  unreadCount: number;
  unreadMessageCount: number;
}

const onPostgres = postgresUrl() !== undefined;
const noRedis = onPostgres ? await redisUnreachable(redisUrl()) : 'not on PostgreSQL';
if (!onPostgres) {
  console.warn(
    'Skipping conversations across two API processes: PostgreSQL only (SQLite serves one process); run `npm run test:postgres`',
  );
} else if (noRedis) {
  console.warn(`Skipping conversations across processes over Redis: ${noRedis}`);
}

function client(app: AppProcess, token = ADMIN_KEY): GraphQLClient {
  return {
    async gql<T>(query: string, variables?: Record<string, unknown>) {
      const response = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<T>;
    },
  };
}

function acrossProcesses(bus: string, run: boolean, extraEnv: () => Record<string, string>) {
  (run ? describe : describe.skip)(`conversations across two API processes (${bus})`, () => {
    const adminUrl = postgresUrl() ?? '';
    const prefix = `proc${process.pid}_${Math.random().toString(36).slice(2, 8)}_`;
    let databaseUrl = '';
    let dataDir = '';
    let smtp: SmtpCapture;
    let a: AppProcess;
    let b: AppProcess;
    const clients: Client[] = [];
    let sam: { id: string; token: string };
    let mia: { id: string; token: string };
    let conversationId = '';

    /** Signs in through the real mail, sent by whichever process `app` is. */
    async function signIn(app: AppProcess, email: string) {
      const before = smtp.mails.length;
      await client(app).gql(`mutation($e: String!) { requestSignIn(email: $e) { message } }`, {
        e: email,
      });
      let token = '';
      for (let i = 0; i < 300 && !token; i++) {
        const mail = smtp.mails.slice(before).find((m) => m.to.includes(email));
        token = /ksi_[A-Za-z0-9_-]{43}/.exec(textOf(mail?.raw ?? ''))?.[0] ?? '';
        if (!token) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const done = await client(app).gql<{
        completeSignIn: { sessionToken: string; person: { id: string } };
      }>(`mutation($t: String!) { completeSignIn(token: $t) { sessionToken person { id } } }`, {
        t: token,
      });
      expect(done.errors).toBeUndefined();
      return {
        id: done.data?.completeSignIn.person.id ?? '',
        token: done.data?.completeSignIn.sessionToken ?? '',
      };
    }

    const live = (app: AppProcess, token: string) => {
      const c = liveClient(app.url.replace(/\/graphql$/, ''), token);
      clients.push(c);
      return c;
    };

    /** Resolves once `check` holds, polling; fails after `ms`. */
    async function until(check: () => boolean, what: string, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`${what} within ${ms} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'kenner-proc-'));
      databaseUrl = await createScratchDatabase('proc', adminUrl);
      smtp = await startSmtpCapture();
      const extra = extraEnv(); // once: both processes share it (a Redis prefix, say)
      const env = (name: string) => ({
        DATABASE_URL: databaseUrl,
        DATA_DIR: join(dataDir, name),
        MEILI_HOST: process.env.MEILI_HOST ?? '',
        MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY ?? '',
        MEILI_INDEX_PREFIX: prefix,
        SEED_DEMO: 'false',
        BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
        SMTP_URL: smtp.url,
        PUBLIC_URL: 'https://kenner.example',
        SIGN_IN_LIMIT_ADDRESS: '0',
        MESSAGE_LIMIT_PERSON: '0',
        // `log`, not less: startAppProcess waits for the "GraphQL ready" line.
        LOG_LEVEL: 'log',
        ...extra,
      });
      // One after the other: the first one migrates the empty database.
      a = await startAppProcess(env('a'));
      b = await startAppProcess(env('b'));
      const refs = await createBasics(client(a));
      const invite = (email: string, name: string, extra: Record<string, unknown>) =>
        must(
          client(b),
          `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { id } }`,
          'invitePerson',
          { input: { email, name, ...extra } },
        );
      await invite('sam@kenner.example', 'Sam Staff', { staffRole: 'STAFF' });
      await invite('mia@member.example', 'Mia Member', { organisationId: refs.org.id });
      sam = await signIn(a, 'sam@kenner.example');
      mia = await signIn(b, 'mia@member.example');
      const started = await client(a, sam.token).gql<{ startConversation: { id: string } }>(
        `mutation($p: [ID!]!) { startConversation(personIds: $p, subject: "Across processes", message: "Hello Mia") { id } }`,
        { p: [mia.id] },
      );
      expect(started.errors).toBeUndefined();
      conversationId = started.data?.startConversation.id ?? '';
    });

    afterAll(async () => {
      for (const c of clients) await c.dispose();
      await a?.stop();
      await b?.stop();
      await smtp?.close();
      const meili = new Meilisearch({
        host: process.env.MEILI_HOST ?? '',
        apiKey: process.env.MEILI_MASTER_KEY ?? '',
      });
      for (const name of Object.keys(SEARCH_INDEXES)) {
        await meili.deleteIndexIfExists(`${prefix}${name}`).catch(() => undefined);
      }
      if (databaseUrl) await dropScratchDatabase(databaseUrl, adminUrl);
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    /** `listener` subscribed on `on` receives what `writer` posts on `via`, and its counts. */
    async function crosses(
      on: AppProcess,
      listener: { id: string; token: string },
      via: AppProcess,
      writer: { id: string; token: string },
      writerName: string,
    ) {
      const socket = live(on, listener.token);
      const messages = subscribe<Message>(socket, MESSAGE_ADDED, { c: conversationId });
      const counts = subscribe<UnreadChange>(socket, UNREAD_CHANGED);
      // Both subscriptions listen once a probe posted on the other process reached each of them.
      const probes: Promise<unknown>[] = [];
      while (messages.values.length === 0 || counts.values.length === 0) {
        if (probes.length > 50) {
          const last = JSON.stringify(await probes.at(-1));
          throw new Error(`no probe crossed between the processes (last: ${last})\n${on.output()}`);
        }
        probes.push(client(via, writer.token).gql(SEND, { c: conversationId, b: 'probe' }));
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      await Promise.all(probes);
      // Read everything so far; the listener's count falls to 0 and is told so.
      const last = await client(on, listener.token).gql<{
        conversation: { messages: { edges: { node: { id: string } }[] } };
      }>(
        `query($c: ID!) { conversation(id: $c) { messages(last: 1) { edges { node { id } } } } }`,
        {
          c: conversationId,
        },
      );
      await must(
        client(on, listener.token),
        `mutation($c: ID!, $m: ID!) { markRead(conversationId: $c, upToMessageId: $m) { id } }`,
        'markRead',
        { c: conversationId, m: last.data?.conversation.messages.edges[0]?.node.id },
      );
      await until(() => counts.values.at(-1)?.unreadCount === 0, 'the read was not told');
      const countsBefore = counts.values.length;

      const body = `From ${writerName}, through the other process`;
      const sent = await must(client(via, writer.token), SEND, 'sendMessage', {
        c: conversationId,
        b: body,
      });
      await until(() => messages.values.some((m) => m.body === body), 'the message did not cross');
      expect(messages.values.find((m) => m.body === body)).toEqual({
        id: sent.id,
        seq: sent.seq,
        body,
        author: { id: writer.id, name: writerName },
      });
      expect(await counts.nth(countsBefore + 1, 10_000)).toEqual({
        conversationId,
        unreadCount: 1,
        unreadMessageCount: 1,
      });
      expect([...messages.errors, ...counts.errors]).toEqual([]);
    }

    it('a member subscribed on process A receives a message posted on process B, and her unread count', async () => {
      await crosses(a, mia, b, sam, 'Sam Staff');
    });

    it('and the reverse: staff subscribed on B receive what the member posts on A', async () => {
      await crosses(b, sam, a, mia, 'Mia Member');
    });
  });
}

acrossProcesses('PostgreSQL LISTEN/NOTIFY', onPostgres, () => ({}));
acrossProcesses('Redis pub/sub', onPostgres && !noRedis, () => ({
  REDIS_URL: redisUrl(),
  REDIS_KEY_PREFIX: uniqueRedisPrefix(),
}));
