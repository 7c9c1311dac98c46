export const LANGUAGES = ['en', 'fr', 'de', 'nl'] as const;
export type Lang = (typeof LANGUAGES)[number];

const en = {
  searchLabel: 'Search experts by technique, material or name',
  placeholder: 'e.g. XRD, SEM, steel',
  search: 'Search',
  techniques: 'Techniques',
  near: 'Near',
  town: 'Town',
  myPosition: 'Use my position',
  myPositionActive: 'My position',
  positionUnavailable: 'Your position is not available.',
  radius: 'Radius',
  anyDistance: 'Any distance',
  sortBy: 'Sort by',
  RELEVANCE: 'Relevance',
  DISTANCE: 'Distance',
  NAME: 'Name',
  filters: 'Filters',
  TECHNOLOGY: 'Technique',
  COUNTRY: 'Country',
  ORGANISATION_TYPE: 'Organisation type',
  LANGUAGE: 'Language',
  MATERIAL: 'Material',
  CLUSTER: 'Cluster',
  showMore: 'Show more',
  showLess: 'Show less',
  removeFilter: 'Remove filter: {label}',
  clearFilters: 'Clear filters',
  found: { zero: 'No expert found', one: '1 expert found', other: '{n} experts found' },
  searching: 'Searching…',
  BASIC: 'Basic',
  ADVANCED: 'Advanced',
  EXPERT: 'Expert',
  years: '{n} yrs',
  away: '{distance} away',
  noMatch: 'No expert matches “{query}”.',
  closeTechniques: 'Close techniques:',
  tryFewerFilters: 'Try fewer filters or a wider radius.',
  pages: 'Pages',
  previous: 'Previous',
  next: 'Next',
  pageOf: 'Page {page} of {pages}',
  request: 'Request an analysis',
  requestWith: 'Request an analysis with {name}',
  regarding: 'Regarding {name} ({organisation}): ',
  requestIntro:
    'Describe what you need analysed. The cluster staff will find the right experts and contact you.',
  requesterName: 'Your name',
  email: 'E-mail',
  organisation: 'Organisation',
  country: 'Country',
  description: 'What do you need analysed?',
  deadline: 'Deadline (optional)',
  consent: 'I agree that the cluster staff contact me about this request.',
  send: 'Send request',
  sending: 'Sending…',
  cancel: 'Cancel',
  close: 'Close',
  sent: 'Thank you. Your reference is {reference}. The cluster staff will contact you.',
  required: 'Please fill in this field.',
  consentRequired: 'Please agree to be contacted.',
  unavailable: 'Search is unavailable. Please try again later.',
  tooMany: 'Too many requests. Please wait a moment and try again.',
};
export type Messages = typeof en;

const fr: Messages = {
  searchLabel: 'Rechercher des experts par technique, matériau ou nom',
  placeholder: 'p. ex. DRX, MEB, acier',
  search: 'Rechercher',
  techniques: 'Techniques',
  near: 'Près de',
  town: 'Ville',
  myPosition: 'Utiliser ma position',
  myPositionActive: 'Ma position',
  positionUnavailable: 'Votre position n’est pas disponible.',
  radius: 'Rayon',
  anyDistance: 'Toute distance',
  sortBy: 'Trier par',
  RELEVANCE: 'Pertinence',
  DISTANCE: 'Distance',
  NAME: 'Nom',
  filters: 'Filtres',
  TECHNOLOGY: 'Technique',
  COUNTRY: 'Pays',
  ORGANISATION_TYPE: 'Type d’organisation',
  LANGUAGE: 'Langue',
  MATERIAL: 'Matériau',
  CLUSTER: 'Cluster',
  showMore: 'Afficher plus',
  showLess: 'Afficher moins',
  removeFilter: 'Retirer le filtre : {label}',
  clearFilters: 'Effacer les filtres',
  found: { zero: 'Aucun expert trouvé', one: '1 expert trouvé', other: '{n} experts trouvés' },
  searching: 'Recherche…',
  BASIC: 'Notions',
  ADVANCED: 'Avancé',
  EXPERT: 'Expert',
  years: '{n} ans',
  away: 'à {distance}',
  noMatch: 'Aucun expert ne correspond à « {query} ».',
  closeTechniques: 'Techniques proches :',
  tryFewerFilters: 'Essayez moins de filtres ou un rayon plus grand.',
  pages: 'Pages',
  previous: 'Précédent',
  next: 'Suivant',
  pageOf: 'Page {page} sur {pages}',
  request: 'Demander une analyse',
  requestWith: 'Demander une analyse à {name}',
  regarding: 'Au sujet de {name} ({organisation}) : ',
  requestIntro:
    'Décrivez ce que vous souhaitez faire analyser. L’équipe du cluster trouvera les bons experts et vous contactera.',
  requesterName: 'Votre nom',
  email: 'E-mail',
  organisation: 'Organisation',
  country: 'Pays',
  description: 'Que souhaitez-vous faire analyser ?',
  deadline: 'Échéance (facultatif)',
  consent: 'J’accepte que l’équipe du cluster me contacte au sujet de cette demande.',
  send: 'Envoyer la demande',
  sending: 'Envoi…',
  cancel: 'Annuler',
  close: 'Fermer',
  sent: 'Merci. Votre référence est {reference}. L’équipe du cluster vous contactera.',
  required: 'Veuillez remplir ce champ.',
  consentRequired: 'Veuillez accepter d’être contacté.',
  unavailable: 'La recherche est indisponible. Veuillez réessayer plus tard.',
  tooMany: 'Trop de demandes. Veuillez patienter un instant.',
};

