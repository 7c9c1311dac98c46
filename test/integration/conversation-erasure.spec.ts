import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Clock } from '../../src/common/time/clock.js';
import { MessageDigests } from '../../src/conversations/message-digests.service.js';
import { ParticipantEntity } from '../../src/conversations/participant.entity.js';
import { createBasics, must } from '../support/fixtures.js';
import { signedInPerson } from '../support/people.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Erasing an expert (issue 16: "erasure of a person removes or pseudonymises their messages")
 * empties the messages their person wrote to deleted placeholders, revisions included, removes
 * them from their conversations, and drops the digest mails queued to them; the others keep their
 * messages and their thread. Mails stay queued: the mail server is down.
 */
const SECRET = 'Quixotic-residual-stress-recipe';
const DRAFT = 'Draft-wording-before-my-edit';
const SEND = `mutation($c: ID!, $b: String!) { sendMessage(conversationId: $c, body: $b) { id } }`;
const THREAD = `query($c: ID!) { conversation(id: $c) { participants { person { id name } }
  messages(last: 10) { edges { node { seq body deleted author { id name } } } } unreadCount } }`;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 1;
}

describe('erasure of a person in conversations (issue 16)', () => {
  let t: TestApp;
  let expertId: string;
  let erin: { id: string; token: string };
  let mia: { id: string; token: string };
  let conversationId: string;

  const outbox = () =>
    t.db.query<{ recipient: string; body: string; kind: string }[]>(
      'SELECT recipient, body, kind FROM notification_outbox',
    );

  beforeAll(async () => {
    t = await startTestApp({
      env: { SMTP_URL: `smtp://127.0.0.1:${await closedPort()}`, PUBLIC_URL: 'https://k.example' },
    });
    const refs = await createBasics(t);
    expertId = (
      await must(
        t,
        `mutation($o: ID!) { createExpert(input: { name: "Erin Erasable", email: "erin@lab.example", organisationId: $o }) { id } }`,
        'createExpert',
        { o: refs.org.id },
      )
    ).id;
    erin = await signedInPerson(t, {
      email: 'erin@lab.example',
      name: 'Erin Erasable',
      expertId,
    });
    mia = await signedInPerson(t, {
      email: 'mia@member.example',
      name: 'Mia Member',
      organisationId: refs.org.id,
    });
    const sam = await signedInPerson(t, {
      email: 'sam@kenner.example',
      name: 'Sam Staff',
      staffRole: 'STAFF',
    });
    const started = await t.gql(
      `mutation($p: [ID!]!) { startConversation(personIds: $p, subject: "Weld samples", message: "Welcome both") { id } }`,
      { p: [erin.id, mia.id] },
      sam.token,
    );
    expect(started.errors).toBeUndefined();
    conversationId = started.data?.startConversation.id;
    const draft = await t.gql(SEND, { c: conversationId, b: DRAFT }, erin.token);
    const edited = await t.gql(
      `mutation($id: ID!, $b: String!) { editMessage(id: $id, body: $b) { id } }`,
      { id: draft.data?.sendMessage.id, b: `Use the ${SECRET}.` },
      erin.token,
    );
    expect(edited.errors).toBeUndefined();
    expect((await t.gql(SEND, { c: conversationId, b: 'Thanks Erin!' }, mia.token)).errors).toBe(
      undefined,
    );
    // Digests queued, not sent (the mail server is down): to Erin and to Sam (Mia read all).
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 60 * 60_000));
    expect(await t.app.get(MessageDigests).drain()).toBe(2);
    jest.restoreAllMocks();
  });

  afterAll(() => t.close());

  it('holds the person’s messages, revision and digest before the erasure', async () => {
    const rows = JSON.stringify(await t.db.query('SELECT * FROM messages'));
    expect(rows).toContain(SECRET);
    expect(JSON.stringify(await t.db.query('SELECT * FROM message_revisions'))).toContain(DRAFT);
    expect((await outbox()).map((m) => m.recipient).sort()).toEqual([
      'erin@lab.example',
      'sam@kenner.example',
    ]);
  });

  it('empties their messages to placeholders, removes them from the conversation and drops their queued digest', async () => {
    const erased = await must(
      t,
      `mutation($id: ID!) { eraseExpert(id: $id) { people messages } }`,
      'eraseExpert',
      { id: expertId },
    );
    expect(erased).toEqual({ people: 1, messages: 1 });

    const thread = await t.gql(THREAD, { c: conversationId }, mia.token);
    expect(thread.errors).toBeUndefined();
    const { participants, messages } = thread.data?.conversation ?? {};
    expect(participants.map((p: { person: { name: string } }) => p.person.name).sort()).toEqual([
      'Mia Member',
      'Sam Staff',
    ]);
    expect(messages.edges.map((e: { node: unknown }) => e.node)).toEqual([
      {
        seq: 1,
        body: 'Welcome both',
        deleted: false,
        author: expect.objectContaining({ name: 'Sam Staff' }),
      },
      { seq: 2, body: null, deleted: true, author: null },
      { seq: 3, body: 'Thanks Erin!', deleted: false, author: { id: mia.id, name: 'Mia Member' } },
    ]);
    // Nothing of theirs in the tables; Sam's queued digest names the conversation, not them.
    expect(JSON.stringify(await t.db.query('SELECT * FROM messages'))).not.toContain(SECRET);
    expect(await t.db.query('SELECT * FROM message_revisions')).toEqual([]);
    expect(await t.db.getRepository(ParticipantEntity).countBy({ personId: erin.id })).toBe(0);
    const queued = await outbox();
    expect(queued.map((m) => m.recipient)).toEqual(['sam@kenner.example']);
    expect(queued[0]?.body).toContain('Weld samples');
    expect(queued[0]?.body).not.toContain('Erin');
  });

  it('leaves no byte of their messages in the SQLite files', () => {
    if (t.database.kind !== 'sqlite') return;
    const main = t.database.overrides.sqlitePath as string;
    for (const file of [main, `${main}-wal`].filter((f) => existsSync(f))) {
      const bytes = readFileSync(file);
      for (const text of [SECRET, DRAFT])
        expect([file, text, bytes.includes(Buffer.from(text))]).toEqual([file, text, false]);
    }
  });
});
