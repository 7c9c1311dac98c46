import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { count, createBasics, must } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CREATE = `mutation($input: CreateExpertInput!) {
  createExpert(input: $input) {
    id name email visibility languages services
    organisation { name }
    skills { level years technology { name acronyms } }
    materials { slug names { fr } }
    sectors { slug }
  }
}`;

describe('expert writes', () => {
  let t: TestApp;
  let refs: Awaited<ReturnType<typeof createBasics>>;
  const valid = () => ({
    name: 'Anna Muller',
    email: 'Anna.Muller@lab.example',
    organisationId: refs.org.id,
    skills: [{ technologyId: refs.xrd.id, level: 'EXPERT', years: 12 }],
    materialIds: [refs.material.id],
    sectorIds: [refs.sector.id],
    languages: ['fr', 'de'],
    services: ['FAILURE_ANALYSIS'],
  });

  beforeAll(async () => {
    t = await startTestApp();
    refs = await createBasics(t);
  });
  afterAll(() => t.close());

  it('creates an expert with skills, materials and sectors in one call', async () => {
    const expert = await must(t, CREATE, 'createExpert', { input: valid() });
    expect(expert).toMatchObject({
      name: 'Anna Muller',
      email: 'anna.muller@lab.example',
      visibility: 'PUBLIC',
      organisation: { name: 'Materials Lab' },
      skills: [
        {
          level: 'EXPERT',
          years: 12,
          technology: { name: 'X-ray diffraction', acronyms: ['XRD', 'DRX'] },
        },
      ],
      materials: [{ slug: 'steel', names: { fr: 'Acier' } }],
      sectors: [{ slug: 'automotive' }],
    });
  });

  it.each([
    ['a malformed email', { email: 'not-an-email' }, 'email'],
    ['an empty name', { name: '   ' }, 'name'],
    [
      'an unknown organisation id',
      { organisationId: 'T3JnYW5pc2F0aW9uOjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA' },
      'organisationId',
    ],
    ['an id of the wrong type', () => ({ organisationId: refs.xrd.id }), 'organisationId'],
    ['garbage as id', { organisationId: 'nonsense' }, 'organisationId'],
    [
      'a bad skill level',
      () => ({ skills: [{ technologyId: refs.xrd.id, level: 'GURU' }] }),
      'level',
    ],
    [
      'negative years',
      () => ({ skills: [{ technologyId: refs.xrd.id, level: 'BASIC', years: -3 }] }),
      'skills[0].years',
    ],
    [
      'an unknown technology',
      {
        skills: [
          {
            technologyId: 'VGVjaG5vbG9neTowMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDA',
            level: 'BASIC',
          },
        ],
      },
      'skills[0].technologyId',
    ],
    [
      'a duplicated skill',
      () => ({
        skills: [
          { technologyId: refs.xrd.id, level: 'BASIC' },
          { technologyId: refs.xrd.id, level: 'EXPERT' },
        ],
      }),
      'skills[1].technologyId',
    ],
    ['a bad language code', { languages: ['French'] }, 'languages'],
    ['a bad date', { consentAt: '2025-13-45' }, 'consentAt'],
  ])(
    'refuses %s with BAD_USER_INPUT naming the field and writes nothing',
    async (_case, change, field) => {
      const before = await count(t, 'experts');
      const patch = typeof change === 'function' ? change() : change;
      const res = await t.gql(CREATE, {
        input: { ...valid(), email: `x${Math.random()}@lab.example`, ...patch },
      });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toContain(field);
      expect(await count(t, 'experts')).toBe(before);
    },
  );

  it('refuses a second expert with the same email (any case) as CONFLICT', async () => {
    const res = await t.gql(CREATE, { input: { ...valid(), email: 'ANNA.MULLER@lab.example' } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
  });

  it('updates fields and replaces skills, and refuses null for a required field', async () => {
    const created = await must(t, CREATE, 'createExpert', {
      input: { ...valid(), email: 'upd@lab.example' },
    });
    const updated = await must(
      t,
      `mutation($id: ID!, $input: UpdateExpertInput!) { updateExpert(id: $id, input: $input) { name jobTitle skills { level } materials { slug } } }`,
      'updateExpert',
      {
        id: created.id,
        input: {
          jobTitle: 'Head of XRD lab',
          skills: [{ technologyId: refs.xrd.id, level: 'BASIC' }],
          materialIds: [],
        },
      },
    );
    expect(updated).toEqual({
      name: 'Anna Muller',
      jobTitle: 'Head of XRD lab',
      skills: [{ level: 'BASIC' }],
      materials: [],
    });
    const res = await t.gql(
      `mutation($id: ID!) { updateExpert(id: $id, input: { name: null }) { name } }`,
      { id: created.id },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/^name: /);
  });

  it('runs simultaneous updates of one expert one after the other: skills end as one of them set', async () => {
    // Found by the fault drill on PostgreSQL: two updates changing only skills changed no column
    // of the expert's row, so neither took its lock, and both sets of skills were kept.
    const UPDATE = `mutation($id: ID!, $input: UpdateExpertInput!) { updateExpert(id: $id, input: $input) { id } }`;
    const experts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        must(t, CREATE, 'createExpert', { input: { ...valid(), email: `race${i}@lab.example` } }),
      ),
    );
    await Promise.all(
      experts.flatMap((expert: { id: string }) =>
        [refs.root.id, refs.xrd.id].map((technologyId) =>
          must(t, UPDATE, 'updateExpert', {
            id: expert.id,
            input: { skills: [{ technologyId, level: 'ADVANCED' }] },
          }),
        ),
      ),
    );
    for (const expert of experts) {
      const res = await t.gql(
        `query($id: ID!) { node(id: $id) { ... on Expert { skills { technology { slug } } } } }`,
        { id: expert.id },
      );
      const slugs = (res.data as any).node.skills.map((s: any) => s.technology.slug);
      expect([['diffraction'], ['xrd']]).toContainEqual(slugs);
    }
  });

  it('deletes an expert and answers NOT_FOUND afterwards', async () => {
    const created = await must(t, CREATE, 'createExpert', {
      input: { ...valid(), email: 'del@lab.example' },
    });
    await must(t, `mutation($id: ID!) { deleteExpert(id: $id) { id } }`, 'deleteExpert', {
      id: created.id,
    });
    const again = await t.gql(`mutation($id: ID!) { deleteExpert(id: $id) { id } }`, {
      id: created.id,
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const node = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: created.id });
    expect(node.data?.node).toBeNull();
  });

  it('refuses to delete an organisation that still employs experts', async () => {
    const res = await t.gql(`mutation($id: ID!) { deleteOrganisation(id: $id) { id } }`, {
      id: refs.org.id,
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('never shows SQL or driver messages in errors', async () => {
    const res = await t.gql(CREATE, {
      input: { ...valid(), email: 'z@lab.example', name: 'x'.repeat(201) },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors)).not.toMatch(/SQLITE|constraint|relation|INSERT|SELECT/i);
  });
});
