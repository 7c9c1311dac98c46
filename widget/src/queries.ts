/** The GraphQL documents the widget sends: the whole contract it has with Kenner. */

export const FACETS = [
  'TECHNOLOGY',
  'MATERIAL',
  'COUNTRY',
  'ORGANISATION_TYPE',
  'LANGUAGE',
] as const;
export type Facet = (typeof FACETS)[number] | 'CLUSTER';
export type Sort = 'RELEVANCE' | 'DISTANCE' | 'NAME';
export type Level = 'BASIC' | 'ADVANCED' | 'EXPERT';

export interface TranslatedNames {
  en: string;
  fr: string | null;
  de: string | null;
  nl: string | null;
}

export interface SearchExpertsData {
  searchExperts: {
    totalHits: number;
    page: number;
    totalPages: number;
    facets: { facet: Facet; values: { value: string; label: string; count: number }[] }[];
    hits: {
      distanceKm: number | null;
      expert: {
        id: string;
        name: string;
        jobTitle: string;
        organisation: { name: string; city: string | null; country: string };
        skills: {
          level: Level;
          years: number | null;
          technology: { slug: string; acronyms: string[]; names: TranslatedNames };
        }[];
      };
      matchedTechnologies: { slug: string }[];
    }[];
  };
}

export const SEARCH_EXPERTS = `query KennerWidgetSearch($input: ExpertSearchInput!) {
  searchExperts(input: $input) {
    totalHits page totalPages
    facets { facet values { value label count } }
    hits {
      distanceKm
      expert {
        id name jobTitle
        organisation { name city country }
        skills { level years technology { slug acronyms names { en fr de nl } } }
      }
      matchedTechnologies { slug }
    }
  }
}`;

export interface TechniqueSuggestion {
  id: string;
  slug: string;
  acronyms: string[];
  names: TranslatedNames;
}

export interface SuggestTechniquesData {
  searchTechnologies: { hits: { expertCount: number; technology: TechniqueSuggestion }[] };
}

export const SUGGEST_TECHNIQUES = `query KennerWidgetTechniques($input: TechnologySearchInput!) {
  searchTechnologies(input: $input) {
    hits { expertCount technology { id slug acronyms names { en fr de nl } } }
  }
}`;

export interface Town {
  name: string;
  countryName: string;
  latitude: number;
  longitude: number;
}

export const TOWNS = `query KennerWidgetTowns($query: String!, $language: Language) {
  towns(query: $query, limit: 6, language: $language) { name countryName latitude longitude }
}`;

export const SUBMIT_INQUIRY = `mutation KennerWidgetInquiry($input: SubmitInquiryInput!) {
  submitInquiry(input: $input) { reference }
}`;
