import type { DemoDataset, DemoExpert } from '../../src/seed/demo/demo-generator.js';
import { DEMO_PROFILES } from '../../src/seed/demo/profiles.js';
import { typo } from './judged-requests.js';

type Lang = 'en' | 'fr' | 'de' | 'nl';
const LANGS: Lang[] = ['en', 'fr', 'de', 'nl'];

/** How a judged technique query writes its technique. */
export type Form = 'acronym' | 'name' | 'typo';

/**
 * A query as people type it into a search box: a technique, written by acronym, by name in one of
 * four languages or by a name with a typo, and sometimes a material ("DRX acier").
 */
export interface TechniqueQuery {
  text: string;
  form: Form;
  language: Lang;
  technique: string;
  material: string | null;
}

/**
 * Every technique the demo profiles use, written every way: each acronym, the name in EN, FR, DE
 * and NL, and the name (per language) with a typo; then, per profile and language, a core
 * technique with one of the profile's materials in that language. Derived from the generator's
 * definitions, never from running Kenner.
 */
export function techniqueQueries(data: DemoDataset): TechniqueQuery[] {
  const techniques = new Map(data.techniques.map((t) => [t.slug, t]));
  const materials = new Map(data.materials.map((m) => [m.slug, m]));
  const used = [...new Set(DEMO_PROFILES.flatMap((p) => [...p.core, ...p.optional]))].sort();
  const queries: TechniqueQuery[] = [];
  for (const slug of used) {
    const t = techniques.get(slug);
    if (!t) continue;
    const base = { technique: slug, material: null };
    for (const acronym of t.acronyms) {
      queries.push({ ...base, text: acronym, form: 'acronym', language: 'en' });
    }
    for (const language of LANGS) {
      const name = t.names[language];
      if (!name) continue;
      queries.push({ ...base, text: name, form: 'name', language });
      const misspelt = typo(name);
      if (misspelt !== name) queries.push({ ...base, text: misspelt, form: 'typo', language });
    }
  }
  DEMO_PROFILES.forEach((profile) => {
    LANGS.forEach((language, l) => {
      const slug = profile.core[l % profile.core.length] as string;
      const t = techniques.get(slug);
      const materialSlug = profile.materials[l % profile.materials.length] as string;
      const material = materials.get(materialSlug)?.names[language];
      if (!t || !material) return;
      const technique = l % 2 === 0 && t.acronyms[0] ? t.acronyms[0] : (t.names[language] ?? '');
      queries.push({
        text: `${technique} ${material.toLowerCase()}`,
        form: l % 2 === 0 && t.acronyms[0] ? 'acronym' : 'name',
        language,
        technique: slug,
        material: materialSlug,
      });
    });
  });
  return queries;
}

const GAIN = { EXPERT: 3, ADVANCED: 2, BASIC: 1 } as const;

/**
 * Graded gain from the generator's ground truth: the expert's level in the technique or a
 * narrower one (EXPERT 3, ADVANCED 2, BASIC 1), 0 without it — or without the material asked for.
 */
export function techniqueGain(
  query: TechniqueQuery,
  expert: DemoExpert,
  beneath: (slug: string) => Set<string>,
): number {
  if (query.material && !expert.materials.includes(query.material)) return 0;
  const subtree = beneath(query.technique);
  return Math.max(
    0,
    ...expert.skills.filter((s) => subtree.has(s.technique)).map((s) => GAIN[s.level]),
  );
}

/** Per technique slug, itself and every technique beneath it in the generator's taxonomy. */
export function subtreesOf(data: DemoDataset): (slug: string) => Set<string> {
  const parent = new Map(data.techniques.map((t) => [t.slug, t.parent]));
  return (slug) =>
    new Set(
      data.techniques
        .map((t) => t.slug)
        .filter((s) => {
          for (let at: string | null | undefined = s, n = 0; at && n < 32; at = parent.get(at), n++)
            if (at === slug) return true;
          return false;
        }),
    );
}
