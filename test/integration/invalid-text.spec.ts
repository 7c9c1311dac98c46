import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { importFile } from '../../src/importer/importer.js';
import { createBasics, must } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Half of an emoji (as a JSON `\ud83d` escape sends it) and a NUL: text no store can hold. */
const SURROGATE = 'Cleanish \ud83d';
const NUL = 'Null\u0000byte';

interface Case {
  what: string;
  query: string;
  variables: (refs: Refs) => Record<string, unknown>;
  field: string;
  as?: 'anonymous' | 'admin';
  /** A table that must not have grown. */
  table?: string;
}
type Refs = Awaited<ReturnType<typeof createBasics>>;

const CASES: Case[] = [
  {
    what: 'an organisation alias',
    query: `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`,
    variables: () => ({
      input: { name: 'Poison Org', type: 'OTHER', country: 'BE', aliases: ['ok', SURROGATE] },
    }),
    field: 'aliases[1]',
    table: 'organisations',
  },
  {
    what: 'a technique synonym',
    query: `mutation($input: CreateTechnologyInput!) { createTechnology(input: $input) { id } }`,
    variables: () => ({ input: { name: 'Poison', slug: 'poison', synonyms: [NUL] } }),
    field: 'synonyms[0]',
    table: 'technologies',
  },
  {
    what: 'a technique acronym',
    query: `mutation($input: CreateTechnologyInput!) { createTechnology(input: $input) { id } }`,
    variables: () => ({ input: { name: 'Poison', slug: 'poison', acronyms: [SURROGATE] } }),
    field: 'acronyms[0]',
    table: 'technologies',
  },
  {
    what: 'an expert name',
    query: `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`,
    variables: (refs) => ({
      input: { name: SURROGATE, email: 'x@lab.example', organisationId: refs.org.id },
    }),
    field: 'name',
    table: 'experts',
  },
  {
    what: 'an e-mail',
    query: `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`,
    variables: (refs) => ({
      input: { name: 'Ok Name', email: `a${NUL}@lab.example`, organisationId: refs.org.id },
    }),
    field: 'email',
    table: 'experts',
  },
  {
    what: 'an inquiry field, anonymously',
    query: `mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { reference } }`,
    variables: () => ({
      input: {
        requesterName: 'Rita',
        organisation: 'Acme',
        email: 'rita@acme.example',
        country: 'lu',
        description: `Need XRD ${SURROGATE}`,
        consentToContact: true,
      },
    }),
    field: 'description',
    as: 'anonymous',
    table: 'inquiries',
  },
  {
    what: 'an API key name',
    query: `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
    variables: () => ({ input: { name: NUL, role: 'STAFF' } }),
    field: 'name',
    as: 'admin',
    table: 'api_keys',
  },
  {
    what: 'search text',
    query: `query($input: ExpertSearchInput!) { searchExperts(input: $input) { totalHits } }`,
    variables: () => ({ input: { query: SURROGATE } }),
    field: 'query',
    as: 'anonymous',
    table: 'search_demand',
  },
  {
    what: 'a filter value',
    query: `query($input: OrganisationSearchInput!) { searchOrganisations(input: $input) { totalHits } }`,
    variables: () => ({ input: { filters: [{ facet: 'COUNTRY', values: ['LU', NUL] }] } }),
    field: 'filters[0].values[1]',
    as: 'anonymous',
    table: 'search_demand',
  },
  {
    what: 'a plain scalar argument',
    query: `query($q: String!) { search(query: $q) { expertTotal } }`,
    variables: () => ({ q: SURROGATE }),
    field: 'query',
    as: 'anonymous',
    table: 'search_demand',
  },
  {
    what: 'facet autocomplete text',
    query: `query($q: String!) { facetValues(facet: TECHNOLOGY, query: $q) { value } }`,
    variables: () => ({ q: NUL }),
    field: 'query',
    as: 'anonymous',
  },
  {
    what: 'a cursor on a nested field',
    query: `query($slug: String!, $after: String) { technology(slug: $slug) { experts(first: 5, after: $after) { totalCount } } }`,
    variables: () => ({ slug: 'xrd', after: SURROGATE }),
    field: 'after',
    as: 'anonymous',
  },
  {
    what: 'free text to match',
    query: `query($input: MatchExpertsInput!) { matchExperts(input: $input) { language } }`,
    variables: () => ({ input: { text: `XRD ${NUL}` } }),
    field: 'text',
  },
];

describe('text that cannot be stored is refused at the edge', () => {
  let t: TestApp;
  let refs: Refs;
  const rows = async (table: string) =>
    Number((await t.db.query<{ n: string }[]>(`SELECT COUNT(*) AS n FROM ${table}`))[0]?.n);

  beforeAll(async () => {
    t = await startTestApp();
    refs = await createBasics(t);
    await t.searchSynced();
  });
  afterAll(() => t.close());

  it.each(CASES)('refuses it in $what, naming the field, storing nothing', async (c) => {
    const before = c.table ? await rows(c.table) : 0;
    const as = c.as === 'anonymous' ? null : c.as === 'admin' ? t.keys.admin : undefined;
    const res = await t.gql(c.query, c.variables(refs), as);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: c.field });
    expect(res.errors?.[0]?.message).toMatch(/NUL|Unicode/);
    if (c.table) expect(await rows(c.table)).toBe(before);
  });

  it('refuses a NUL escape in a literal by its argument, and a lone surrogate escape as a syntax error', async () => {
    const nul = await t.gql(
      `mutation { updateExpert(id: "x", input: { bio: "a\\u0000b" }) { id } }`,
    );
    expect(nul.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'bio',
    });
    const surrogate = await request(t.app.getHttpServer())
      .post('/graphql')
      .send({ query: `{ search(query: "Cleanish \\ud83d") { expertTotal } }` });
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('keeps an update from storing it', async () => {
    const expert = await must(
      t,
      `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`,
      'createExpert',
      { input: { name: 'Clean Name', email: 'clean@lab.example', organisationId: refs.org.id } },
    );
    const res = await t.gql(
      `mutation($id: ID!, $input: UpdateExpertInput!) { updateExpert(id: $id, input: $input) { id } }`,
      { id: expert.id, input: { jobTitle: SURROGATE } },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'jobTitle',
    });
    const [row] = await t.db.query<{ jobTitle: string | null }[]>(
      `SELECT "jobTitle" FROM experts WHERE email = 'clean@lab.example'`,
    );
    expect(row?.jobTitle ?? '').toBe('');
  });

  it('rejects an import row holding it, naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kenner-invalid-text-'));
    const path = join(dir, 'organisations.json');
    writeFileSync(
      path,
      // JSON escapes, as an export from another system would carry them.
      `{"organisations": [
        {"name": "Fine Org", "type": "OTHER", "country": "BE"},
        {"name": "Bad Org", "type": "OTHER", "country": "BE", "aliases": ["ok", "Cleanish \\ud83d"]}
      ]}`,
    );
    const report = await importFile(t.db, path).finally(() =>
      rmSync(dir, { recursive: true, force: true }),
    );
    expect(report.rejected).toEqual([
      expect.objectContaining({ problem: expect.stringMatching(/^aliases\[1\]: .*Unicode/) }),
    ]);
    const names = await t.db.query<{ name: string }[]>(
      `SELECT name FROM organisations WHERE name IN ('Fine Org', 'Bad Org')`,
    );
    expect(names.map((n) => n.name)).not.toContain('Bad Org');
  });
});
