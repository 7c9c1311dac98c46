import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { importFile } from '../../src/importer/importer.js';
import { DEMO_DATA_DIR } from '../../src/seed/demo-data.reader.js';
import { count, must } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SHARED = fileURLToPath(new URL('../../../shared/data', import.meta.url));
const TECHNIQUES = join(SHARED, 'characterisation_techniques.json');
const ORGANISATIONS = join(SHARED, 'ror_orgs_greater_region_techland.json');
const hasShared = existsSync(TECHNIQUES) && existsSync(ORGANISATIONS);
if (!hasShared)
  console.warn(
    `Skipping the shared-data import tests: ${SHARED} is absent (a clone without ../shared).`,
  );
const describeShared = hasShared ? describe : describe.skip;

const tmp = mkdtempSync(join(tmpdir(), 'kenner-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

describeShared('importing the shared open data', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('imports the 300 CHAMEO/CHMO techniques with their hierarchy, and a second run changes nothing', async () => {
    const first = await importFile(t.db, TECHNIQUES);
    expect(first.rejected).toEqual([]);
    expect(first.counts.technologies).toEqual({ created: 300, updated: 0, unchanged: 0 });
    expect(await count(t, 'technologies')).toBe(300);

    const roots = await t.gql(`{ technologies(rootsOnly: true, first: 100) { totalCount } }`);
    expect(roots.data?.technologies.totalCount).toBe(5);
    const xrd = await t.gql(
      `{ technology(slug: "x-ray-diffraction") { acronyms chameoId chmoId wikidataId parent { name chameoId } category { name } path { name } } }`,
    );
    expect(xrd.data?.technology).toMatchObject({
      acronyms: ['XRD'],
      chameoId: 'chameo:XrayDiffraction',
      chmoId: 'CHMO:0000156',
      wikidataId: 'Q12101244',
      parent: { chameoId: 'chameo:ScatteringAndDiffraction' },
      category: { name: 'Characterisation Technique' },
    });
    expect(xrd.data?.technology.path.at(-1)).toEqual({ name: 'X-ray diffraction' });

    // AES names two different techniques in the sources: both keep it.
    const withAes = await t.db.query<unknown[]>(
      `SELECT acronyms FROM technologies WHERE acronyms LIKE '%"AES"%'`,
    );
    expect(withAes.length).toBeGreaterThan(1);

    const second = await importFile(t.db, TECHNIQUES);
    expect(second.counts.technologies).toEqual({ created: 0, updated: 0, unchanged: 300 });
  });

  it('imports the 914 ROR organisations, and a second run changes nothing', async () => {
    const first = await importFile(t.db, ORGANISATIONS);
    expect(first.rejected).toEqual([]);
    expect(first.counts.organisations).toEqual({ created: 914, updated: 0, unchanged: 0 });
    const byCountry = await t.db.query(
      `SELECT country, COUNT(*) AS n FROM organisations GROUP BY country ORDER BY country`,
    );
    expect(Object.fromEntries(byCountry.map((r: any) => [r.country, Number(r.n)]))).toEqual({
      BE: 42,
      DE: 430,
      FR: 297,
      LU: 50,
      NL: 95,
    });
    const second = await importFile(t.db, ORGANISATIONS);
    expect(second.counts.organisations).toEqual({ created: 0, updated: 0, unchanged: 914 });
  });
});

describe('importing a CSV of experts', () => {
  let t: TestApp;
  let csv: string;
  beforeAll(async () => {
    t = await startTestApp();
    const setup = file(
      'setup.json',
      JSON.stringify({
        organisations: [
          {
            name: 'Test Materials Lab',
            type: 'TESTING_LAB',
            country: 'LU',
            rorId: 'https://ror.org/00abcde12',
          },
        ],
        technologies: [
          { slug: 'diffraction', name: 'Diffraction' },
          {
            slug: 'x-ray-diffraction',
            name: 'X-ray diffraction',
            acronyms: ['XRD', 'DRX'],
            parent: 'diffraction',
          },
        ],
      }),
    );
    expect((await importFile(t.db, setup)).written).toBe(true);
    await must(
      t,
      `mutation { createMaterial(input: { slug: "steel", name: "Steel" }) { id } }`,
      'createMaterial',
    );
    const rows = ['name,email,organisation,skills,materials,languages,visibility'];
    for (let i = 1; i <= 50; i++) {
      let [email, org, skills] = [
        `expert${i}@lab.example`,
        'Test Materials Lab',
        `x-ray-diffraction:EXPERT:${i % 30}`,
      ];
      if (i === 7) email = 'not-an-email';
      if (i === 23) org = 'Nowhere Institute';
      if (i === 41) skills = 'DRX:GURU';
      rows.push(`"Expert ${i}, PhD",${email},${org},${skills},steel,fr;de,PUBLIC`);
    }
    csv = file('experts.csv', `${rows.join('\n')}\n`);
  });
  afterAll(() => t.close());

  it('reports exactly the 3 bad lines and writes nothing', async () => {
    const report = await importFile(t.db, csv);
    expect(report.written).toBe(false);
    expect(report.rejected.map((r) => r.location)).toEqual(['line 8', 'line 24', 'line 42']);
    expect(report.rejected[0]?.problem).toMatch(/^email: /);
    expect(report.rejected[1]?.problem).toMatch(/^organisation: /);
    expect(report.rejected[2]?.problem).toMatch(/^skills\[0\]\.level: /);
    expect(await count(t, 'experts')).toBe(0);
  });

  it('with skipInvalid imports the 47 good rows; a second run changes nothing', async () => {
    const report = await importFile(t.db, csv, { skipInvalid: true });
    expect(report.rejected).toHaveLength(3);
    expect(report.counts.experts).toEqual({ created: 47, updated: 0, unchanged: 0 });
    expect(await count(t, 'experts')).toBe(47);
    const again = await importFile(t.db, csv, { skipInvalid: true });
    expect(again.counts.experts).toEqual({ created: 0, updated: 0, unchanged: 47 });
    const expert = await t.gql(
      `{ experts(first: 1) { edges { node { name languages skills { level technology { slug } } materials { slug } } } } }`,
    );
    expect(expert.data?.experts.edges[0].node).toMatchObject({
      name: 'Expert 1, PhD',
      languages: ['fr', 'de'],
      skills: [{ level: 'EXPERT', technology: { slug: 'x-ray-diffraction' } }],
      materials: [{ slug: 'steel' }],
    });
  });

  it('refuses a technique file with a missing parent or a cycle, naming the records', async () => {
    const bad = file(
      'bad-techniques.json',
      JSON.stringify([
        { slug: 'a', name: 'A', parent: 'b' },
        { slug: 'b', name: 'B', parent: 'a' },
        { slug: 'c', name: 'C', parent: 'nowhere' },
        { slug: 'd', name: 'D' },
      ]),
    );
    const before = await count(t, 'technologies');
    const report = await importFile(t.db, bad);
    expect(report.written).toBe(false);
    expect(report.rejected).toEqual([
      { location: 'record 1', problem: expect.stringMatching(/^parent: .*loops/) },
      { location: 'record 2', problem: expect.stringMatching(/^parent: .*loops/) },
      {
        location: 'record 3',
        problem: 'parent: no technique "nowhere" in the file or the database',
      },
    ]);
    expect(await count(t, 'technologies')).toBe(before);
  });
});

describe('importing the demo data files and instruments', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('imports the demo lists as they are (clusters before organisations); a second run changes nothing', async () => {
    const files = ['clusters', 'organisations', 'technologies', 'vocabularies'].map((name) =>
      join(DEMO_DATA_DIR, `${name}.json`),
    );
    const created: Record<string, number> = {};
    for (const path of files) {
      const report = await importFile(t.db, path);
      expect([path, report.rejected]).toEqual([path, []]);
      for (const [kind, c] of Object.entries(report.counts))
        if (c.created) created[kind] = c.created;
    }
    expect(created).toEqual({
      clusters: 2,
      organisations: 38,
      technologies: 91,
      materials: 26,
      sectors: 16,
    });
    for (const path of files) {
      const again = await importFile(t.db, path);
      const changed = Object.values(again.counts).some((c) => c.created || c.updated);
      expect([path, changed]).toEqual([path, false]);
    }
    const found = await t.gql(
      `{ organisations(first: 100) { edges { node { name acronym aliases clusters { slug } } } } }`,
    );
    const organisations = found.data?.organisations.edges.map((e: any) => e.node);
    expect(organisations.find((o: any) => o.acronym === 'LIST')).toMatchObject({
      name: 'Luxembourg Institute of Science and Technology',
      aliases: ['LIST'],
      clusters: [{ slug: 'lmmc' }, { slug: 'techland' }],
    });
  });

  it('imports instruments naming their technique and organisation, and updates only what differs', async () => {
    const record = {
      name: 'Bruker D8 Advance',
      technology: 'x-ray-diffraction',
      organisation: 'Luxembourg Institute of Science and Technology',
      accessMode: 'collaboration',
    };
    const path = file('instruments.json', JSON.stringify([record]));
    expect((await importFile(t.db, path)).counts.instruments).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
    });
    expect((await importFile(t.db, path)).counts.instruments).toMatchObject({ unchanged: 1 });
    const changed = file(
      'instruments-2.json',
      JSON.stringify([{ ...record, accessMode: 'PAID_SERVICE' }]),
    );
    expect((await importFile(t.db, changed)).counts.instruments).toMatchObject({ updated: 1 });
    const found = await t.gql(
      `{ instruments(first: 5) { totalCount edges { node { name accessMode technology { slug } organisation { acronym } } } } }`,
    );
    expect(found.data?.instruments).toMatchObject({
      totalCount: 1,
      edges: [
        {
          node: {
            name: 'Bruker D8 Advance',
            accessMode: 'PAID_SERVICE',
            technology: { slug: 'x-ray-diffraction' },
            organisation: { acronym: 'LIST' },
          },
        },
      ],
    });
  });

  it('refuses the demo instrument catalogue: the demo places its models, an import must say where', async () => {
    const report = await importFile(t.db, join(DEMO_DATA_DIR, 'instruments.json'), {
      dryRun: true,
    });
    expect(report.rejected).toHaveLength(98);
    expect(report.rejected[0]).toEqual({
      location: 'instruments record 1',
      problem: expect.stringMatching(/^(organisation|accessMode): /),
    });
  });
});

