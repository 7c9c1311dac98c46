import type { ExpertEntity } from '../experts/expert.entity.js';
import type { Notification } from '../notifications/notification-outbox.service.js';
import type { InquiryEntity } from './inquiry.entity.js';

/**
 * The texts of the inquiry notifications. A requester learns an expert's name and address only
 * in the introduction mail, i.e. once staff decided to introduce them.
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
    {
      kind: 'inquiry-confirmation',
      recipient: inquiry.email,
      subject: `We received your inquiry ${inquiry.reference}`,
      body: [
        `Dear ${inquiry.requesterName},`,
        '',
        `thank you for your inquiry. Its reference is ${inquiry.reference}; please quote it when you write to us.`,
        'Our staff will look for suitable experts and get back to you.',
      ].join('\n'),
    },
  ];
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
