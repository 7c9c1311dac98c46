import type { DemoDataset, DemoExpert } from '../../src/seed/demo/demo-generator.js';
import { DEMO_PROFILES } from '../../src/seed/demo/profiles.js';
import { distanceKm } from '../../src/search/faceting/geo.js';

type Lang = 'en' | 'fr' | 'de' | 'nl';

/** A request of the judged set, with what it asks for in the generator's own terms. */
export interface JudgedRequest {
  text: string;
  language: Lang;
  techniques: string[];
  material: string;
  town: { name: string; lat: number; lng: number };
}

const TEMPLATES: Record<Lang, (t1: string, t2: string, material: string, town: string) => string> =
  {
    en: (a, b, m, p) => `We need ${a} and ${b} on a ${m} part, near ${p}`,
    fr: (a, b, m, p) => `Nous cherchons une analyse ${a} et ${b} d'une pièce en ${m} près de ${p}`,
    de: (a, b, m, p) => `Wir suchen ${a} und ${b} für ein Bauteil aus ${m} bei ${p}`,
    nl: (a, b, m, p) => `Wij zoeken ${a} en ${b} voor een onderdeel van ${m} bij ${p}`,
  };
const LANGS: Lang[] = ['en', 'fr', 'de', 'nl'];

/** One letter dropped from the longest word: the kind of typo people make in a hurry. */
export function typo(phrase: string): string {
  const longest = phrase.split(' ').sort((a, b) => b.length - a.length)[0] ?? phrase;
  if (longest.length < 7) return phrase;
  const at = Math.floor(longest.length / 2);
  return phrase.replace(longest, longest.slice(0, at) + longest.slice(at + 1));
}

/**
 * The judged set: for every expert profile of the demo generator and every language, a request
 * for two of the profile's core techniques, one of its materials and a town where it is
 * practised. Techniques are written by acronym, by name, or by a name with a typo, in turn.
 * Derived from the generator's definitions, never from running Kenner.
 */
export function judgedRequests(data: DemoDataset): JudgedRequest[] {
  const techniques = new Map(data.techniques.map((t) => [t.slug, t]));
  const materials = new Map(data.materials.map((m) => [m.slug, m]));
  const requests: JudgedRequest[] = [];
  let turn = 0;
  DEMO_PROFILES.forEach((profile, p) => {
    const orgs = data.organisations.filter((o) => o.focus.includes(profile.key));
    LANGS.forEach((language, l) => {
      const pair = [0, 1].map((k) => profile.core[(l + k) % profile.core.length] as string);
      const words = pair.map((slug) => {
        const t = techniques.get(slug);
        const name = t?.names[language] ?? t?.names.en ?? slug;
        const style = turn++ % 3;
        return style === 0 && t?.acronyms[0] ? t.acronyms[0] : style === 2 ? typo(name) : name;
      });
      const materialSlug = profile.materials[l % profile.materials.length] as string;
      const material = materials.get(materialSlug)?.names[language] ?? materialSlug;
      const org = orgs[(p + l) % Math.max(orgs.length, 1)] ?? data.organisations[0];
      if (!org) return;
      requests.push({
        text: TEMPLATES[language](
          words[0] as string,
          words[1] as string,
          material.toLowerCase(),
          org.city,
        ),
        language,
        techniques: [...new Set(pair)],
        material: materialSlug,
        town: { name: org.city, lat: org.latitude, lng: org.longitude },
      });
    });
  });
  return requests;
}

/**
 * Graded relevance from the generator's ground truth: 3 = every requested technique, the
 * material and within 50 km; 2 = every requested technique; 1 = some; 0 = none.
 */
export function relevance(
  request: JudgedRequest,
  expert: DemoExpert,
  where: { lat: number; lng: number } | undefined,
): number {
  const has = request.techniques.filter((t) => expert.skills.some((s) => s.technique === t));
  if (has.length === 0) return 0;
  if (has.length < request.techniques.length) return 1;
  const near = where ? distanceKm(request.town, where) <= 50 : false;
  return expert.materials.includes(request.material) && near ? 3 : 2;
}
