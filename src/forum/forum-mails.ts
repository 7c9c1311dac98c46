import { Language } from '../common/i18n/language.js';
import type { Notification } from '../notifications/notification-outbox.service.js';

export interface ForumMail {
  to: string;
  language: Language;
  /** The name Kenner holds for the recipient. */
  name: string;
  /** The question's title, as its asker wrote it (on one line here). */
  title: string;
  /** `<PUBLIC_URL>/forum/questions/<id>`; null without a public URL (the id alone then). */
  link: string | null;
  questionId: string;
}

interface Texts {
  subject: (title: string) => string;
  greeting: (name: string) => string;
  intro: string;
  idOnly: (id: string) => string;
  optOut: string;
}

/** Kenner's own text, plain; only the name, the title and the link vary. No post body is sent. */
const ASKED: Record<Language, Texts> = {
  [Language.EN]: {
    subject: (t) => `New forum question on your techniques: ${t}`,
    greeting: (n) => (n ? `Hello ${n},` : 'Hello,'),
    intro: 'a member asked a question in the Kenner forum about a technique of your profile:',
    idOnly: (id) => `Sign in to Kenner and open question ${id}.`,
    optOut: 'You receive this as an expert of that technique; turn it off on your profile.',
  },
  [Language.FR]: {
    subject: (t) => `Nouvelle question du forum sur vos techniques : ${t}`,
    greeting: (n) => (n ? `Bonjour ${n},` : 'Bonjour,'),
    intro:
      'un membre a posé une question dans le forum de Kenner sur une technique de votre profil :',
    idOnly: (id) => `Connectez-vous à Kenner et ouvrez la question ${id}.`,
    optOut:
      'Vous recevez ceci en tant qu’expert de cette technique ; désactivez-le dans votre profil.',
  },
  [Language.DE]: {
    subject: (t) => `Neue Forumsfrage zu Ihren Techniken: ${t}`,
    greeting: (n) => (n ? `Guten Tag ${n},` : 'Guten Tag,'),
    intro: 'ein Mitglied hat im Kenner-Forum eine Frage zu einer Technik Ihres Profils gestellt:',
    idOnly: (id) => `Melden Sie sich bei Kenner an und öffnen Sie die Frage ${id}.`,
    optOut: 'Sie erhalten dies als Expertin oder Experte dieser Technik; abschalten im Profil.',
  },
  [Language.NL]: {
    subject: (t) => `Nieuwe forumvraag over uw technieken: ${t}`,
    greeting: (n) => (n ? `Beste ${n},` : 'Beste,'),
    intro: 'een lid stelde in het Kenner-forum een vraag over een techniek van uw profiel:',
    idOnly: (id) => `Meld u aan bij Kenner en open vraag ${id}.`,
    optOut: 'U ontvangt dit als expert van die techniek; zet het uit in uw profiel.',
  },
};

const ANSWERED: Record<Language, Texts> = {
  [Language.EN]: {
    subject: (t) => `New answer in the forum: ${t}`,
    greeting: ASKED[Language.EN].greeting,
    intro: 'a question you follow in the Kenner forum has a new answer:',
    idOnly: ASKED[Language.EN].idOnly,
    optOut: 'You receive this because you follow the question; unfollow it to stop.',
  },
  [Language.FR]: {
    subject: (t) => `Nouvelle réponse dans le forum : ${t}`,
    greeting: ASKED[Language.FR].greeting,
    intro: 'une question que vous suivez dans le forum de Kenner a une nouvelle réponse :',
    idOnly: ASKED[Language.FR].idOnly,
    optOut: 'Vous recevez ceci car vous suivez la question ; cessez de la suivre pour l’arrêter.',
  },
  [Language.DE]: {
    subject: (t) => `Neue Antwort im Forum: ${t}`,
    greeting: ASKED[Language.DE].greeting,
    intro: 'eine Frage, der Sie im Kenner-Forum folgen, hat eine neue Antwort:',
    idOnly: ASKED[Language.DE].idOnly,
    optOut: 'Sie erhalten dies, weil Sie der Frage folgen; entfolgen Sie ihr, um es zu beenden.',
  },
  [Language.NL]: {
    subject: (t) => `Nieuw antwoord in het forum: ${t}`,
    greeting: ASKED[Language.NL].greeting,
    intro: 'een vraag die u volgt in het Kenner-forum heeft een nieuw antwoord:',
    idOnly: ASKED[Language.NL].idOnly,
    optOut: 'U ontvangt dit omdat u de vraag volgt; ontvolg haar om het te stoppen.',
  },
};

/** Titles on one line, shortened for a subject: no header ever spans lines. */
const oneLine = (text: string, max: number) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

function forumMail(kind: string, texts: Record<Language, Texts>, mail: ForumMail): Notification {
  const t = texts[mail.language];
  const where = mail.link ? [mail.link] : [t.idOnly(mail.questionId)];
  return {
    kind,
    recipient: mail.to,
    subject: t.subject(oneLine(mail.title, 120)),
    body: [
      t.greeting(mail.name),
      '',
      t.intro,
      '',
      oneLine(mail.title, 200),
      ...where,
      '',
      t.optOut,
    ].join('\n'),
  };
}

export const questionAskedMail = (mail: ForumMail) => forumMail('forum-question', ASKED, mail);
export const answerPostedMail = (mail: ForumMail) => forumMail('forum-answer', ANSWERED, mail);
