import { NotificationRelay } from '../../src/notifications/notification-relay.service.js';
import { must } from './fixtures.js';
import type { SmtpCapture } from './smtp-capture.js';
import { textOf } from './smtp-capture.js';
import type { TestApp } from './test-app.js';

export const INTRODUCE = `mutation($i: ID!, $e: [ID!]!, $m: String) {
  introduceExperts(inquiryId: $i, expertIds: $e, message: $m) { name } }`;
export const INQUIRY_CONVERSATION = `query($i: ID!) { inquiry(id: $i) { status conversation {
  id kind participants { role person { id name } }
  guestLink { name active revokedAt expiresAt } } } }`;

/** An inquiry submitted by `requester` and moved to MATCHED by the staff key: its reference. */
export async function matchedInquiry(
  t: TestApp,
  requester: { name: string; email: string },
): Promise<string> {
  const submitted = await t.gql(
    `mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { reference } }`,
    {
      input: {
        requesterName: requester.name,
        organisation: 'Acme Steel',
        email: requester.email,
        country: 'lu',
        description: 'Residual stress in welded steel',
        consentToContact: true,
      },
    },
    null,
  );
  const reference = (submitted.data as { submitInquiry: { reference: string } }).submitInquiry
    .reference;
  for (const to of ['TRIAGED', 'MATCHED']) {
    await must(
      t,
      `mutation($i: ID!, $to: InquiryStatus!) { transitionInquiry(id: $i, to: $to) { status } }`,
      'transitionInquiry',
      { i: reference, to },
    );
  }
  return reference;
}

/** The newest mail to `email` after the outbox was drained, as text ('' when none came). */
export async function lastMailTo(t: TestApp, smtp: SmtpCapture, email: string): Promise<string> {
  await t.app.get(NotificationRelay).drain();
  const mail = smtp.mails.filter((m) => m.to.includes(email)).at(-1);
  return mail ? textOf(mail.raw) : '';
}

/** The conversation link token in a mail. */
export const linkToken = (text: string): string => /kcg_[A-Za-z0-9_-]{43}/.exec(text)?.[0] ?? '';
