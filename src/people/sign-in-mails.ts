import { Language } from '../common/i18n/language.js';
import type { Notification } from '../notifications/notification-outbox.service.js';

interface SignInMail {
  /** The address; never echoed into the text. */
  to: string;
  language: Language;
  /** A name Kenner holds (the person's or the expert profile's), never one the requester typed. */
  name: string | null;
  token: string;
  /** `<base>/sign-in?token=…`; null when Kenner knows no address of its own to link to. */
  link: string | null;
  minutes: number;
}

interface Texts {
  subject: string;
  greeting: (name: string | null) => string;
  intro: string;
  orToken: string;
  tokenOnly: string;
  validity: (minutes: number) => string;
  ignore: string;
}

/**
 * Anyone may ask for a sign-in mail to any address, so the text is Kenner's own: only the link,
 * the token, the validity and a name Kenner already holds vary. Plain text, no HTML.
 */
const TEXTS: Record<Language, Texts> = {
  [Language.EN]: {
    subject: 'Your sign-in link for Kenner',
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    intro: 'to sign in to Kenner, open this link:',
    orToken: 'Or enter this sign-in code:',
    tokenOnly: 'To sign in to Kenner, enter this sign-in code:',
    validity: (m) => `The link works once, within ${m} minutes.`,
    ignore: 'If you did not ask to sign in, ignore this message: nothing happens without the link.',
  },
  [Language.FR]: {
    subject: 'Votre lien de connexion à Kenner',
    greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    intro: 'pour vous connecter à Kenner, ouvrez ce lien :',
    orToken: 'Ou saisissez ce code de connexion :',
    tokenOnly: 'Pour vous connecter à Kenner, saisissez ce code de connexion :',
    validity: (m) => `Le lien ne fonctionne qu’une fois, dans les ${m} minutes.`,
    ignore:
      'Si vous n’avez pas demandé à vous connecter, ignorez ce message : rien ne se passe sans le lien.',
  },
  [Language.DE]: {
    subject: 'Ihr Anmeldelink für Kenner',
    greeting: (name) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
    intro: 'um sich bei Kenner anzumelden, öffnen Sie diesen Link:',
    orToken: 'Oder geben Sie diesen Anmeldecode ein:',
    tokenOnly: 'Um sich bei Kenner anzumelden, geben Sie diesen Anmeldecode ein:',
    validity: (m) => `Der Link funktioniert einmal, innerhalb von ${m} Minuten.`,
    ignore:
      'Wenn Sie keine Anmeldung angefordert haben, ignorieren Sie diese Nachricht: Ohne den Link geschieht nichts.',
  },
  [Language.NL]: {
    subject: 'Uw aanmeldlink voor Kenner',
    greeting: (name) => (name ? `Beste ${name},` : 'Beste,'),
    intro: 'open deze link om u aan te melden bij Kenner:',
    orToken: 'Of voer deze aanmeldcode in:',
    tokenOnly: 'Voer deze aanmeldcode in om u aan te melden bij Kenner:',
    validity: (m) => `De link werkt één keer, binnen ${m} minuten.`,
    ignore:
      'Hebt u niet gevraagd om u aan te melden? Negeer dan dit bericht: zonder de link gebeurt er niets.',
  },
};

export function signInMail(mail: SignInMail): Notification {
  const t = TEXTS[mail.language];
  const how = mail.link
    ? [t.intro, '', mail.link, '', t.orToken, mail.token]
    : [t.tokenOnly, '', mail.token];
  return {
    kind: 'sign-in-link',
    recipient: mail.to,
    subject: t.subject,
    body: [t.greeting(mail.name), '', ...how, '', t.validity(mail.minutes), '', t.ignore].join(
      '\n',
    ),
  };
}
