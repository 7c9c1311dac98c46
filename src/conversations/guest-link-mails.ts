import type { Notification } from '../notifications/notification-outbox.service.js';

interface LinkMail {
  to: string;
  name: string;
  reference: string;
  /** The experts' names: the requester learns no address here, they write in the conversation. */
  experts: string[];
  token: string;
  /** `<PUBLIC_URL>/conversations/<id>#link=…`; null when Kenner knows no address of its own. */
  link: string | null;
  expiresAt: Date;
}

/**
 * The requester's personal link. The token rides in the link's fragment (`#link=`), which
 * browsers never send to a server nor in a Referer, so no proxy or page logs it. Plain text.
 */
export function conversationLinkMail(mail: LinkMail): Notification {
  const how = mail.link
    ? ['Read and answer there with your personal link:', '', mail.link, '', 'Or use this code:']
    : ['Read and answer there with this personal code:'];
  const experts = mail.experts.length
    ? ['We introduced you to:', ...mail.experts.map((name) => `- ${name}`), '']
    : [];
  return {
    kind: 'conversation-link',
    recipient: mail.to,
    subject: `Your conversation about inquiry ${mail.reference}`,
    body: [
      `Dear ${mail.name},`,
      '',
      `for your inquiry ${mail.reference} the cluster staff opened a conversation on Kenner with the experts they found for you; no account is needed.`,
      '',
      ...experts,
      ...how,
      mail.token,
      '',
      `It works until ${mail.expiresAt.toISOString().slice(0, 10)}. Keep it to yourself: whoever holds it reads and writes in this conversation as you. If it stops working, ask the cluster staff for a new one.`,
    ].join('\n'),
  };
}

interface ExpertMail {
  to: string;
  expertName: string;
  requesterName: string;
  organisation: string;
  reference: string;
  description: string;
  link: string | null;
}

/** An expert brought into an inquiry's conversation: who asked and what, never their address. */
export function introducedInConversationMail(mail: ExpertMail): Notification {
  return {
    kind: 'introduction-conversation',
    recipient: mail.to,
    subject: `Introduction: ${mail.requesterName} (${mail.reference})`,
    body: [
      `Dear ${mail.expertName},`,
      '',
      `we introduced you to ${mail.requesterName} of ${mail.organisation}, who asked:`,
      '',
      mail.description,
      '',
      'Answer in the conversation on Kenner (sign in to read it):',
      ...(mail.link ? [mail.link] : []),
    ].join('\n'),
  };
}
