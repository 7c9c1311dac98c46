import { OrganisationType } from '../../organisations/organisation.entity.js';
import { demoLists } from '../demo-data.reader.js';
import type {
  AccessModeName,
  DemoCluster,
  DemoLists,
  DemoOrganisation,
  DemoProfile,
  DemoTechnique,
  DemoVocabularyEntry,
  ServiceName,
} from './demo-types.js';
import { FIRST_NAMES, LANGUAGES_BY_COUNTRY, LAST_NAMES } from './people.js';
import { DEMO_PROFILES } from './profiles.js';
import { SeededRandom } from './random.js';

export type SkillLevelName = 'BASIC' | 'ADVANCED' | 'EXPERT';

export interface DemoExpert {
  key: string;
  name: string;
  jobTitle: string;
  bio: string;
  organisation: string;
  languages: string[];
  skills: { technique: string; level: SkillLevelName; years: number | null }[];
  materials: string[];
  sectors: string[];
  services: ServiceName[];
  visibility: 'PUBLIC' | 'MEMBERS' | 'STAFF';
  email: string;
  phone: string | null;
  consentAt: string;
  lastVerifiedAt: string | null;
  /** The archetype the expert was made from: ground truth for relevance evaluation. */
  profile: string;
}

export interface DemoInstrument {
  name: string;
  technique: string;
  organisation: string;
  accessMode: AccessModeName;
  description: string;
}

export interface DemoDataset {
  clusters: DemoCluster[];
  organisations: DemoOrganisation[];
  techniques: DemoTechnique[];
  materials: DemoVocabularyEntry[];
  sectors: DemoVocabularyEntry[];
  instruments: DemoInstrument[];
  experts: DemoExpert[];
}

const PROFILES = new Map(DEMO_PROFILES.map((p) => [p.key, p]));
const PHONE_PREFIX: Record<string, string> = {
  LU: '+352',
  BE: '+32',
  FR: '+33',
  DE: '+49',
  NL: '+31',
};
const DAY = 86_400_000;
const CONSENT_FROM = Date.UTC(2024, 0, 1);

/**
 * The demo dataset: the fixed lists of `demo-data/` plus `experts` generated people, placed with
 * the lists' instruments. Deterministic: the same lists and options always give the same data,
 * so tests, benchmarks and the evaluation agree.
 */
export function generateDemoDataset(
  options: { experts?: number; seed?: number } = {},
  lists: DemoLists = demoLists(),
): DemoDataset {
  const random = new SeededRandom(options.seed ?? 42);
  const names = new Map(lists.techniques.map((t) => [t.slug, t.names.en]));
  return {
    clusters: lists.clusters,
    organisations: lists.organisations,
    techniques: lists.techniques,
    materials: lists.materials,
    sectors: lists.sectors,
    instruments: generateInstruments(lists, names, random),
    experts: generateExperts(options.experts ?? 1200, lists.organisations, names, random),
  };
}

function generateInstruments(
  lists: DemoLists,
  techniqueNames: Map<string, string>,
  random: SeededRandom,
): DemoInstrument[] {
  const instruments: DemoInstrument[] = [];
  for (const org of lists.organisations) {
    const techniques = new Set<string>();
    for (const key of org.focus) {
      const profile = PROFILES.get(key);
      if (!profile) continue;
      const candidates = profile.core.filter((slug) => lists.instrumentModels.has(slug));
      for (const slug of random.sample(candidates, 2)) techniques.add(slug);
    }
    for (const slug of techniques) {
      const model = random.pick(lists.instrumentModels.get(slug) ?? []);
      instruments.push({
        name: model,
        technique: slug,
        organisation: org.key,
        accessMode: accessModeFor(org.type, random),
        description: `${techniqueNames.get(slug)} at ${org.name}.`,
      });
    }
  }
  return instruments;
}

function accessModeFor(type: OrganisationType, random: SeededRandom): AccessModeName {
  if (type === OrganisationType.TESTING_LAB) return 'PAID_SERVICE';
  if (type === OrganisationType.COMPANY)
    return random.chance(0.7) ? 'INTERNAL_ONLY' : 'COLLABORATION';
  return random.chance(0.5) ? 'COLLABORATION' : 'PAID_SERVICE';
}

function generateExperts(
  count: number,
  organisations: DemoOrganisation[],
  techniqueNames: Map<string, string>,
  random: SeededRandom,
): DemoExpert[] {
  const experts: DemoExpert[] = [];
  for (let i = 0; i < count; i++)
    experts.push(generateExpert(i, organisations, techniqueNames, random));
  return experts;
}

function generateExpert(
  index: number,
  organisations: DemoOrganisation[],
  techniqueNames: Map<string, string>,
  random: SeededRandom,
): DemoExpert {
  const org = random.pick(organisations);
  const profile = PROFILES.get(random.pick(org.focus)) as DemoProfile;
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const jobTitle = random.pick(profile.jobTitles);
  const skills = skillsFor(profile, random);
  const consent = CONSENT_FROM + random.int(0, 900) * DAY;
  const domain = `${org.key}.example`;
  return {
    key: `expert-${String(index).padStart(6, '0')}`,
    name: `${first} ${last}`,
    jobTitle,
    bio:
      `${jobTitle} at ${org.name}, working on ${profile.topic}. ` +
      `Main techniques: ${skills.map((s) => techniqueNames.get(s.technique)).join(', ')}.`,
    organisation: org.key,
    languages: random.pick(LANGUAGES_BY_COUNTRY[org.country] ?? [['en']]),
    skills,
    materials: random.sample(profile.materials, random.int(1, 3)),
    sectors: random.sample(profile.sectors, random.int(1, 2)),
    services: random.sample(profile.services, random.int(1, profile.services.length)),
    visibility: visibility(random.next()),
    email: `${ascii(first)}.${ascii(last)}.${index}@${domain}`,
    phone: random.chance(0.8)
      ? `${PHONE_PREFIX[org.country]} 555 ${String(random.int(0, 9999)).padStart(4, '0')}`
      : null,
    consentAt: isoDate(consent),
    lastVerifiedAt: random.chance(0.85) ? isoDate(consent + random.int(0, 300) * DAY) : null,
    profile: profile.key,
  };
}

/** Most core techniques at a high level, a few optional ones at a lower level. */
function skillsFor(profile: DemoProfile, random: SeededRandom): DemoExpert['skills'] {
  const core = profile.core.filter((_, i) => i < 2 || random.chance(0.8));
  const optional = random.sample(profile.optional, random.int(1, 3));
  const years = () => (random.chance(0.9) ? random.int(1, 30) : null);
  return [
    ...core.map((technique) => ({ technique, level: coreLevel(random.next()), years: years() })),
    ...optional.map((technique) => ({
      technique,
      level: optionalLevel(random.next()),
      years: years(),
    })),
  ];
}

const coreLevel = (r: number): SkillLevelName =>
  r < 0.4 ? 'EXPERT' : r < 0.85 ? 'ADVANCED' : 'BASIC';
const optionalLevel = (r: number): SkillLevelName => (r < 0.35 ? 'ADVANCED' : 'BASIC');
const visibility = (r: number): DemoExpert['visibility'] =>
  r < 0.75 ? 'PUBLIC' : r < 0.95 ? 'MEMBERS' : 'STAFF';
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const ascii = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');
