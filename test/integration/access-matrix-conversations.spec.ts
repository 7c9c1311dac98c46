import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import request from 'supertest';
import { ConversationEvents } from '../../src/conversations/conversation-events.js';
import { createBasics, must } from '../support/fixtures.js';
import {
  INQUIRY_CONVERSATION,
  INTRODUCE,
  lastMailTo,
  linkToken,
  matchedInquiry,
} from '../support/inquiry-conversations.js';
import { liveClient, type Received, subscribe } from '../support/live.js';
import { signedInPerson } from '../support/people.js';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Stranger = 'nonParticipant' | 'otherCluster' | 'anonymous' | 'otherGuest' | 'revokedGuest';
const STRANGERS: Stranger[] = [
  'nonParticipant',
  'otherCluster',
  'anonymous',
  'otherGuest',
  'revokedGuest',
];
const SECRET = 'The sample arrives on Tuesday';

/** What each stranger is told on HTTP: as for an unknown id, or "who are you". */
const CODES: Record<Stranger, { read: string; write: string }> = {
  nonParticipant: { read: 'NOT_FOUND', write: 'NOT_FOUND' },
  otherCluster: { read: 'NOT_FOUND', write: 'NOT_FOUND' },
  anonymous: { read: 'NOT_FOUND', write: 'UNAUTHENTICATED' },
  otherGuest: { read: 'NOT_FOUND', write: 'NOT_FOUND' },
  revokedGuest: { read: 'UNAUTHENTICATED', write: 'UNAUTHENTICATED' },
};

/**
 * Issue 16, acceptance 5 (conversation rows): a person who does not take part (of the same
 * cluster or another), an anonymous caller, the guest link of another conversation and a revoked
 * guest link see nothing of an inquiry's conversation on any way in: the query with its
 * messages, sending, marking read, and the live subscription.
 */
