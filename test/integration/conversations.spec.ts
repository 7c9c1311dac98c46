import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { ConversationEvents } from '../../src/conversations/conversation-events.js';
import { MessageRevisionEntity } from '../../src/conversations/message-revision.entity.js';
import { NotificationRelay } from '../../src/notifications/notification-relay.service.js';
import { SignInService } from '../../src/people/sign-in.service.js';
import { createBasics, must } from '../support/fixtures.js';
import { liveClient, type Received, subscribe } from '../support/live.js';
import { signedInPerson } from '../support/people.js';
import { startSmtpCapture, type SmtpCapture, textOf } from '../support/smtp-capture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ERIK_EMAIL = 'erik@lab.example';
const CONVERSATION = `id subject kind unreadCount muted lastReadMessageId
  participants { role person { id name } }
  messages(last: 50) { totalCount edges { cursor node { id seq body deleted author { id name } } } }`;
const CONTACT = `mutation($e: ID!, $s: String!, $m: String!) {
  contactExpert(expertId: $e, subject: $s, message: $m) { ${CONVERSATION} } }`;
const SEND = `mutation($c: ID!, $b: String!) { sendMessage(conversationId: $c, body: $b) { id seq body author { id name } } }`;
const READ = `query($id: ID!) { conversation(id: $id) { ${CONVERSATION} } }`;
const MINE = `{ myConversations(first: 10) { totalCount edges { node { id subject unreadCount } } } unreadMessageCount }`;
const MARK_READ = `mutation($c: ID!, $m: ID!) { markRead(conversationId: $c, upToMessageId: $m) { id unreadCount } }`;
const MESSAGE_ADDED = `subscription($c: ID!) { messageAdded(conversationId: $c) { id seq body author { id name } } }`;
const UNREAD_CHANGED = `subscription { unreadCountChanged { conversationId unreadCount unreadMessageCount } }`;

interface Message {
  id: string;
  seq: number;
  body: string | null;
  author: { id: string; name: string } | null;
}

