import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Clock } from '../../src/common/time/clock.js';
import { MessageDigests } from '../../src/conversations/message-digests.service.js';
import { NotificationRelay } from '../../src/notifications/notification-relay.service.js';
import { createBasics, must } from '../support/fixtures.js';
import {
  INQUIRY_CONVERSATION,
  INTRODUCE,
  lastMailTo,
  linkToken,
  matchedInquiry,
} from '../support/inquiry-conversations.js';
import { signedInPerson } from '../support/people.js';
import { startSmtpCapture, type SmtpCapture, textOf } from '../support/smtp-capture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 16: a participant who leaves messages unread for MESSAGE_DIGEST_MINUTES gets ONE
 * mail listing those conversations, with links; never twice for the same messages; nothing for a
 * muted conversation, their own messages, or what they read in time. The job runs as the app
 * runs it (drained here; MESSAGE_DIGESTS=false in tests), the clock moved instead of waiting.
 */
const START = `mutation($p: [ID!]!, $s: String!) { startConversation(personIds: $p, subject: $s, message: "Hello") { id } }`;
const SEND = `mutation($c: ID!, $b: String!) { sendMessage(conversationId: $c, body: $b) { id } }`;
const MINUTE = 60_000;

describe('message digests (issue 16)', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let sam: { id: string; token: string };
  let mia: { id: string; token: string };
  let otto: { id: string; token: string };
  let samples = '';
  let invoice = '';
  let minutesLater = 0;
  let orgId = '';

  /** Runs the job at `minutes` after now, then sends what it queued; returns the new mails. */
  async function digestsAt(minutes: number) {
    const real = Date.now();
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(real + minutes * MINUTE));
    const before = smtp.mails.length;
    const mailed = await t.app.get(MessageDigests).drain();
    await t.app.get(NotificationRelay).drain();
    const mails = smtp.mails.slice(before).map((m) => ({ to: m.to, text: textOf(m.raw) }));
    expect(mails).toHaveLength(mailed);
    return mails;
  }

  const send = (token: string, c: string, b: string) =>
    t.gql(SEND, { c, b }, token).then((res) => {
      expect(res.errors).toBeUndefined();
      return (res.data as { sendMessage: { id: string } }).sendMessage.id;
    });

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await startTestApp({
      env: {
        SMTP_URL: smtp.url,
        PUBLIC_URL: 'https://kenner.example',
        MESSAGE_DIGEST_MINUTES: '15',
      },
    });
    const refs = await createBasics(t);
    orgId = refs.org.id;
    sam = await signedInPerson(t, {
      email: 'sam@kenner.example',
      name: 'Sam Staff',
      staffRole: 'STAFF',
    });
    mia = await signedInPerson(t, {
      email: 'mia@member.example',
      name: 'Mia Member',
      organisationId: refs.org.id,
    });
    otto = await signedInPerson(t, {
      email: 'otto@member.example',
      name: 'Otto Other',
      preferredLanguage: 'FR',
      organisationId: refs.org.id,
    });
    // Started by Sam as himself (a session, not the staff key).
    const started = async (people: string[], s: string) => {
      const res = await t.gql(START, { p: people, s }, sam.token);
      expect(res.errors).toBeUndefined();
      return (res.data as { startConversation: { id: string } }).startConversation.id;
    };
    samples = await started([mia.id, otto.id], 'Samples for XRD');
    invoice = await started([mia.id], 'Invoice 2026-117');
    await send(sam.token, samples, 'They arrived.');
    await send(sam.token, samples, 'Two are cracked.');
    const muted = await t.gql(
      `mutation($id: ID!) { muteConversation(id: $id, muted: true) { muted } }`,
      { id: samples },
      otto.token,
    );
    expect(muted.errors).toBeUndefined();
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('mails nobody before messages have waited MESSAGE_DIGEST_MINUTES', async () => {
    expect(await digestsAt(0)).toEqual([]);
    expect(await digestsAt(14)).toEqual([]);
  });

  it('then ONE mail per reader listing every conversation with unread messages and its link; none for the muted or the author', async () => {
    minutesLater = 16;
    const mails = await digestsAt(minutesLater);
    expect(mails.map((m) => m.to)).toEqual([['mia@member.example']]);
    const text = mails[0]?.text ?? '';
    expect(text).toContain('Unread messages on Kenner');
    expect(text).toContain('Hello Mia Member,');
    expect(text).toContain(
      `- Samples for XRD (3 unread): https://kenner.example/conversations/${samples}`,
    );
    expect(text).toContain(
      `- Invoice 2026-117 (1 unread): https://kenner.example/conversations/${invoice}`,
    );
    expect(text).toContain('https://kenner.example/conversations\n');
    // Message bodies are not mailed: the digest points to them.
    expect(text).not.toContain('cracked');
  });

  it('never again for the same messages', async () => {
    expect(await digestsAt(minutesLater + 60)).toEqual([]);
  });

  it('a later message left unread brings a new digest naming only its conversation', async () => {
    await send(sam.token, invoice, 'Please pay by Friday.');
    expect(await digestsAt(0)).toEqual([]);
    const mails = await digestsAt(16);
    expect(mails.map((m) => m.to)).toEqual([['mia@member.example']]);
    expect(mails[0]?.text).toContain(
      `- Invoice 2026-117 (2 unread): https://kenner.example/conversations/${invoice}`,
    );
    expect(mails[0]?.text).not.toContain('Samples for XRD');
  });

  it('nothing for a message read in time, nor for one deleted before it was due', async () => {
    const id = await send(sam.token, samples, 'Never mind.');
    const read = await t.gql(
      `mutation($c: ID!, $m: ID!) { markRead(conversationId: $c, upToMessageId: $m) { unreadCount } }`,
      { c: samples, m: id },
      mia.token,
    );
    expect(read.data?.markRead).toEqual({ unreadCount: 0 });
    const gone = await send(sam.token, invoice, 'Sent to the wrong person.');
    const deleted = await t.gql(
      `mutation($id: ID!) { deleteMessage(id: $id) { deleted } }`,
      { id: gone },
      sam.token,
    );
    expect(deleted.errors).toBeUndefined();
    expect(await digestsAt(30)).toEqual([]);
  });

  it('unmuted, the muted reader’s unread messages are digested like anyone’s, in their language', async () => {
    await t.gql(
      `mutation($id: ID!) { muteConversation(id: $id, muted: false) { muted } }`,
      { id: samples },
      otto.token,
    );
    const mails = await digestsAt(16);
    expect(mails.map((m) => m.to)).toEqual([['otto@member.example']]);
    expect(mails[0]?.text).toContain('Messages non lus sur Kenner');
    expect(mails[0]?.text).toContain(
      `- Samples for XRD (4 non lus): https://kenner.example/conversations/${samples}`,
    );
  });

  it('a guest by link gets a digest at the inquiry’s address, without a link or its token; not for their own messages, nor once the link is revoked', async () => {
    const erik = await must(
      t,
      `mutation($o: ID!) { createExpert(input: { name: "Erik Expert", email: "erik@lab.example", organisationId: $o }) { id } }`,
      'createExpert',
      { o: orgId },
    );
    await signedInPerson(t, {
      email: 'erik@lab.example',
      name: 'Erik Expert',
      expertId: erik.id as string,
    });
    const rita = { name: 'Rita Requester', email: 'rita@acme.example' };
    const reference = await matchedInquiry(t, rita);
    const introduced = await t.gql(
      INTRODUCE,
      { i: reference, e: [erik.id], m: 'Rita, meet Erik.' },
      sam.token,
    );
    expect(introduced.errors).toBeUndefined();
    const token = linkToken(await lastMailTo(t, smtp, rita.email));
    expect(token).not.toBe('');
    const inquiry = (await t.gql(INQUIRY_CONVERSATION, { i: reference })).data?.inquiry;
    const conversation = inquiry.conversation.id as string;

    const first = await digestsAt(16);
    expect(first.map((m) => m.to).sort()).toEqual([['erik@lab.example'], [rita.email]]);
    const text = first.find((m) => m.to.includes(rita.email))?.text ?? '';
    expect(text).toContain('Hello Rita Requester,');
    expect(text).toContain(`- Inquiry ${reference} (1 unread)\n`);
    expect(text).toContain('personal link we mailed you');
    expect(text).not.toContain('kcg_');
    expect(text).not.toContain(token);
    expect(text).not.toContain('https://kenner.example/conversations');
    expect(text).not.toContain('Mute');

    // Her own answer is unread for the others, not for her.
    await send(token, conversation, 'Thank you, Erik.');
    const second = await digestsAt(16);
    expect(second.map((m) => m.to).sort()).toEqual([['erik@lab.example'], ['sam@kenner.example']]);

    // A revoked link opens nothing: no digest points to it.
    const revoked = await t.gql(
      `mutation($c: ID!) { revokeConversationLink(conversationId: $c) { id } }`,
      { c: conversation },
      sam.token,
    );
    expect(revoked.errors).toBeUndefined();
    await send(sam.token, conversation, 'Rita, are you there?');
    const third = await digestsAt(16);
    expect(third.map((m) => m.to)).toEqual([['erik@lab.example']]);
  });
});
