import { ServiceKind } from '../../experts/expert.entity.js';
import { type Language } from '../../common/i18n/language.js';
import { OrganisationType } from '../../organisations/organisation.entity.js';

type Translations<E extends string> = Readonly<Record<E, Readonly<Record<Language, string>>>>;

/**
 * Labels of the enum values that search shows as facet values. Typed by the enums, so a value
 * added to one without its four labels does not compile (test/unit/enum-labels.spec.ts checks
 * none is blank).
 */
export const ENUM_LABELS: {
  organisationType: Translations<OrganisationType>;
  service: Translations<ServiceKind>;
} = {
  organisationType: {
    [OrganisationType.COMPANY]: {
      EN: 'Company',
      FR: 'Entreprise',
      DE: 'Unternehmen',
      NL: 'Bedrijf',
    },
    [OrganisationType.RESEARCH_INSTITUTE]: {
      EN: 'Research institute',
      FR: 'Institut de recherche',
      DE: 'Forschungsinstitut',
      NL: 'Onderzoeksinstituut',
    },
    [OrganisationType.UNIVERSITY]: {
      EN: 'University',
      FR: 'Université',
      DE: 'Universität',
      NL: 'Universiteit',
    },
    [OrganisationType.TESTING_LAB]: {
      EN: 'Testing laboratory',
      FR: "Laboratoire d'essais",
      DE: 'Prüflabor',
      NL: 'Testlaboratorium',
    },
    [OrganisationType.PUBLIC_BODY]: {
      EN: 'Public body',
      FR: 'Organisme public',
      DE: 'Öffentliche Einrichtung',
      NL: 'Overheidsinstantie',
    },
    [OrganisationType.OTHER]: { EN: 'Other', FR: 'Autre', DE: 'Sonstige', NL: 'Overig' },
  },
  service: {
    [ServiceKind.FAILURE_ANALYSIS]: {
      EN: 'Failure analysis',
      FR: 'Analyse de défaillance',
      DE: 'Schadensanalyse',
      NL: 'Schadeanalyse',
    },
    [ServiceKind.QUALITY_CONTROL]: {
      EN: 'Quality control',
      FR: 'Contrôle qualité',
      DE: 'Qualitätskontrolle',
      NL: 'Kwaliteitscontrole',
    },
    [ServiceKind.RESEARCH_AND_DEVELOPMENT]: {
      EN: 'Research and development',
      FR: 'Recherche et développement',
      DE: 'Forschung und Entwicklung',
      NL: 'Onderzoek en ontwikkeling',
    },
    [ServiceKind.TRAINING]: { EN: 'Training', FR: 'Formation', DE: 'Schulung', NL: 'Opleiding' },
    [ServiceKind.CONSULTING]: { EN: 'Consulting', FR: 'Conseil', DE: 'Beratung', NL: 'Advies' },
    [ServiceKind.CERTIFICATION]: {
      EN: 'Certification',
      FR: 'Certification',
      DE: 'Zertifizierung',
      NL: 'Certificering',
    },
  },
};

/** The label of a stored enum value; a value the table does not know comes back as it was. */
export function enumLabel(
  table: keyof typeof ENUM_LABELS,
  raw: string,
  language: Language,
): string {
  const labels = (ENUM_LABELS[table] as Record<string, Record<Language, string>>)[raw];
  return labels?.[language] ?? raw;
}