describe('conversations: a member contacts an expert, live (issue 16, acceptance 1)', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let refs: Awaited<ReturnType<typeof createBasics>>;
  const clients: Client[] = [];
  let erik: { expertId: string; personId: string; token: string };
  let mia: { personId: string; token: string };
  let outsider: { id: string; token: string };
  let conversationId: string;
  let firstMessageId: string;

  /** Signs in through the real mail: the link's token from the captured message. */
  async function signIn(email: string) {
    const before = smtp.mails.length;
    await t.gql(
      `mutation($e: String!) { requestSignIn(email: $e) { message } }`,
      { e: email },
      null,
    );
    await t.app.get(SignInService).settled();
    await t.app.get(NotificationRelay).drain();
    const mail = smtp.mails.slice(before).find((m) => m.to.includes(email));
    const token = /ksi_[A-Za-z0-9_-]{43}/.exec(textOf(mail?.raw ?? ''))?.[0] ?? '';
    const done = await t.gql(
      `mutation($t: String!) { completeSignIn(token: $t) { sessionToken person { id roles } } }`,
      { t: token },
      null,
    );
    expect(done.errors).toBeUndefined();
    return {
      personId: done.data?.completeSignIn.person.id as string,
      roles: done.data?.completeSignIn.person.roles as string[],
      token: done.data?.completeSignIn.sessionToken as string,
    };
  }

  const createExpert = (name: string, email: string, extra = '') =>
    must(
      t,
      `mutation($o: ID!) { createExpert(input: { name: "${name}", email: "${email}", organisationId: $o, visibility: MEMBERS ${extra} }) { id } }`,
      'createExpert',
      { o: refs.org.id },
    ) as Promise<{ id: string }>;

  /** A live client, remembered so the test closes it. */
  const live = (token?: string) => {
    const client = liveClient(t.url ?? '', token);
    clients.push(client);
    return client;
  };

  /** Waits until the server holds `n` more subscriptions than before: events reach them from now. */
  async function listening<T>(start: () => Received<T>, extra = 1): Promise<Received<T>> {
    const events = t.app.get(ConversationEvents);
    const before = events.listeners;
    const received = start();
    const deadline = Date.now() + 5000;
    while (events.listeners < before + extra && !received.completed) {
      if (Date.now() > deadline) throw new Error('the subscription did not start');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await events.ready();
    return received;
  }

  const unreadOf = async (token: string) =>
    (await t.gql(MINE, {}, token)).data as {
      myConversations: { edges: { node: { id: string; unreadCount: number } }[] };
      unreadMessageCount: number;
    };

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await startTestApp({
      listen: true,
      env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://kenner.example' },
    });
    refs = await createBasics(t);
    const expert = await createExpert('Erik Expert', ERIK_EMAIL);
    await must(
      t,
      `mutation($o: ID!) { setSignInDomains(organisationId: $o, domains: ["member.example"]) { domains } }`,
      'setSignInDomains',
      { o: refs.org.id },
    );
    const e = await signIn(ERIK_EMAIL);
    expect(e.roles).toContain('EXPERT');
    erik = { expertId: expert.id, personId: e.personId, token: e.token };
    const m = await signIn('mia@member.example');
    expect(m.roles).toEqual(['MEMBER']);
    mia = { personId: m.personId, token: m.token };
    outsider = await signedInPerson(t, {
      email: 'otto@member.example',
      name: 'Otto Outsider',
      organisationId: refs.org.id,
    });
  });

  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await t.close();
    await smtp.close();
  });

  it('a member contacts an expert from the directory: one conversation, the two of them, no address', async () => {
    const res = await t.gql(
      CONTACT,
      {
        e: erik.expertId,
        s: 'Residual stress in welds',
        m: 'Could you measure https://example.org/weld.pdf ?',
      },
      mia.token,
    );
    expect(res.errors).toBeUndefined();
    const conversation = res.data?.contactExpert;
    conversationId = conversation.id;
    expect(conversation).toMatchObject({
      subject: 'Residual stress in welds',
      kind: 'DIRECT',
      unreadCount: 0,
      muted: false,
    });
    const byRole = [...conversation.participants].sort((a, b) => a.role.localeCompare(b.role));
    expect(byRole).toEqual([
      { role: 'EXPERT', person: { id: erik.personId, name: 'Erik Expert' } },
      { role: 'MEMBER', person: { id: mia.personId, name: '' } },
    ]);
    const [first] = conversation.messages.edges;
    firstMessageId = first.node.id;
    expect(first.node).toMatchObject({
      seq: 1,
      body: 'Could you measure https://example.org/weld.pdf ?',
      deleted: false,
      author: { id: mia.personId },
    });
    expect(conversation.lastReadMessageId).toBe(firstMessageId);
    expect(JSON.stringify(res)).not.toContain(ERIK_EMAIL);
    // The expert sees it, unread.
    const erikSees = await unreadOf(erik.token);
    expect(erikSees.myConversations.edges).toEqual([
      { node: { id: conversationId, subject: 'Residual stress in welds', unreadCount: 1 } },
    ]);
    expect(erikSees.unreadMessageCount).toBe(1);
    expect((await unreadOf(mia.token)).unreadMessageCount).toBe(0);
  });

  it('each sees the other’s messages through a live subscription within 1 s; unread counts go up and down', async () => {
    const miaLive = live(mia.token);
    const erikLive = live(erik.token);
    const toMia = await listening(() =>
      subscribe<Message>(miaLive, MESSAGE_ADDED, { c: conversationId }),
    );
    const toErik = await listening(() =>
      subscribe<Message>(erikLive, MESSAGE_ADDED, { c: conversationId }),
    );
    const miaCounts = await listening(() =>
      subscribe<{ conversationId: string; unreadCount: number; unreadMessageCount: number }>(
        miaLive,
        UNREAD_CHANGED,
      ),
    );

    // The expert answers: the member receives it live, and her count goes up.
    let sentAt = Date.now();
    const reply = await t.gql(
      SEND,
      { c: conversationId, b: 'Yes: XRD, sin²ψ. Send 3 samples.' },
      erik.token,
    );
    expect(reply.errors).toBeUndefined();
    const seen = await toMia.nth(1);
    expect(Date.now() - sentAt).toBeLessThan(1000);
    expect(seen).toEqual({
      id: reply.data?.sendMessage.id,
      seq: 2,
      body: 'Yes: XRD, sin²ψ. Send 3 samples.',
      author: { id: erik.personId, name: 'Erik Expert' },
    });
    expect(await toErik.nth(1)).toEqual(seen); // the author's own view follows too
    expect(await miaCounts.nth(1)).toEqual({
      conversationId,
      unreadCount: 1,
      unreadMessageCount: 1,
    });
    expect((await unreadOf(mia.token)).unreadMessageCount).toBe(1);

    // The member answers: the expert receives it live.
    sentAt = Date.now();
    const answer = await t.gql(SEND, { c: conversationId, b: 'Sent today.' }, mia.token);
    expect(answer.errors).toBeUndefined();
    expect((await toErik.nth(2)).body).toBe('Sent today.');
    expect(Date.now() - sentAt).toBeLessThan(1000);
    // Replying moved Erik's pointer past what he answered: only her new message is unread.
    expect((await unreadOf(erik.token)).unreadMessageCount).toBe(1);

    // Reading brings the counts down, and the member's badge hears of it.
    const read = await t.gql(
      MARK_READ,
      { c: conversationId, m: reply.data?.sendMessage.id },
      mia.token,
    );
    expect(read.data?.markRead).toEqual({ id: conversationId, unreadCount: 0 });
    expect(await miaCounts.nth(2)).toEqual({
      conversationId,
      unreadCount: 0,
      unreadMessageCount: 0,
    });
    await t.gql(MARK_READ, { c: conversationId, m: answer.data?.sendMessage.id }, erik.token);
    expect((await unreadOf(erik.token)).unreadMessageCount).toBe(0);
    // Never backwards: marking an older message read again changes nothing.
    await t.gql(MARK_READ, { c: conversationId, m: firstMessageId }, erik.token);
    expect((await unreadOf(erik.token)).unreadMessageCount).toBe(0);

    // Muted: still counted in the conversation, not in the total.
    await t.gql(SEND, { c: conversationId, b: 'One more thing.' }, mia.token);
    expect((await unreadOf(erik.token)).unreadMessageCount).toBe(1);
    const muted = await t.gql(
      `mutation($id: ID!) { muteConversation(id: $id, muted: true) { muted unreadCount } }`,
      { id: conversationId },
      erik.token,
    );
    expect(muted.data?.muteConversation).toEqual({ muted: true, unreadCount: 1 });
    expect((await unreadOf(erik.token)).unreadMessageCount).toBe(0);
    await t.gql(
      `mutation($id: ID!) { muteConversation(id: $id, muted: false) { muted } }`,
      { id: conversationId },
      erik.token,
    );
    expect((await unreadOf(erik.token)).unreadMessageCount).toBe(1);

    // Nothing a subscription carried names the expert's address.
    expect(JSON.stringify([toMia.values, miaCounts.values])).not.toContain(ERIK_EMAIL);
    expect([...toMia.errors, ...toErik.errors, ...miaCounts.errors]).toEqual([]);
    toMia.stop();
    toErik.stop();
    miaCounts.stop();
  });

  it('edits keep revisions, deletions leave a placeholder; only the author edits', async () => {
    const sent = await t.gql(SEND, { c: conversationId, b: 'Tpyo' }, erik.token);
    const id = sent.data?.sendMessage.id as string;
    const edit = `mutation($id: ID!, $b: String!) { editMessage(id: $id, body: $b) { id body editedAt } }`;
    const refused = await t.gql(edit, { id, b: 'Hijacked' }, mia.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const edited = await t.gql(edit, { id, b: 'Typo' }, erik.token);
    expect(edited.data?.editMessage).toMatchObject({ id, body: 'Typo' });
    expect(edited.data?.editMessage.editedAt).not.toBeNull();
    const revisions = await t.db.getRepository(MessageRevisionEntity).findBy({ messageId: id });
    expect(revisions.map((r) => r.body)).toEqual(['Tpyo']);

    const del = `mutation($id: ID!) { deleteMessage(id: $id) { id body deleted author { id } } }`;
    expect((await t.gql(del, { id }, mia.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const deleted = await t.gql(del, { id }, erik.token);
    expect(deleted.data?.deleteMessage).toEqual({
      id,
      body: null,
      deleted: true,
      author: { id: erik.personId },
    });
    const page = (await t.gql(READ, { id: conversationId }, mia.token)).data?.conversation.messages;
    expect(page.edges.at(-1).node).toMatchObject({ id, body: null, deleted: true });
    const left = await t.db.query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM message_revisions`);
    expect(Number(left[0]?.n)).toBe(0);
    // Staff delete anyone's message.
    const other = await t.gql(SEND, { c: conversationId, b: 'Spam?' }, mia.token);
    const staff = await signedInPerson(t, {
      email: 'stella@staff.example',
      name: 'Stella Staff',
      staffRole: 'STAFF',
    });
    const byStaff = await t.gql(del, { id: other.data?.sendMessage.id }, staff.token);
    expect(byStaff.data?.deleteMessage).toMatchObject({ body: null, deleted: true });
    // …but, not taking part, write nothing there.
    const staffSends = await t.gql(SEND, { c: conversationId, b: 'Hi' }, staff.token);
    expect(staffSends.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("the expert's e-mail is reachable by the member on no field", async () => {
    const fields = await t.gql(`{ __type(name: "ConversationPerson") { fields { name } } }`);
    expect(fields.data?.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual([
      'id',
      'name',
    ]);
    const answers = await Promise.all([
      t.gql(READ, { id: conversationId }, mia.token),
      t.gql(MINE, {}, mia.token),
      t.gql(
        `query($id: ID!) { node(id: $id) { ... on Expert { id email phone } } }`,
        { id: erik.expertId },
        mia.token,
      ),
    ]);
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(ERIK_EMAIL);
    expect(answers[2]?.data?.node).toMatchObject({ id: erik.expertId, email: null });
  });

  it('refuses an expert who opted out, one who never signed in, and callers who are no member', async () => {
    const olga = await createExpert(
      'Olga Optout',
      'olga@lab.example',
      ', acceptsDirectContact: false',
    );
    await signedInPerson(t, { email: 'olga@lab.example', name: 'Olga', expertId: olga.id });
    const nina = await createExpert('Nina Never', 'nina@lab.example');
    const count = async () =>
      Number((await t.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM conversations'))[0]?.n);
    const before = await count();
    const vars = (e: string) => ({ e, s: 'Hello', m: 'Hi' });

    const optedOut = await t.gql(CONTACT, vars(olga.id), mia.token);
    expect(optedOut.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN', field: 'expertId' },
    });
    expect(optedOut.errors?.[0]?.message).toMatch(/does not accept direct contact/);
    const never = await t.gql(CONTACT, vars(nina.id), mia.token);
    expect(never.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN', field: 'expertId' },
    });
    expect(never.errors?.[0]?.message).toMatch(/not signed in/);
    // The expert is no member: contact goes from members to experts.
    const notMember = await signedInPerson(t, { email: 'x@nowhere.example', name: 'X' });
    expect(
      (await t.gql(CONTACT, vars(erik.expertId), notMember.token)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await t.gql(CONTACT, vars(erik.expertId), null)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      (await t.gql(CONTACT, vars(erik.expertId), t.keys.staff)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });

  it('a non-participant is refused on every way in, subscriptions included', async () => {
    const as = outsider.token;
    const code = async (
      query: string,
      variables: Record<string, unknown>,
      token: string | null = as,
    ) => (await t.gql(query, variables, token)).errors?.[0]?.extensions?.code;
    expect(await code(READ, { id: conversationId })).toBe('NOT_FOUND');
    expect(await code(READ, { id: conversationId }, null)).toBe('NOT_FOUND');
    expect(await code(SEND, { c: conversationId, b: 'let me in' })).toBe('NOT_FOUND');
    expect(await code(MARK_READ, { c: conversationId, m: firstMessageId })).toBe('NOT_FOUND');
    expect(
      await code(`mutation($id: ID!, $b: String!) { editMessage(id: $id, body: $b) { id } }`, {
        id: firstMessageId,
        b: 'x',
      }),
    ).toBe('NOT_FOUND');
    expect(
      await code(`mutation($id: ID!) { deleteMessage(id: $id) { id } }`, { id: firstMessageId }),
    ).toBe('NOT_FOUND');
    expect(
      await code(`mutation($id: ID!) { muteConversation(id: $id, muted: true) { id } }`, {
        id: conversationId,
      }),
    ).toBe('NOT_FOUND');
    expect((await unreadOf(as)).myConversations.edges).toEqual([]);
    expect(await code(MINE, {}, null)).toBe('UNAUTHENTICATED');

    const refused = subscribe<Message>(live(as), MESSAGE_ADDED, { c: conversationId });
    await refused.ended();
    expect(JSON.stringify(refused.errors)).toContain('NOT_FOUND');
    const anonymous = subscribe<Message>(live(), MESSAGE_ADDED, { c: conversationId });
    await anonymous.ended();
    expect(JSON.stringify(anonymous.errors)).toContain('UNAUTHENTICATED');
    const forged = subscribe<Message>(live('kss_' + 'A'.repeat(43)), MESSAGE_ADDED, {
      c: conversationId,
    });
    await forged.ended(2000);
    expect(forged.values).toEqual([]);
    // Staff read along (an API key), but only participants write.
    expect((await t.gql(READ, { id: conversationId }, t.keys.staff)).data?.conversation.id).toBe(
      conversationId,
    );
  });

  it('refuses hostile input naming the field, and stores nothing', async () => {
    const messages = async () =>
      Number((await t.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM messages'))[0]?.n);
    const before = await messages();
    const field = async (query: string, variables: Record<string, unknown>) => {
      const res = await t.gql(query, variables, mia.token);
      return [res.errors?.[0]?.extensions?.code, res.errors?.[0]?.extensions?.field];
    };
    expect(await field(SEND, { c: conversationId, b: 'x'.repeat(4001) })).toEqual([
      'BAD_USER_INPUT',
      'body',
    ]);
    expect(await field(SEND, { c: conversationId, b: 'broken \ud83d' })).toEqual([
      'BAD_USER_INPUT',
      'body',
    ]);
    expect(await field(SEND, { c: conversationId, b: 'nul\u0000' })).toEqual([
      'BAD_USER_INPUT',
      'body',
    ]);
    expect(await field(SEND, { c: conversationId, b: '   ' })).toEqual(['BAD_USER_INPUT', 'body']);
    expect(await field(SEND, { c: 'not-an-id', b: 'Hi' })).toEqual([
      'BAD_USER_INPUT',
      'conversationId',
    ]);
    expect(await field(CONTACT, { e: erik.expertId, s: 's'.repeat(201), m: 'Hi' })).toEqual([
      'BAD_USER_INPUT',
      'subject',
    ]);
    expect(await field(CONTACT, { e: erik.expertId, s: 'Hi', m: 'x'.repeat(4001) })).toEqual([
      'BAD_USER_INPUT',
      'message',
    ]);
    expect(await field(CONTACT, { e: 'junk', s: 'Hi', m: 'Hi' })).toEqual([
      'BAD_USER_INPUT',
      'expertId',
    ]);
    expect(await messages()).toBe(before);
    // Subscriptions (over graphql-ws, which the HTTP corpus cannot reach) refuse the same way.
    const socket = live(mia.token);
    for (const bad of ['junk', '', 'x'.repeat(2000), `${conversationId}\u0000`, 'broken \ud83d']) {
      const refused = subscribe<Message>(socket, MESSAGE_ADDED, { c: bad });
      await refused.ended();
      expect(JSON.stringify(refused.errors)).toMatch(
        /BAD_USER_INPUT.*conversationId|conversationId.*BAD_USER_INPUT/,
      );
    }
    const nullId = subscribe<Message>(socket, MESSAGE_ADDED, { c: null });
    await nullId.ended();
    expect(nullId.errors.length).toBeGreaterThan(0);
    const tooLong = subscribe<Message>(
      socket,
      `subscription { ${'unreadCountChanged { unreadCount } '.repeat(400)} }`,
    );
    await tooLong.ended();
    expect(JSON.stringify(tooLong.errors)).toMatch(/QUERY_TOO_LARGE|GRAPHQL_PARSE_FAILED|tokens/);
    // HTML is text: stored and returned as sent, never rendered or stripped.
    const html = await t.gql(
      SEND,
      { c: conversationId, b: '<script>alert(1)</script>' },
      mia.token,
    );
    expect(html.data?.sendMessage.body).toBe('<script>alert(1)</script>');
    // Null for every optional argument is no argument.
    const nulls = await t.gql(
      `query($id: ID!) { myConversations(first: null, after: null) { totalCount }
        conversation(id: $id) { messages(first: null, after: null, last: null, before: null) { totalCount } } }`,
      { id: conversationId },
      mia.token,
    );
    expect(nulls.errors).toBeUndefined();
    // Paging backwards and forwards by cursor.
    const last2 = (
      await t.gql(
        `query($id: ID!) { conversation(id: $id) { messages(last: 2) { edges { cursor node { seq } } pageInfo { hasPreviousPage } } } }`,
        { id: conversationId },
        mia.token,
      )
    ).data?.conversation.messages;
    expect(last2.pageInfo.hasPreviousPage).toBe(true);
    const [older] = last2.edges;
    const earlier = (
      await t.gql(
        `query($id: ID!, $b: String) { conversation(id: $id) { messages(last: 1, before: $b) { edges { node { seq } } } } }`,
        { id: conversationId, b: older.cursor },
        mia.token,
      )
    ).data?.conversation.messages;
    expect(earlier.edges[0].node.seq).toBe(older.node.seq - 1);
  });

  it('a removed participant loses access everywhere, and their open subscription ends', async () => {
    const miaLive = live(mia.token);
    const toMia = await listening(() =>
      subscribe<Message>(miaLive, MESSAGE_ADDED, { c: conversationId }),
    );
    const removed = await t.gql(
      `mutation($c: ID!, $p: ID!) { removeParticipant(conversationId: $c, personId: $p) { id participants { person { id } } } }`,
      { c: conversationId, p: mia.personId },
    );
    expect(removed.data?.removeParticipant.participants).toEqual([
      { person: { id: erik.personId } },
    ]);
    await t.gql(SEND, { c: conversationId, b: 'Not for Mia any more' }, erik.token);
    await toMia.ended();
    expect(toMia.values).toEqual([]);
    expect(
      (await t.gql(READ, { id: conversationId }, mia.token)).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
    expect(
      (await t.gql(SEND, { c: conversationId, b: 'Hello?' }, mia.token)).errors?.[0]?.extensions
        ?.code,
    ).toBe('NOT_FOUND');
    expect((await unreadOf(mia.token)).myConversations.edges).toEqual([]);
    const again = subscribe<Message>(live(mia.token), MESSAGE_ADDED, { c: conversationId });
    await again.ended();
    expect(JSON.stringify(again.errors)).toContain('NOT_FOUND');
  });
});
