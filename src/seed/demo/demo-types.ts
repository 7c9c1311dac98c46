/** Shapes of the demo dataset: plain data, written for Kenner, loaded by the seeder. */
export interface TranslatedNames {
  en: string;
  fr: string;
  de: string;
  nl: string;
}

export interface DemoTechnique {
  slug: string;
  names: TranslatedNames;
  acronyms: string[];
  synonyms: string[];
  parent: string | null;
  description: string;
  chmoId?: string;
}

export type OrganisationTypeName =
  'COMPANY' | 'RESEARCH_INSTITUTE' | 'UNIVERSITY' | 'TESTING_LAB' | 'PUBLIC_BODY' | 'OTHER';

export interface DemoCluster {
  slug: string;
  name: string;
  description: string;
  website: string;
}

export interface DemoOrganisation {
  key: string;
  name: string;
  acronym: string | null;
  type: OrganisationTypeName;
  city: string;
  region: string;
  country: 'LU' | 'BE' | 'FR' | 'DE' | 'NL';
  latitude: number;
  longitude: number;
  website: string;
  clusters: string[];
  /** Expert profiles typical of the organisation. */
  focus: string[];
}

export interface DemoVocabularyEntry {
  slug: string;
  names: TranslatedNames;
}

export type AccessModeName = 'INTERNAL_ONLY' | 'COLLABORATION' | 'PAID_SERVICE';
export type ServiceName =
  | 'FAILURE_ANALYSIS'
  | 'QUALITY_CONTROL'
  | 'RESEARCH_AND_DEVELOPMENT'
  | 'TRAINING'
  | 'CONSULTING'
  | 'CERTIFICATION';

/** An expert archetype whose skills, materials and sectors belong together. */
export interface DemoProfile {
  key: string;
  jobTitles: string[];
  core: string[];
  optional: string[];
  materials: string[];
  sectors: string[];
  services: ServiceName[];
  topic: string;
}