describe('who sees what: conversations', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  const clients: Client[] = [];
  const token: Partial<Record<Stranger, string | null>> = {};
  let staff: { id: string; token: string };
  let erik: { id: string; token: string };
  let conversationId: string;
  let messageId: string;

  const live = (secret?: string | null) => {
    const client = liveClient(t.url ?? '', secret ?? undefined);
    clients.push(client);
    return client;
  };

  /** Opens an inquiry's conversation with Erik; answers its id and the requester's link. */
  async function inquiryConversation(requester: { name: string; email: string }, expertId: string) {
    const reference = await matchedInquiry(t, requester);
    const res = await t.gql(
      INTRODUCE,
      { i: reference, e: [expertId], m: `Welcome, ${requester.name}` },
      staff.token,
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const inquiry = (await t.gql(INQUIRY_CONVERSATION, { i: reference })).data?.inquiry;
    return {
      id: inquiry.conversation.id as string,
      link: linkToken(await lastMailTo(t, smtp, requester.email)),
    };
  }

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await startTestApp({
      listen: true,
      env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://kenner.example' },
    });
    const refs = await createBasics(t);
    const other = await must(
      t,
      `mutation { createCluster(input: { name: "Other cluster", slug: "other-cluster" }) { id } }`,
      'createCluster',
    );
    const orgB = await must(
      t,
      `mutation($c: ID!) { createOrganisation(input: { name: "Lab B", type: COMPANY, country: "fr", clusterIds: [$c] }) { id } }`,
      'createOrganisation',
      { c: other.id },
    );
    staff = await signedInPerson(t, {
      email: 'sam@staff.example',
      name: 'Sam Staff',
      staffRole: 'STAFF',
    });
    const expert = await must(
      t,
      `mutation($o: ID!) { createExpert(input: { name: "Erik Expert", email: "erik@lab.example", organisationId: $o }) { id } }`,
      'createExpert',
      { o: refs.org.id },
    );
    erik = await signedInPerson(t, {
      email: 'erik@lab.example',
      name: 'Erik Expert',
      expertId: expert.id,
    });
    token.nonParticipant = (
      await signedInPerson(t, {
        email: 'ann@member.example',
        name: 'Ann A',
        organisationId: refs.org.id,
      })
    ).token;
    token.otherCluster = (
      await signedInPerson(t, { email: 'bob@b.example', name: 'Bob B', organisationId: orgB.id })
    ).token;
    token.anonymous = null;
    const first = await inquiryConversation(
      { name: 'Rita Requester', email: 'rita@acme.example' },
      expert.id,
    );
    const second = await inquiryConversation(
      { name: 'Gus Guest', email: 'gus@other.example' },
      expert.id,
    );
    conversationId = first.id;
    token.otherGuest = second.link;
    token.revokedGuest = first.link;
    const sent = await t.gql(
      `mutation($c: ID!, $b: String!) { sendMessage(conversationId: $c, body: $b) { id } }`,
      { c: conversationId, b: SECRET },
      erik.token,
    );
    messageId = sent.data?.sendMessage.id;
    // The requester's own link worked until staff revoked it.
    const before = await t.gql(
      `query($c: ID!) { conversation(id: $c) { id } }`,
      { c: conversationId },
      first.link,
    );
    expect(before.data?.conversation.id).toBe(conversationId);
    await must(
      t,
      `mutation($c: ID!) { revokeConversationLink(conversationId: $c) { id } }`,
      'revokeConversationLink',
      { c: conversationId },
    );
  });

  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await t.close();
    await smtp.close();
  });

  describe.each(STRANGERS)('%s', (who) => {
    it('reads nothing of the conversation or its messages', async () => {
      const res = await t.gql(
        `query($c: ID!) { conversation(id: $c) { id subject participants { person { name } } messages(last: 10) { edges { node { body } } } } }`,
        { c: conversationId },
        token[who] ?? null,
      );
      expect(res.data?.conversation ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe(CODES[who].read);
      expect(JSON.stringify(res)).not.toContain(SECRET);
      expect(JSON.stringify(res)).not.toContain('Rita');
    });

    it('cannot send, nor mark read, and nothing is stored', async () => {
      const [before] = await t.db.query<{ n: number | string }[]>(
        'SELECT COUNT(*) AS n FROM messages',
      );
      const pointers = await t.db.query('SELECT "lastReadSeq" FROM conversation_participants');
      const send = await t.gql(
        `mutation($c: ID!) { sendMessage(conversationId: $c, body: "Let me in") { id } }`,
        { c: conversationId },
        token[who] ?? null,
      );
      expect(send.errors?.[0]?.extensions?.code).toBe(CODES[who].write);
      const mark = await t.gql(
        `mutation($c: ID!, $m: ID!) { markRead(conversationId: $c, upToMessageId: $m) { unreadCount } }`,
        { c: conversationId, m: messageId },
        token[who] ?? null,
      );
      expect(mark.errors?.[0]?.extensions?.code).toBe(CODES[who].write);
      const [after] = await t.db.query<{ n: number | string }[]>(
        'SELECT COUNT(*) AS n FROM messages',
      );
      expect(Number(after?.n)).toBe(Number(before?.n));
      expect(await t.db.query('SELECT "lastReadSeq" FROM conversation_participants')).toEqual(
        pointers,
      );
    });

    if (who === 'nonParticipant' || who === 'otherCluster') {
      it('finds no trace of it in its own conversations', async () => {
        const res = await t.gql(
          `{ myConversations(first: 50) { totalCount edges { node { id } } } unreadMessageCount }`,
          {},
          token[who],
        );
        expect(res.data?.myConversations.totalCount).toBe(0);
        expect(res.data?.unreadMessageCount).toBe(0);
      });
    }
  });

  it('delivers none of its messages live to any stranger, on HTTP status or socket', async () => {
    const events = t.app.get(ConversationEvents);
    const erikSees = subscribe<{ body: string }>(
      live(erik.token),
      `subscription($c: ID!) { messageAdded(conversationId: $c) { body } }`,
      { c: conversationId },
    );
    const feeds = new Map<Stranger, Received<{ body: string }>>();
    for (const who of STRANGERS) {
      feeds.set(
        who,
        subscribe(
          live(token[who]),
          `subscription($c: ID!) { messageAdded(conversationId: $c) { body } }`,
          { c: conversationId },
        ),
      );
    }
    const deadline = Date.now() + 5000;
    while (events.listeners < 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // On PostgreSQL the first subscription opens the LISTEN connection; a NOTIFY sent before it
    // is up is missed by design (live views catch up on their next query).
    await events.ready();
    for (const feed of feeds.values()) await feed.ended(5000);
    await t.gql(
      `mutation($c: ID!, $b: String!) { sendMessage(conversationId: $c, body: $b) { id } }`,
      { c: conversationId, b: 'Live only for participants' },
      staff.token,
    );
    expect((await erikSees.nth(1, 5000)).body).toBe('Live only for participants');
    for (const [who, feed] of feeds) {
      expect([who, feed.values, feed.errors.length > 0]).toEqual([who, [], true]);
    }
    // Only the expert's own subscription is open.
    expect(events.listeners).toBe(1);
    erikSees.stop();
  });

  it('answers a revoked link with 401 on HTTP, not 200', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${token.revokedGuest}`)
      .send({ query: '{ __typename }' });
    expect(res.status).toBe(401);
  });
});
