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
  /**
   * A guest by link: no link to the conversation (without the token it opens nothing) and never
   * the token (mailed once; staff re-issue it), but where to find it; guests cannot mute.
   */
  guest: boolean;
}

interface Texts {
  subject: string;
  greeting: (name: string) => string;
  intro: string;
  unread: (n: number) => string;
  open: string;
  byLink: string;
  why: (minutes: number) => string;
  mute: string;
}

/** Kenner's own text; only the name, the subjects, the counts and the links vary. */
const TEXTS: Record<Language, Texts> = {
  [Language.EN]: {
    subject: 'Unread messages on Kenner',
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    intro: 'messages are waiting for you on Kenner:',
    unread: (n) => `${n} unread`,
    open: 'Open Kenner to read and answer:',
    byLink:
      'Read and answer with the personal link we mailed you for this conversation. If it no longer works, ask the cluster staff for a new one.',
    why: (m) =>
      `You get one such mail when messages stay unread for ${m} minutes, not one per message.`,
    mute: 'Mute a conversation to get none for it.',
  },
  [Language.FR]: {
    subject: 'Messages non lus sur Kenner',
    greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    intro: 'des messages vous attendent sur Kenner :',
    unread: (n) => `${n} non lu${n > 1 ? 's' : ''}`,
    open: 'Ouvrez Kenner pour les lire et répondre :',
    byLink:
      'Lisez et répondez avec le lien personnel que nous vous avons envoyé pour cette conversation. S’il ne fonctionne plus, demandez-en un nouveau à l’équipe du cluster.',
    why: (m) =>
      `Vous recevez un tel message quand des messages restent non lus ${m} minutes, pas un par message.`,
    mute: 'Mettez une conversation en sourdine pour n’en recevoir aucun.',
  },
  [Language.DE]: {
    subject: 'Ungelesene Nachrichten bei Kenner',
    greeting: (name) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
    intro: 'bei Kenner warten Nachrichten auf Sie:',
    unread: (n) => `${n} ungelesen`,
    open: 'Öffnen Sie Kenner, um sie zu lesen und zu antworten:',
    byLink:
      'Lesen und antworten Sie mit dem persönlichen Link, den wir Ihnen für dieses Gespräch geschickt haben. Funktioniert er nicht mehr, bitten Sie das Cluster-Team um einen neuen.',
    why: (m) =>
      `Sie erhalten eine solche Mail, wenn Nachrichten ${m} Minuten ungelesen bleiben, nicht eine pro Nachricht.`,
    mute: 'Schalten Sie ein Gespräch stumm, um keine dafür zu erhalten.',
  },
  [Language.NL]: {
    subject: 'Ongelezen berichten op Kenner',
    greeting: (name) => (name ? `Beste ${name},` : 'Beste,'),
    intro: 'er wachten berichten op u op Kenner:',
    unread: (n) => `${n} ongelezen`,
    open: 'Open Kenner om ze te lezen en te beantwoorden:',
    byLink:
      'Lees en antwoord met de persoonlijke link die we u voor dit gesprek mailden. Werkt die niet meer, vraag dan het clusterteam om een nieuwe.',
    why: (m) =>
      `U krijgt zo’n mail wanneer berichten ${m} minuten ongelezen blijven, niet één per bericht.`,
    mute: 'Demp een gesprek om er geen voor te krijgen.',
  },
};

/** `<PUBLIC_URL>/conversations/<id>`: where a client app shows a conversation. */
export const conversationLink = (base: string, id: string): string =>
  `${base.replace(/\/+$/, '')}/conversations/${id}`;

/** One mail for all the conversations a person has left unread: plain text, never HTML. */
export function digestMail(digest: Digest): Notification {
  const t = TEXTS[digest.language] ?? TEXTS[Language.EN];
  const linked = digest.base && !digest.guest ? digest.base : null;
  const lines = digest.entries.map((entry) => {
    const where = linked ? `: ${conversationLink(linked, entry.conversationId)}` : '';
    return `- ${entry.subject} (${t.unread(entry.unread)})${where}`;
  });
  const open = digest.guest
    ? ['', t.byLink]
    : linked
      ? ['', t.open, `${linked.replace(/\/+$/, '')}/conversations`]
      : [];
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
      digest.guest ? t.why(digest.minutes) : `${t.why(digest.minutes)} ${t.mute}`,
    ].join('\n'),
  };
}
