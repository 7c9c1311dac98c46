import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import request from 'supertest';
import { ConversationEvents } from '../../src/conversations/conversation-events.js';
import { ConversationGuestEntity } from '../../src/conversations/conversation-guest.entity.js';
import { PersonalDataOfConversations } from '../../src/conversations/personal-data-of-conversations.js';
import { InquiryEntity } from '../../src/inquiries/inquiry.entity.js';
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

const RITA = { name: 'Rita Requester', email: 'rita@acme.example' };
const READ = `query($id: ID!) { conversation(id: $id) { id kind unreadCount
  participants { role person { id name } }
  messages(last: 50) { edges { node { id seq body author { id name } } } } } }`;
const SEND = `mutation($c: ID!, $b: String!) { sendMessage(conversationId: $c, body: $b) { id seq body author { id name } } }`;
const MARK_READ = `mutation($c: ID!, $m: ID!) { markRead(conversationId: $c, upToMessageId: $m) { id unreadCount } }`;
const MESSAGE_ADDED = `subscription($c: ID!) { messageAdded(conversationId: $c) { id body author { id name } } }`;

interface Message {
  id: string;
  body: string;
  author: { id: string; name: string } | null;
}

/** Issue 16, acceptance 2: the requester of an inquiry takes part by a mailed link, until revoked. */
describe('conversations: an inquiry introduction with the requester as a guest', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  const clients: Client[] = [];
  let staff: { id: string; token: string };
  let erik: { expertId: string; person: { id: string; token: string } };
  let olga: { expertId: string; person: { id: string; token: string } };
  let noraExpertId: string;
  let reference: string;
  let conversationId: string;
  let guestToken: string;
  let guestId: string;

  const live = (token?: string) => {
    const client = liveClient(t.url ?? '', token);
    clients.push(client);
    return client;
  };

  /** Waits until the server holds one more subscription: events reach it from now on. */
  async function listening<T>(start: () => Received<T>): Promise<Received<T>> {
    const events = t.app.get(ConversationEvents);
    const before = events.listeners;
    const received = start();
    const deadline = Date.now() + 5000;
    while (events.listeners < before + 1 && !received.completed) {
      if (Date.now() > deadline) throw new Error('the subscription did not start');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await events.ready();
    return received;
  }

  const expertWithAccount = async (name: string, email: string, orgId: string) => {
    const expert = await must(
      t,
      `mutation($o: ID!) { createExpert(input: { name: "${name}", email: "${email}", organisationId: $o }) { id } }`,
      'createExpert',
      { o: orgId },
    );
    const raw =
      Buffer.from(expert.id as string, 'base64url')
        .toString()
        .split(':')[1] ?? '';
    const person = await signedInPerson(t, { email, name, expertId: expert.id as string });
    return { expertId: expert.id as string, raw, person };
  };

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await startTestApp({
      listen: true,
      env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://kenner.example' },
    });
    const refs = await createBasics(t);
    staff = await signedInPerson(t, {
      email: 'sam@staff.example',
      name: 'Sam Staff',
      staffRole: 'STAFF',
    });
    erik = await expertWithAccount('Erik Expert', 'erik@lab.example', refs.org.id);
    olga = await expertWithAccount('Olga Optics', 'olga@lab.example', refs.org.id);
    noraExpertId = (
      await must(
        t,
        `mutation($o: ID!) { createExpert(input: { name: "Nora Noaccount", email: "nora@lab.example", organisationId: $o }) { id } }`,
        'createExpert',
        { o: refs.org.id },
      )
    ).id;
    reference = await matchedInquiry(t, RITA);
  });

  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await t.close();
    await smtp.close();
  });

  it('refuses a conversation to a staff key and to experts without an account, storing nothing', async () => {
    const byKey = await t.gql(INTRODUCE, { i: reference, e: [erik.expertId], m: 'Hello' });
    expect(byKey.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'message' });
    const withNora = await t.gql(
      INTRODUCE,
      { i: reference, e: [erik.expertId, noraExpertId], m: 'Hello' },
      staff.token,
    );
    expect(withNora.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'expertIds',
    });
    expect(withNora.errors?.[0]?.message).toContain('Nora Noaccount');
    const [row] = await t.db.query<{ n: number | string }[]>(
      'SELECT COUNT(*) AS n FROM conversations',
    );
    expect(Number(row?.n)).toBe(0);
    const inquiry = (await t.gql(INQUIRY_CONVERSATION, { i: reference })).data?.inquiry;
    expect(inquiry).toEqual({ status: 'MATCHED', conversation: null });
  });

  it('opens one INQUIRY conversation and mails the requester a personal link, and the expert no address', async () => {
    const res = await t.gql(
      INTRODUCE,
      { i: reference, e: [erik.expertId], m: 'Rita, meet Erik: he measures residual stress.' },
      staff.token,
    );
    expect(res.errors).toBeUndefined();
    const inquiry = (await t.gql(INQUIRY_CONVERSATION, { i: reference })).data?.inquiry;
    expect(inquiry.status).toBe('INTRODUCED');
    expect(inquiry.conversation.kind).toBe('INQUIRY');
    expect(inquiry.conversation.guestLink).toMatchObject({ name: RITA.name, active: true });
    const roles = inquiry.conversation.participants.map(
      (p: { role: string; person: { name: string } }) => `${p.role} ${p.person.name}`,
    );
    expect(roles.sort()).toEqual(['EXPERT Erik Expert', 'GUEST Rita Requester', 'STAFF Sam Staff']);
    conversationId = inquiry.conversation.id;
    guestId = inquiry.conversation.participants.find((p: { role: string }) => p.role === 'GUEST')
      .person.id;

    const mail = await lastMailTo(t, smtp, RITA.email);
    guestToken = linkToken(mail);
    expect(guestToken).not.toBe('');
    expect(mail).toContain(
      `https://kenner.example/conversations/${conversationId}#link=${guestToken}`,
    );
    expect(mail).toContain('Erik Expert');
    expect(mail).not.toContain('erik@lab.example');
    const toErik = await lastMailTo(t, smtp, 'erik@lab.example');
    expect(toErik).toContain('Rita Requester');
    expect(toErik).not.toContain(RITA.email);
    // Only the hash is stored.
    const stored = JSON.stringify(await t.db.query('SELECT * FROM conversation_guests'));
    expect(stored).not.toContain(guestToken.slice(4));
  });

  it('lets the requester read and answer without an account; the expert sees the answer live, and never her address', async () => {
    const read = await t.gql(READ, { id: conversationId }, guestToken);
    expect(read.errors).toBeUndefined();
    const conversation = read.data?.conversation;
    expect(conversation.unreadCount).toBe(1);
    expect(conversation.messages.edges[0].node.body).toContain('meet Erik');

    const erikSees = await listening(() =>
      subscribe<Message>(live(erik.person.token), MESSAGE_ADDED, { c: conversationId }),
    );
    const sent = await t.gql(
      SEND,
      { c: conversationId, b: 'Thank you! When can we start?' },
      guestToken,
    );
    expect(sent.errors).toBeUndefined();
    expect(sent.data?.sendMessage.author).toEqual({ id: guestId, name: RITA.name });
    const arrived = await erikSees.nth(1);
    expect(arrived).toMatchObject({
      body: 'Thank you! When can we start?',
      author: { name: RITA.name },
    });

    const asErik = await t.gql(READ, { id: conversationId }, erik.person.token);
    expect(JSON.stringify(asErik)).not.toContain('acme.example');
    expect(asErik.data?.conversation.unreadCount).toBeGreaterThan(0);

    const marked = await t.gql(
      MARK_READ,
      { c: conversationId, m: conversation.messages.edges[0].node.id },
      guestToken,
    );
    expect(marked.data?.markRead.unreadCount).toBe(0);

    // The guest hears the expert live too.
    const ritaSees = await listening(() =>
      subscribe<Message>(live(guestToken), MESSAGE_ADDED, { c: conversationId }),
    );
    await t.gql(SEND, { c: conversationId, b: 'Next week suits me.' }, erik.person.token);
    expect((await ritaSees.nth(1)).body).toBe('Next week suits me.');
    ritaSees.stop();
    erikSees.stop();
  });

  it('gives the guest nothing else: no account, no lists, no other conversation, no staff or member rights', async () => {
    const me = await t.gql(`{ me { email } }`, {}, guestToken);
    expect(me.data?.me ?? null).toBeNull();
    const mine = await t.gql(`{ myConversations(first: 5) { totalCount } }`, {}, guestToken);
    expect(mine.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await t.gql(
      `mutation($p: [ID!]!) { startConversation(personIds: $p, subject: "x", message: "y") { id } }`,
      { p: [erik.person.id] },
      guestToken,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const inquiries = await t.gql(`{ inquiries(first: 1) { totalCount } }`, {}, guestToken);
    expect(inquiries.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const mute = await t.gql(
      `mutation($c: ID!) { muteConversation(id: $c, muted: true) { id } }`,
      { c: conversationId },
      guestToken,
    );
    expect(mute.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('adds experts to the same conversation when staff introduce again', async () => {
    const res = await t.gql(
      INTRODUCE,
      { i: reference, e: [olga.expertId], m: 'Olga joins for the optics.' },
      staff.token,
    );
    expect(res.errors).toBeUndefined();
    const inquiry = (await t.gql(INQUIRY_CONVERSATION, { i: reference })).data?.inquiry;
    expect(inquiry.conversation.id).toBe(conversationId);
    expect(
      inquiry.conversation.participants.map((p: { person: { name: string } }) => p.person.name),
    ).toContain('Olga Optics');
    const [row] = await t.db.query<{ n: number | string }[]>(
      'SELECT COUNT(*) AS n FROM conversations',
    );
    expect(Number(row?.n)).toBe(1);
    const withoutMessage = await t.gql(
      INTRODUCE,
      { i: reference, e: [olga.expertId] },
      staff.token,
    );
    expect(withoutMessage.errors?.[0]?.extensions).toMatchObject({ field: 'message' });
  });

  it('refuses hostile messages of an introduction, naming the field, and stores nothing', async () => {
    const [before] = await t.db.query<{ n: number | string }[]>(
      'SELECT COUNT(*) AS n FROM messages',
    );
    for (const m of ['x'.repeat(4001), 'bad \ud800 surrogate', 'nul \u0000 byte', '   ']) {
      const res = await t.gql(INTRODUCE, { i: reference, e: [olga.expertId], m }, staff.token);
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'message',
      });
    }
    const huge = await t.gql(
      INTRODUCE,
      { i: reference, e: Array.from({ length: 21 }, () => olga.expertId), m: 'Hi' },
      staff.token,
    );
    expect(huge.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'expertIds',
    });
    const [after] = await t.db.query<{ n: number | string }[]>(
      'SELECT COUNT(*) AS n FROM messages',
    );
    expect(Number(after?.n)).toBe(Number(before?.n));
  });

  it('stops an expired link on every way in, an open subscription at its next event', async () => {
    const ritaSees = await listening(() =>
      subscribe<Message>(live(guestToken), MESSAGE_ADDED, { c: conversationId }),
    );
    const erikSees = await listening(() =>
      subscribe<Message>(live(erik.person.token), MESSAGE_ADDED, { c: conversationId }),
    );
    const guests = t.db.getRepository(ConversationGuestEntity);
    const { expiresAt } = await guests.findOneByOrFail({ conversationId });
    await guests.update({ conversationId }, { expiresAt: new Date(Date.now() - 1000) });
    await t.gql(SEND, { c: conversationId, b: 'After the expiry.' }, erik.person.token);
    expect((await erikSees.nth(1)).body).toBe('After the expiry.');
    await ritaSees.ended();
    expect(ritaSees.values).toEqual([]);
    const read = await t.gql(READ, { id: conversationId }, guestToken);
    expect(read.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await guests.update({ conversationId }, { expiresAt });
    expect((await t.gql(READ, { id: conversationId }, guestToken)).data?.conversation.id).toBe(
      conversationId,
    );
    erikSees.stop();
    const events = t.app.get(ConversationEvents);
    while (events.listeners > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  });

  it('ends every way in when staff revoke the link, open subscriptions included; a new link works', async () => {
    const ritaSees = await listening(() =>
      subscribe<Message>(live(guestToken), MESSAGE_ADDED, { c: conversationId }),
    );
    const erikSees = await listening(() =>
      subscribe<Message>(live(erik.person.token), MESSAGE_ADDED, { c: conversationId }),
    );
    const revoked = await t.gql(
      `mutation($c: ID!) { revokeConversationLink(conversationId: $c) { guestLink { active revokedAt } } }`,
      { c: conversationId },
      staff.token,
    );
    expect(revoked.data?.revokeConversationLink.guestLink.active).toBe(false);
    await t.gql(SEND, { c: conversationId, b: 'After the revocation.' }, erik.person.token);
    // The expert's feed got it, so the event went by the guest's feed too: it was not delivered.
    expect((await erikSees.nth(1)).body).toBe('After the revocation.');
    await ritaSees.ended();
    expect(ritaSees.values).toEqual([]);

    const read = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${guestToken}`)
      .send({ query: READ, variables: { id: conversationId } });
    expect(read.status).toBe(401);
    expect(read.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const send = await t.gql(SEND, { c: conversationId, b: 'Still there?' }, guestToken);
    expect(send.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const again = subscribe<Message>(live(guestToken), MESSAGE_ADDED, { c: conversationId });
    await again.ended();
    expect(again.values).toEqual([]);

    const before = smtp.mails.length;
    const issued = await t.gql(
      `mutation($c: ID!) { issueConversationLink(conversationId: $c) { guestLink { active } } }`,
      { c: conversationId },
      staff.token,
    );
    expect(issued.data?.issueConversationLink.guestLink.active).toBe(true);
    const fresh = linkToken(await lastMailTo(t, smtp, RITA.email));
    expect(smtp.mails.length).toBeGreaterThan(before);
    expect(fresh).not.toBe(guestToken);
    expect((await t.gql(READ, { id: conversationId }, fresh)).data?.conversation.id).toBe(
      conversationId,
    );
    expect(
      (await t.gql(READ, { id: conversationId }, guestToken)).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
    // A socket opened with a link ends once staff re-issue it, though the guest is the same.
    const onFresh = await listening(() =>
      subscribe<Message>(live(fresh), MESSAGE_ADDED, { c: conversationId }),
    );
    await t.gql(
      `mutation($c: ID!) { issueConversationLink(conversationId: $c) { id } }`,
      { c: conversationId },
      staff.token,
    );
    guestToken = linkToken(await lastMailTo(t, smtp, RITA.email));
    expect(guestToken).not.toBe(fresh);
    await t.gql(SEND, { c: conversationId, b: 'After the re-issue.' }, erik.person.token);
    expect((await erikSees.nth(2)).body).toBe('After the re-issue.');
    await onFresh.ended();
    expect(onFresh.values).toEqual([]);
    erikSees.stop();
  });

  it('ends the guest’s access when staff remove them from the conversation', async () => {
    // The feeds of the test before have ended or were stopped: let their count settle first.
    const events = t.app.get(ConversationEvents);
    while (events.listeners > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const ritaSees = await listening(() =>
      subscribe<Message>(live(guestToken), MESSAGE_ADDED, { c: conversationId }),
    );
    const removed = await t.gql(
      `mutation($c: ID!, $p: ID!) { removeParticipant(conversationId: $c, personId: $p) { participants { role } } }`,
      { c: conversationId, p: guestId },
      staff.token,
    );
    expect(removed.errors).toBeUndefined();
    expect(
      removed.data?.removeParticipant.participants.map((p: { role: string }) => p.role),
    ).not.toContain('GUEST');
    await t.gql(SEND, { c: conversationId, b: 'After the removal.' }, erik.person.token);
    await ritaSees.ended();
    expect(ritaSees.values).toEqual([]);
    const read = await t.gql(READ, { id: conversationId }, guestToken);
    expect(read.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Removed for good: no new link is mailed.
    const reissued = await t.gql(
      `mutation($c: ID!) { issueConversationLink(conversationId: $c) { id } }`,
      { c: conversationId },
      staff.token,
    );
    expect(reissued.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'conversationId',
    });
  });

  it('forgets a requester: name pseudonymised, link revoked, participation ended, messages emptied to placeholders', async () => {
    const vera = { name: 'Vera Vanishing', email: 'vera@acme.example' };
    const secret = 'Vera-private-alloy-composition';
    const ref = await matchedInquiry(t, vera);
    const introduced = await t.gql(
      INTRODUCE,
      { i: ref, e: [erik.expertId], m: 'Vera, meet Erik.' },
      staff.token,
    );
    expect(introduced.errors).toBeUndefined();
    const token = linkToken(await lastMailTo(t, smtp, vera.email));
    const conversation = (await t.gql(INQUIRY_CONVERSATION, { i: ref })).data?.inquiry.conversation
      .id as string;
    const sent = await t.gql(SEND, { c: conversation, b: secret }, token);
    expect(sent.errors).toBeUndefined();

    const inquiry = await t.db.getRepository(InquiryEntity).findOneByOrFail({ reference: ref });
    const emptied = await t.db.transaction((em) =>
      t.app.get(PersonalDataOfConversations).forgetGuests(em, [inquiry.id], new Date()),
    );
    expect(emptied).toBe(1);

    expect((await t.gql(READ, { id: conversation }, token)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const asErik = await t.gql(READ, { id: conversation }, erik.person.token);
    expect(asErik.errors).toBeUndefined();
    const thread = asErik.data?.conversation;
    expect(thread.participants.map((p: { role: string }) => p.role)).not.toContain('GUEST');
    const placeholder = thread.messages.edges
      .map((e: { node: { seq: number } }) => e.node)
      .find((m: { seq: number }) => m.seq === 2);
    expect(placeholder).toMatchObject({ body: null, author: { name: '[removed]' } });
    expect(JSON.stringify(thread.participants)).not.toContain('Vera');
    // What others wrote stays, their mention of her name included (as for an erased person).
    expect(thread.messages.edges[0].node.body).toBe('Vera, meet Erik.');
    const link = (await t.gql(INQUIRY_CONVERSATION, { i: ref })).data?.inquiry.conversation
      .guestLink;
    expect(link).toMatchObject({ name: '[removed]', active: false });
    expect(link.revokedAt).not.toBeNull();
    expect(JSON.stringify(await t.db.query('SELECT * FROM messages'))).not.toContain(secret);
    expect(JSON.stringify(await t.db.query('SELECT * FROM conversation_guests'))).not.toContain(
      'Vera',
    );
    // No new link can be mailed to the erased requester.
    const reissued = await t.gql(
      `mutation($c: ID!) { issueConversationLink(conversationId: $c) { id } }`,
      { c: conversation },
      staff.token,
    );
    expect(reissued.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