const de: Messages = {
  searchLabel: 'Experten nach Technik, Werkstoff oder Name suchen',
  placeholder: 'z. B. XRD, REM, Stahl',
  search: 'Suchen',
  techniques: 'Techniken',
  near: 'In der Nähe von',
  town: 'Ort',
  myPosition: 'Meinen Standort verwenden',
  myPositionActive: 'Mein Standort',
  positionUnavailable: 'Ihr Standort ist nicht verfügbar.',
  radius: 'Umkreis',
  anyDistance: 'Beliebige Entfernung',
  sortBy: 'Sortieren nach',
  RELEVANCE: 'Relevanz',
  DISTANCE: 'Entfernung',
  NAME: 'Name',
  filters: 'Filter',
  TECHNOLOGY: 'Technik',
  COUNTRY: 'Land',
  ORGANISATION_TYPE: 'Art der Organisation',
  LANGUAGE: 'Sprache',
  MATERIAL: 'Werkstoff',
  CLUSTER: 'Cluster',
  showMore: 'Mehr anzeigen',
  showLess: 'Weniger anzeigen',
  removeFilter: 'Filter entfernen: {label}',
  clearFilters: 'Filter zurücksetzen',
  found: {
    zero: 'Kein Experte gefunden',
    one: '1 Experte gefunden',
    other: '{n} Experten gefunden',
  },
  searching: 'Suche…',
  BASIC: 'Grundkenntnisse',
  ADVANCED: 'Fortgeschritten',
  EXPERT: 'Experte',
  years: '{n} J.',
  away: '{distance} entfernt',
  noMatch: 'Kein Experte passt zu „{query}“.',
  closeTechniques: 'Ähnliche Techniken:',
  tryFewerFilters: 'Versuchen Sie weniger Filter oder einen größeren Umkreis.',
  pages: 'Seiten',
  previous: 'Zurück',
  next: 'Weiter',
  pageOf: 'Seite {page} von {pages}',
  request: 'Analyse anfragen',
  requestWith: 'Analyse bei {name} anfragen',
  regarding: 'Betrifft {name} ({organisation}): ',
  requestIntro:
    'Beschreiben Sie, was analysiert werden soll. Das Cluster-Team findet die passenden Experten und meldet sich bei Ihnen.',
  requesterName: 'Ihr Name',
  email: 'E-Mail',
  organisation: 'Organisation',
  country: 'Land',
  description: 'Was soll analysiert werden?',
  deadline: 'Frist (optional)',
  consent: 'Ich bin einverstanden, dass das Cluster-Team mich zu dieser Anfrage kontaktiert.',
  send: 'Anfrage senden',
  sending: 'Wird gesendet…',
  cancel: 'Abbrechen',
  close: 'Schließen',
  sent: 'Danke. Ihre Referenz lautet {reference}. Das Cluster-Team meldet sich bei Ihnen.',
  required: 'Bitte füllen Sie dieses Feld aus.',
  consentRequired: 'Bitte stimmen Sie der Kontaktaufnahme zu.',
  unavailable: 'Die Suche ist nicht verfügbar. Bitte versuchen Sie es später erneut.',
  tooMany: 'Zu viele Anfragen. Bitte warten Sie einen Moment.',
};

