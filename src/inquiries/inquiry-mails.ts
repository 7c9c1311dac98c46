import type { ExpertEntity } from '../experts/expert.entity.js';
import type { Notification } from '../notifications/notification-outbox.service.js';
import type { InquiryEntity } from './inquiry.entity.js';

/**
 * The texts of the inquiry notifications. A requester learns an expert's name and address only
 * in the introduction mail, i.e. once staff decided to introduce them.
 *
 * Anyone may submit an inquiry naming any address, so the acknowledgement sent to that address at
 * once is a fixed text: Kenner's own words and the reference it made, nothing the submitter typed
 * (no name, organisation or description). Otherwise submitInquiry would let anyone mail anyone
 * their own words through Kenner's sender. What was typed goes only to the staff address.
 */
export function inquiryReceived(inquiry: InquiryEntity, staffEmail?: string): Notification[] {
  return [
    {
      kind: 'inquiry-received',
      recipient: staffEmail,
      subject: `New inquiry ${inquiry.reference}`,
      body: [
        `A new inquiry ${inquiry.reference} was submitted by ${inquiry.requesterName} (${inquiry.organisation}, ${inquiry.country}).`,
        '',
        inquiry.description,
      ].join('\n'),
    },
    requesterAcknowledgement(inquiry.reference, inquiry.email),
  ];
}

/** The fixed text above: only the reference varies, and it is Kenner's. */
function requesterAcknowledgement(reference: string, email: string): Notification {
  return {
    kind: 'inquiry-confirmation',
    recipient: email,
    subject: `We received your inquiry ${reference}`,
    body: [
      'Hello,',
      '',
      `we received an inquiry giving this e-mail address. Its reference is ${reference}; please quote it when you write to us.`,
      'Our staff will look for suitable experts and get back to you.',
      '',
      'If you did not send this inquiry, you may ignore this message.',
    ].join('\n'),
  };
}

export function introductionMade(
  inquiry: InquiryEntity,
  experts: ExpertEntity[],
  note: string | null,
): Notification[] {
  const extra = note ? ['', note] : [];
  const toRequester: Notification = {
    kind: 'introduction-requester',
    recipient: inquiry.email,
    subject: `Experts for your inquiry ${inquiry.reference}`,
    body: [
      `Dear ${inquiry.requesterName},`,
      '',
      `for your inquiry ${inquiry.reference} we introduce you to:`,
      ...experts.map((e) => `- ${e.name} <${e.email}>`),
      ...extra,
    ].join('\n'),
  };
  const toExperts = experts.map((expert): Notification => ({
    kind: 'introduction-expert',
    recipient: expert.email,
    subject: `Introduction: ${inquiry.requesterName} (${inquiry.reference})`,
    body: [
      `Dear ${expert.name},`,
      '',
      `we introduced you to ${inquiry.requesterName} of ${inquiry.organisation} <${inquiry.email}>, who asked:`,
      '',
      inquiry.description,
      ...extra,
    ].join('\n'),
  }));
  return [toRequester, ...toExperts];
}