describe('importing files that name the same thing in different ways', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const json = (name: string, value: unknown) => file(name, JSON.stringify(value));
  const technologies = [
    { slug: 'root-t', name: 'Root technique', acronyms: ['RT'] },
    { slug: 'leaf-one', name: 'Leaf one', parent: 'root-t' },
    { slug: 'leaf-two', name: 'Leaf two', parent: 'root-t' },
  ];
  const expert = (email: string, organisation: string, skills: string[]) => ({
    name: 'Import Probe',
    email,
    organisation,
    skills: skills.map((technology) => ({ technology, level: 'BASIC', years: 1 })),
  });

  it('takes an organisation named with other case and spaces as the same one', async () => {
    const report = await importFile(
      t.db,
      json('case.json', {
        organisations: [
          { name: 'Org Case', type: 'COMPANY', country: 'LU' },
          { name: 'org case ', type: 'COMPANY', country: 'LU' },
        ],
        technologies,
        experts: [expert('case@example.org', 'Org Case', ['leaf-one'])],
      }),
    );
    expect(report.rejected).toEqual([]);
    expect(report.written).toBe(true);
    const rows = await t.db.query(
      `SELECT o.name FROM experts e JOIN organisations o ON o.id = e."organisationId"
        WHERE e.email = 'case@example.org'`,
    );
    expect(rows.map((r: { name: string }) => r.name.trim().toLowerCase())).toEqual(['org case']);
  });

  it('accepts two techniques the same file creates, and refuses one technique named twice', async () => {
    const both = await importFile(
      t.db,
      json('both.json', {
        organisations: [{ name: 'Org Two', type: 'COMPANY', country: 'LU' }],
        technologies,
        experts: [expert('both@example.org', 'Org Two', ['leaf-one', 'leaf-two'])],
      }),
    );
    expect(both.rejected).toEqual([]);
    // Once the techniques exist, a slug and the acronym of one technique are the same technique.
    const twice = await importFile(
      t.db,
      json('twice.json', [expert('twice@example.org', 'Org Two', ['root-t', 'RT'])]),
    );
    expect(twice.written).toBe(false);
    expect(twice.rejected).toEqual([
      expect.objectContaining({
        problem: 'skills[1].technology: names a technique already listed',
      }),
    ]);
  });
});
