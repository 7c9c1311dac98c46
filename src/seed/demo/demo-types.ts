import type { OrganisationType } from '../../organisations/organisation.entity.js';

/**
 * Shapes of the demo dataset. The fixed lists are read from `demo-data/` (Kenner's import format);
 * the experts and the placing of instruments are generated from them.
 */
export interface TranslatedNames {
  en: string;
  fr: string | null;
  de: string | null;
  nl: string | null;
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

export interface DemoCluster {
  slug: string;
  name: string;
  description: string;
  website: string | null;
}

export interface DemoOrganisation {
  /** The generator's handle: experts and instruments name it, e-mails use it as domain. */
  key: string;
  name: string;
  acronym: string | null;
  type: OrganisationType;
  /** The demo needs a place: evaluation requests name the town and grade distance. */
  city: string;
  region: string;
  country: string;
  latitude: number;
  longitude: number;
  website: string | null;
  clusters: string[];
  /** Expert profiles typical of the organisation. */
  focus: string[];
  aliases: string[];
  description: string;
}

export interface DemoVocabularyEntry {
  slug: string;
  names: TranslatedNames;
}

/** What `demo-data/` holds, checked and shaped for the generator. */
export interface DemoLists {
  clusters: DemoCluster[];
  organisations: DemoOrganisation[];
  techniques: DemoTechnique[];
  materials: DemoVocabularyEntry[];
  sectors: DemoVocabularyEntry[];
  /** Instrument models by the technique they serve, in file order; the generator places them. */
  instrumentModels: Map<string, string[]>;
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
