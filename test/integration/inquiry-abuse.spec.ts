import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { NotificationRelay } from '../../src/notifications/notification-relay.service.js';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const STAFF_MAIL = 'staff@cluster.example';
const SUBMIT = `mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { reference } }`;

/** Quoted-printable soft line breaks aside, the raw message holds the text as written. */
const textOf = (raw: string) => raw.replace(/=\r?\n/g, '');

/**
 * submitInquiry is open to anyone and mails the address it is given: it must not carry the
 * submitter's words to that address, and it is limited per address and per client. Clients are
 * told apart through X-Forwarded-For, believed because this test trusts one proxy hop.
 */
describe('inquiries against abuse', () => {
  let t: TestApp;
  let smtp: SmtpCapture;

  const input = (email: string, overrides: Record<string, unknown> = {}) => ({
    requesterName: 'Rita Requester',
    organisation: 'Acme Steel',
    email,
    country: 'LU',
    description: 'We need an X-ray diffraction analysis of hardened steel.',
    consentToContact: true,
    ...overrides,
  });
  const submit = (ip: string, query: string, variables: Record<string, unknown>) =>
    request(t.app.getHttpServer())
      .post('/graphql')
      .set('x-forwarded-for', ip)
      .send({ query, variables });
  const delivered = async () => {
    await t.app.get(NotificationRelay).drain();
    return smtp.mails;
  };
  const stored = async () => {
    const [i] = await t.db.query<{ n: string }[]>('SELECT COUNT(*) AS n FROM inquiries');
    const [h] = await t.db.query<{ n: string }[]>('SELECT COUNT(*) AS n FROM inquiry_history');
    return [Number(i?.n), Number(h?.n)];
  };
  const mailsTo = async (address: string) =>
    (await delivered()).filter((m) => m.to.includes(address));

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await startTestApp({
      env: {
        SMTP_URL: smtp.url,
        NOTIFY_STAFF_EMAIL: STAFF_MAIL,
        TRUST_PROXY_HOPS: '1',
        INQUIRY_LIMIT_ADDRESS: '2',
        INQUIRY_LIMIT_CLIENT: '4',
        INQUIRY_WINDOW_SECONDS: '3600',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it("mails the requester's address a fixed text: none of what the submitter typed", async () => {
    const typed = {
      requesterName: 'Zorblax Quimby',
      organisation: 'Prizewinner Holdings',
      description: 'Click http://evil.example/claim for cheap watches',
    };
    const res = await submit('198.51.100.1', SUBMIT, {
      input: input('victim@target.example', typed),
    });
    expect(res.body.errors).toBeUndefined();
    const reference = res.body.data.submitInquiry.reference as string;

    const [mail, ...more] = await mailsTo('victim@target.example');
    expect(more).toEqual([]);
    const text = textOf(mail?.raw ?? '');
    expect(text).toContain(reference);
    for (const word of [
      'Zorblax',
      'Quimby',
      'Prizewinner',
      'Holdings',
      'evil.example',
      'watches',
    ]) {
      expect(text.toLowerCase()).not.toContain(word.toLowerCase());
    }
    // Staff still read everything that was typed.
    const [staff] = await mailsTo(STAFF_MAIL);
    expect(textOf(staff?.raw ?? '')).toContain(typed.description);
    expect(textOf(staff?.raw ?? '')).toContain(typed.requesterName);
  });

  it('takes only INQUIRY_LIMIT_ADDRESS inquiries per address, from any client: 429, nothing stored', async () => {
    for (const [ip, email] of [
      ['198.51.100.10', 'bob@target.example'],
      ['198.51.100.11', 'Bob+one@Target.example'],
    ] as const) {
      const ok = await submit(ip, SUBMIT, { input: input(email) });
      expect(ok.body.errors).toBeUndefined();
    }
    const before = await stored();
    const refused = await submit('198.51.100.12', SUBMIT, {
      input: input('bob+two@target.example'),
    });
    expect(refused.status).toBe(429);
    expect(refused.body.data).toBeNull();
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      field: 'email',
      retryAfterSeconds: expect.any(Number),
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(3600);
    expect(await stored()).toEqual(before);
    expect(await mailsTo('bob+two@target.example')).toEqual([]);

    // Another address from that client goes on.
    const other = await submit('198.51.100.12', SUBMIT, { input: input('carol@target.example') });
    expect(other.body.errors).toBeUndefined();
  });

  it('takes only INQUIRY_LIMIT_CLIENT inquiries per IP, for any addresses: 429, nothing stored', async () => {
    const ip = '198.51.100.20';
    for (let i = 0; i < 4; i++) {
      const ok = await submit(ip, SUBMIT, { input: input(`person${i}@spread.example`) });
      expect(ok.body.errors).toBeUndefined();
    }
    const before = await stored();
    const refused = await submit(ip, SUBMIT, { input: input('person4@spread.example') });
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await stored()).toEqual(before);
    expect(await mailsTo('person4@spread.example')).toEqual([]);
    // The refused attempt did not spend that address's allowance; another client goes on.
    const neighbour = await submit('198.51.100.21', SUBMIT, {
      input: input('person4@spread.example'),
    });
    expect(neighbour.body.errors).toBeUndefined();
  });

  it('counts each submission of one document: aliases do not multiply the allowance', async () => {
    const aliased = `mutation($a: SubmitInquiryInput!, $b: SubmitInquiryInput!, $c: SubmitInquiryInput!,
      $d: SubmitInquiryInput!, $e: SubmitInquiryInput!) {
      a: submitInquiry(input: $a) { reference } b: submitInquiry(input: $b) { reference }
      c: submitInquiry(input: $c) { reference } d: submitInquiry(input: $d) { reference }
      e: submitInquiry(input: $e) { reference } }`;
    const before = await stored();
    const variables = Object.fromEntries(
      ['a', 'b', 'c', 'd', 'e'].map((k) => [k, input(`${k}@aliases.example`)]),
    );
    const res = await submit('198.51.100.30', aliased, variables);
    expect(res.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(
      ['RATE_LIMITED'],
    );
    expect(await stored()).toEqual([before[0]! + 4, before[1]! + 4]);
  });
});
