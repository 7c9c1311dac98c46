import { Language } from '../common/i18n/language.js';
import type { Notification } from '../notifications/notification-outbox.service.js';

export const DIGEST_KIND = 'message-digest';

export interface DigestEntry {
  conversationId: string;
  subject: string;
  unread: number;
}

interface Digest {
  to: string;
  language: Language;
  name: string;
  entries: DigestEntry[];
  /** PUBLIC_URL: conversations are linked under it; without it, the mail names them only. */
  base: string | null;
  minutes: number;
}

interface Texts {
  subject: string;
  greeting: (name: string) => string;
  intro: string;
  unread: (n: number) => string;
  open: string;
  why: (minutes: number) => string;
}

/** Kenner's own text; only the name, the subjects, the counts and the links vary. */
const TEXTS: Record<Language, Texts> = {
  [Language.EN]: {
    subject: 'Unread messages on Kenner',
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    intro: 'messages are waiting for you on Kenner:',
    unread: (n) => `${n} unread`,
    open: 'Open Kenner to read and answer:',
    why: (m) =>
      `You get one such mail when messages stay unread for ${m} minutes, not one per message. Mute a conversation to get none for it.`,
  },
  [Language.FR]: {
    subject: 'Messages non lus sur Kenner',
    greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    intro: 'des messages vous attendent sur Kenner :',
    unread: (n) => `${n} non lu${n > 1 ? 's' : ''}`,
    open: 'Ouvrez Kenner pour les lire et répondre :',
    why: (m) =>
      `Vous recevez un tel message quand des messages restent non lus ${m} minutes, pas un par message. Mettez une conversation en sourdine pour n’en recevoir aucun.`,
  },
  [Language.DE]: {
    subject: 'Ungelesene Nachrichten bei Kenner',
    greeting: (name) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
    intro: 'bei Kenner warten Nachrichten auf Sie:',
    unread: (n) => `${n} ungelesen`,
    open: 'Öffnen Sie Kenner, um sie zu lesen und zu antworten:',
    why: (m) =>
      `Sie erhalten eine solche Mail, wenn Nachrichten ${m} Minuten ungelesen bleiben, nicht eine pro Nachricht. Schalten Sie ein Gespräch stumm, um keine dafür zu erhalten.`,
  },
  [Language.NL]: {
    subject: 'Ongelezen berichten op Kenner',
    greeting: (name) => (name ? `Beste ${name},` : 'Beste,'),
    intro: 'er wachten berichten op u op Kenner:',
    unread: (n) => `${n} ongelezen`,
    open: 'Open Kenner om ze te lezen en te beantwoorden:',
    why: (m) =>
      `U krijgt zo’n mail wanneer berichten ${m} minuten ongelezen blijven, niet één per bericht. Demp een gesprek om er geen voor te krijgen.`,
  },
};

/** `<PUBLIC_URL>/conversations/<id>`: where a client app shows a conversation. */
export const conversationLink = (base: string, id: string): string =>
  `${base.replace(/\/+$/, '')}/conversations/${id}`;

/** One mail for all the conversations a person has left unread: plain text, never HTML. */
export function digestMail(digest: Digest): Notification {
  const t = TEXTS[digest.language] ?? TEXTS[Language.EN];
  const lines = digest.entries.map((entry) => {
    const where = digest.base ? `: ${conversationLink(digest.base, entry.conversationId)}` : '';
    return `- ${entry.subject} (${t.unread(entry.unread)})${where}`;
  });
  const open = digest.base ? ['', t.open, `${digest.base.replace(/\/+$/, '')}/conversations`] : [];
  return {
    kind: DIGEST_KIND,
    recipient: digest.to,
    subject: t.subject,
    body: [
      t.greeting(digest.name),
      '',
      t.intro,
      '',
      ...lines,
      ...open,
      '',
      t.why(digest.minutes),
    ].join('\n'),
  };
}