const nl: Messages = {
  searchLabel: 'Zoek experts op techniek, materiaal of naam',
  placeholder: 'bijv. XRD, SEM, staal',
  search: 'Zoeken',
  techniques: 'Technieken',
  near: 'In de buurt van',
  town: 'Plaats',
  myPosition: 'Mijn locatie gebruiken',
  myPositionActive: 'Mijn locatie',
  positionUnavailable: 'Uw locatie is niet beschikbaar.',
  radius: 'Straal',
  anyDistance: 'Elke afstand',
  sortBy: 'Sorteren op',
  RELEVANCE: 'Relevantie',
  DISTANCE: 'Afstand',
  NAME: 'Naam',
  filters: 'Filters',
  TECHNOLOGY: 'Techniek',
  COUNTRY: 'Land',
  ORGANISATION_TYPE: 'Type organisatie',
  LANGUAGE: 'Taal',
  MATERIAL: 'Materiaal',
  CLUSTER: 'Cluster',
  showMore: 'Meer tonen',
  showLess: 'Minder tonen',
  removeFilter: 'Filter verwijderen: {label}',
  clearFilters: 'Filters wissen',
  found: { zero: 'Geen expert gevonden', one: '1 expert gevonden', other: '{n} experts gevonden' },
  searching: 'Zoeken…',
  BASIC: 'Basis',
  ADVANCED: 'Gevorderd',
  EXPERT: 'Expert',
  years: '{n} jr',
  away: 'op {distance}',
  noMatch: 'Geen expert gevonden voor ‘{query}’.',
  closeTechniques: 'Verwante technieken:',
  tryFewerFilters: 'Probeer minder filters of een grotere straal.',
  pages: 'Pagina’s',
  previous: 'Vorige',
  next: 'Volgende',
  pageOf: 'Pagina {page} van {pages}',
  request: 'Analyse aanvragen',
  requestWith: 'Analyse aanvragen bij {name}',
  regarding: 'Betreft {name} ({organisation}): ',
  requestIntro:
    'Beschrijf wat u wilt laten analyseren. Het clusterteam zoekt de juiste experts en neemt contact met u op.',
  requesterName: 'Uw naam',
  email: 'E-mail',
  organisation: 'Organisatie',
  country: 'Land',
  description: 'Wat wilt u laten analyseren?',
  deadline: 'Deadline (optioneel)',
  consent: 'Ik ga ermee akkoord dat het clusterteam contact met mij opneemt over deze aanvraag.',
  send: 'Aanvraag versturen',
  sending: 'Versturen…',
  cancel: 'Annuleren',
  close: 'Sluiten',
  sent: 'Bedankt. Uw referentie is {reference}. Het clusterteam neemt contact met u op.',
  required: 'Vul dit veld in.',
  consentRequired: 'Geef toestemming om contact met u op te nemen.',
  unavailable: 'Zoeken is niet beschikbaar. Probeer het later opnieuw.',
  tooMany: 'Te veel verzoeken. Wacht even en probeer het opnieuw.',
};

export const MESSAGES: Record<Lang, Messages> = { en, fr, de, nl };

type TextKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

/** The texts of one language, with `{name}` placeholders filled in. */
export class Texts {
  readonly messages: Messages;
  private readonly plural: Intl.PluralRules;
  private regionNames?: Intl.DisplayNames;

  constructor(
    readonly lang: Lang,
    /** The level of the widget's headings (`h2` by default), set by `heading-level`. */
    readonly headingLevel = 2,
  ) {
    this.messages = MESSAGES[lang];
    this.plural = new Intl.PluralRules(lang);
  }

  /** The widget's heading element, at the level the page asked for. */
  get heading(): 'h2' | 'h3' | 'h4' | 'h5' | 'h6' {
    return `h${this.headingLevel}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
  }

  t(key: TextKey, values: Record<string, string | number> = {}): string {
    return fill(this.messages[key], values);
  }

  found(n: number): string {
    const forms = this.messages.found;
    const form = n === 0 ? forms.zero : this.plural.select(n) === 'one' ? forms.one : forms.other;
    return fill(form, { n: this.number(n) });
  }

  number(n: number): string {
    return new Intl.NumberFormat(this.lang).format(n);
  }

  distance(km: number): string {
    return new Intl.NumberFormat(this.lang, {
      style: 'unit',
      unit: 'kilometer',
      maximumFractionDigits: km < 10 ? 1 : 0,
    }).format(km);
  }

  /** A country's name from its ISO code, as the browser names it in this language. */
  country(code: string): string {
    this.regionNames ??= new Intl.DisplayNames(this.lang, { type: 'region' });
    try {
      return this.regionNames.of(code) ?? code;
    } catch {
      return code;
    }
  }
}

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (all, name: string) =>
    name in values ? String(values[name]) : all,
  );
}

/**
 * The widget's language: its `lang` attribute, else the nearest `lang` up the page (across
 * shadow roots), else the browser's. Luxembourgish pages get French, the language of most of
 * the cluster's sites; anything else unknown gets English.
 */
export function pickLanguage(host: Element): Lang {
  const asked = langUp(host) ?? navigator.language;
  const base = asked.toLowerCase().split(/[-_]/)[0] ?? 'en';
  if (base === 'lb') return 'fr';
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Lang) : 'en';
}

function langUp(start: Element): string | undefined {
  let node: Element | null = start;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    const value = found?.getAttribute('lang');
    if (value) return value;
    const root: Node = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return document.documentElement.lang || undefined;
}
