import { Language } from '../common/i18n/language.js';
import type { Notification } from '../notifications/notification-outbox.service.js';

interface ProfileReminder {
  to: string;
  language: Language;
  /** The name Kenner holds for the expert. */
  name: string;
  /** YYYY-MM-DD; null: never confirmed. */
  lastConfirmed: string | null;
  token: string;
  /** `<PUBLIC_URL>/sign-in?token=…`; null without a public URL (the code alone then). */
  link: string | null;
  days: number;
}

interface Texts {
  subject: string;
  greeting: (name: string) => string;
  since: (day: string | null) => string;
  ask: string;
  orToken: string;
  tokenOnly: string;
  validity: (days: number) => string;
}

/** Kenner's own text, plain, with only dates, the name Kenner holds, the link and code varying. */
const TEXTS: Record<Language, Texts> = {
  [Language.EN]: {
    subject: 'Is your expert profile on Kenner still right?',
    greeting: (name) => `Hello ${name},`,
    since: (day) =>
      day
        ? `your expert profile on Kenner was last confirmed on ${day}.`
        : 'your expert profile on Kenner has never been confirmed.',
    ask: 'Please check it, change what has changed, and confirm it. Open this link to sign in:',
    orToken: 'Or enter this sign-in code:',
    tokenOnly: 'Please check it, change what has changed, and confirm it. Sign in with this code:',
    validity: (d) => `The link works once, within ${d} days.`,
  },
  [Language.FR]: {
    subject: 'Votre profil d’expert sur Kenner est-il à jour ?',
    greeting: (name) => `Bonjour ${name},`,
    since: (day) =>
      day
        ? `votre profil d’expert sur Kenner a été confirmé pour la dernière fois le ${day}.`
        : 'votre profil d’expert sur Kenner n’a jamais été confirmé.',
    ask: 'Merci de le relire, de corriger ce qui a changé et de le confirmer. Ouvrez ce lien pour vous connecter :',
    orToken: 'Ou saisissez ce code de connexion :',
    tokenOnly:
      'Merci de le relire, de corriger ce qui a changé et de le confirmer. Connectez-vous avec ce code :',
    validity: (d) => `Le lien ne fonctionne qu’une fois, dans les ${d} jours.`,
  },
  [Language.DE]: {
    subject: 'Ist Ihr Expertenprofil bei Kenner noch aktuell?',
    greeting: (name) => `Guten Tag ${name},`,
    since: (day) =>
      day
        ? `Ihr Expertenprofil bei Kenner wurde zuletzt am ${day} bestätigt.`
        : 'Ihr Expertenprofil bei Kenner wurde noch nie bestätigt.',
    ask: 'Bitte prüfen Sie es, ändern Sie, was sich geändert hat, und bestätigen Sie es. Öffnen Sie diesen Link, um sich anzumelden:',
    orToken: 'Oder geben Sie diesen Anmeldecode ein:',
    tokenOnly:
      'Bitte prüfen Sie es, ändern Sie, was sich geändert hat, und bestätigen Sie es. Melden Sie sich mit diesem Code an:',
    validity: (d) => `Der Link funktioniert einmal, innerhalb von ${d} Tagen.`,
  },
  [Language.NL]: {
    subject: 'Klopt uw expertprofiel op Kenner nog?',
    greeting: (name) => `Beste ${name},`,
    since: (day) =>
      day
        ? `uw expertprofiel op Kenner werd het laatst bevestigd op ${day}.`
        : 'uw expertprofiel op Kenner werd nog nooit bevestigd.',
    ask: 'Controleer het, pas aan wat veranderd is en bevestig het. Open deze link om u aan te melden:',
    orToken: 'Of voer deze aanmeldcode in:',
    tokenOnly:
      'Controleer het, pas aan wat veranderd is en bevestig het. Meld u aan met deze code:',
    validity: (d) => `De link werkt één keer, binnen ${d} dagen.`,
  },
};

export function profileReminderMail(mail: ProfileReminder): Notification {
  const t = TEXTS[mail.language];
  const how = mail.link
    ? [t.ask, '', mail.link, '', t.orToken, mail.token]
    : [t.tokenOnly, '', mail.token];
  return {
    kind: 'profile-reminder',
    recipient: mail.to,
    subject: t.subject,
    body: [
      t.greeting(mail.name),
      '',
      t.since(mail.lastConfirmed),
      '',
      ...how,
      '',
      t.validity(mail.days),
    ].join('\n'),
  };
}
