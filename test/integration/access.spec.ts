import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Meilisearch } from 'meilisearch';
import request from 'supertest';
import { ApiKeysService } from '../../src/auth/api-keys.service.js';
import { Role } from '../../src/auth/caller.js';
import { createBasics, must } from '../support/fixtures.js';
import { signedInPerson } from '../support/people.js';
import { everyMutation, rowCounts } from '../support/mutation-probe.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Who =
  'anonymous' | 'partnerA' | 'partnerB' | 'memberA' | 'memberB' | 'expert' | 'staff' | 'admin';
const WHO: Who[] = [
  'anonymous',
  'partnerA',
  'partnerB',
  'memberA',
  'memberB',
  'expert',
  'staff',
  'admin',
];
/** Signed-in people (session tokens): members of cluster A and B, an expert of no member. */
const PEOPLE = new Set<Who>(['memberA', 'memberB', 'expert']);

/** Which of the three test experts each caller must see (and nothing else). */
const SEES: Record<Who, string[]> = {
  anonymous: ['Vis Public'],
  partnerA: ['Vis Members', 'Vis Public'],
  partnerB: ['Vis Public'],
  memberA: ['Vis Members', 'Vis Public'],
  memberB: ['Vis Public'],
  expert: ['Vis Public'],
  staff: ['Vis Members', 'Vis Public', 'Vis Staff'],
  admin: ['Vis Members', 'Vis Public', 'Vis Staff'],
};
/** Who reads FAQ drafts (and every FAQ mutation is theirs alone): staff. */
const FAQ_STAFF = new Set<Who>(['staff', 'admin']);
/** Who reads a MEMBERS question asked by member A (forum-access.ts): its cluster's people, staff. */
const READS_MEMBERS_QUESTION: Record<Who, boolean> = {
  anonymous: false,
  partnerA: false, // an API key is no person: partners read PUBLIC questions only
  partnerB: false,
  memberA: true,
  memberB: false,
  expert: false,
  staff: true,
  admin: true,
};
const CONTACT: Record<Who, boolean> = {
  anonymous: false,
  partnerA: false,
  partnerB: false,
  memberA: false,
  memberB: false,
  expert: false,
  staff: true,
  admin: true,
};

/** Mutations anyone may call (the rest are staff-only): asking the cluster for expertise. */
const OPEN_MUTATIONS = new Set(['submitInquiry', 'requestSignIn', 'completeSignIn']);
/** A signed-in person's own: any person may end their sessions (tested in people.spec.ts). */
const OWN_MUTATIONS = new Set(['signOut', 'signOutEverywhere', 'revokeSession']);
/** An expert's writes to their own profile (expert-profiles.spec.ts); refused to everyone else. */
const OWN_PROFILE_MUTATIONS = new Set(['updateMyExpertProfile', 'confirmMyProfile']);
/**
 * Writes of conversations, open to signed-in people and checked on the conversation
 * (conversations.spec.ts): a placeholder names none, so it is refused and writes nothing.
 */
const CONVERSATION_MUTATIONS = new Set([
  'contactExpert',
  'startConversation',
  'sendMessage',
  'editMessage',
  'deleteMessage',
  'markRead',
  'muteConversation',
]);
/**
 * Writes of the forum open to signed-in people, checked on the question (forum.spec.ts): the
 * placeholders name no question (or, for askQuestion, an Expert id as category), so they are
 * refused and write nothing.
 */
const FORUM_MUTATIONS = new Set([
  'askQuestion',
  'answerQuestion',
  'commentOnPost',
  'acceptAnswer',
  'followQuestion',
  'unfollowQuestion',
  'reportPost',
]);

/**
 * Acceptance "who sees what": every role × every way in. Cluster A holds the experts'
 * organisation; partner B belongs to another cluster. Members are people signed in with a session
 * (of an organisation in cluster A, of one in cluster B); the expert is a person whose own
 * profile ("Own Profile", staff-only) is in an organisation of no cluster.
 */
describe('who sees what', () => {
  let t: TestApp;
  let refs: Awaited<ReturnType<typeof createBasics>>;
  const key: Partial<Record<Who, string | null>> = {};
  const ids: Record<string, string> = {};
  /** FAQ entries by question: a draft and a published one. */
  const faq: Record<string, string> = {};
  let questionId = '';
  const as = (who: Who, query: string, variables?: Record<string, unknown>) =>
    t.gql(query, variables, key[who] ?? null);
  const names = (list: { name: string }[] | undefined) =>
    (list ?? [])
      .map((e) => e.name)
      .filter((n) => n.startsWith('Vis '))
      .sort();

  beforeAll(async () => {
    // Search tokens name the app's own /search as their host: it must listen.
    t = await startTestApp({ listen: true });
    refs = await createBasics(t);
    const other = await must(
      t,
      `mutation { createCluster(input: { name: "Other cluster", slug: "other-cluster" }) { id } }`,
      'createCluster',
    );
    const keys = t.app.get(ApiKeysService);
    key.anonymous = null;
    key.partnerA = (
      await keys.create({ name: 'A', role: Role.PARTNER, clusters: ['test-cluster'] })
    ).secret;
    key.partnerB = (
      await keys.create({ name: 'B', role: Role.PARTNER, clusters: [other.id] })
    ).secret;
    key.staff = t.keys.staff;
    key.admin = t.keys.admin;
    const orgB = await must(
      t,
      `mutation($c: ID!) { createOrganisation(input: { name: "Lab B", type: COMPANY, country: "fr", clusterIds: [$c] }) { id } }`,
      'createOrganisation',
      { c: other.id },
    );
    const lone = await must(
      t,
      `mutation { createOrganisation(input: { name: "Lone Lab", type: COMPANY, country: "be" }) { id } }`,
      'createOrganisation',
    );
    const own = await must(
      t,
      `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`,
      'createExpert',
      {
        input: {
          name: 'Own Profile',
          email: 'own@lone.example',
          organisationId: lone.id,
          visibility: 'STAFF',
        },
      },
    );
    key.memberA = (
      await signedInPerson(t, {
        email: 'a@member.example',
        name: 'Ann A',
        organisationId: refs.org.id,
      })
    ).token;
    key.memberB = (
      await signedInPerson(t, { email: 'b@member.example', name: 'Bob B', organisationId: orgB.id })
    ).token;
    key.expert = (
      await signedInPerson(t, { email: 'own@lone.example', name: 'Own Profile', expertId: own.id })
    ).token;
    for (const [name, visibility] of [
      ['Vis Public', 'PUBLIC'],
      ['Vis Members', 'MEMBERS'],
      ['Vis Staff', 'STAFF'],
    ] as const) {
      const expert = await must(
        t,
        `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`,
        'createExpert',
        {
          input: {
            name,
            email: `${visibility.toLowerCase()}@vis.example`,
            phone: '+352 123',
            organisationId: refs.org.id,
            visibility,
            languages: ['lb'],
            skills: [{ technologyId: refs.xrd.id, level: 'EXPERT' }],
          },
        },
      );
      ids[name] = expert.id;
    }
    for (const [question, published] of [
      ['Vis FAQ draft?', false],
      ['Vis FAQ published?', true],
    ] as const) {
      const entry = await must(
        t,
        `mutation($i: CreateFaqEntryInput!) { createFaqEntry(input: $i) { id } }`,
        'createFaqEntry',
        { i: { categoryId: 'GENERAL', translations: [{ language: 'EN', question, answer: 'A' }] } },
      );
      if (published) {
        await must(t, `mutation($id: ID!) { publishFaqEntry(id: $id) { id } }`, 'publishFaqEntry', {
          id: entry.id,
        });
      }
      faq[question] = entry.id;
    }
    const asked = await as(
      'memberA',
      `mutation { askQuestion(title: "Vis question", body: "Members only") { id } }`,
    );
    questionId = asked.data?.askQuestion.id;
    await t.searchSynced();
  });
  afterAll(() => t.close());

  describe.each(WHO)('%s', (who) => {
    it('sees exactly its experts in lists, nested lists and node(s)', async () => {
      const list = await as(who, `{ experts(first: 100) { edges { node { name } } } }`);
      expect(names(list.data?.experts.edges.map((e: any) => e.node))).toEqual(SEES[who]);

      const nodes = await as(
        who,
        `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Expert { name } } }`,
        {
          ids: Object.values(ids),
        },
      );
      expect(names(nodes.data?.nodes.filter(Boolean))).toEqual(SEES[who]);

      const nested = await as(
        who,
        `query($org: ID!) {
          node(id: $org) { ... on Organisation { experts(first: 50) { edges { node { name } } } } }
          technology(slug: "xrd") { experts(first: 50) { edges { node { name } } } }
        }`,
        { org: refs.org.id },
      );
      expect(names(nested.data?.node.experts.edges.map((e: any) => e.node))).toEqual(SEES[who]);
      expect(names(nested.data?.technology.experts.edges.map((e: any) => e.node))).toEqual(
        SEES[who],
      );
    });

    it('sees exactly its experts in search hits, facet counts, facet values and search()', async () => {
      const search = await as(
        who,
        `{ searchExperts(input: { query: "Vis", hitsPerPage: 100, facets: [LANGUAGE, CLUSTER] }) {
            hits { expert { name } } facets { facet values { value count } } } }`,
      );
      const result = search.data?.searchExperts;
      expect(names(result.hits.map((h: any) => h.expert))).toEqual(SEES[who]);
      const lb = result.facets
        .find((f: any) => f.facet === 'LANGUAGE')
        .values.find((v: any) => v.value === 'lb');
      expect(lb?.count ?? 0).toBe(SEES[who].length);

      const values = await as(who, `{ facetValues(facet: LANGUAGE, query: "lb") { value count } }`);
      expect(values.data?.facetValues.find((v: any) => v.value === 'lb')?.count ?? 0).toBe(
        SEES[who].length,
      );

      const all = await as(
        who,
        `{ search(query: "Vis", limit: 20) { experts { expert { name } } } }`,
      );
      expect(names(all.data?.search.experts.map((h: any) => h.expert))).toEqual(SEES[who]);
    });

    it('sees exactly its experts through a search token used by the meilisearch JS client', async () => {
      const res = await as(
        who,
        `mutation { createSearchToken(indexes: [EXPERTS, ORGANISATIONS], expiresInSeconds: 600) { host token indexes expiresAt } }`,
      );
      const { host, token, indexes } = res.data?.createSearchToken ?? {};
      const browser = new Meilisearch({ host, apiKey: token });
      const [experts] = indexes as string[];
      const found = await browser
        .index(experts as string)
        .search('Vis', { limit: 100, facets: ['languages'] });
      expect(names(found.hits as unknown as { name: string }[])).toEqual(SEES[who]);
      expect(found.facetDistribution?.languages?.lb ?? 0).toBe(SEES[who].length);
      expect(JSON.stringify(found.hits)).not.toContain('@vis.example');
      // A filter sent by the browser narrows, never widens: the token's rule still applies.
      const widened = await browser.index(experts as string).search('Vis', {
        filter: 'visibility = STAFF OR visibility = MEMBERS OR visibility = PUBLIC',
      });
      expect(names(widened.hits as unknown as { name: string }[])).toEqual(SEES[who]);
    });

    it(`${FAQ_STAFF.has(who) ? 'sees' : 'never sees'} FAQ drafts: in the list, by id, in search()`, async () => {
      const expected = FAQ_STAFF.has(who)
        ? ['Vis FAQ draft?', 'Vis FAQ published?']
        : ['Vis FAQ published?'];
      const questions = (entries: { translations: { question: string }[] }[] | undefined) =>
        (entries ?? []).map((e) => e.translations[0]?.question).sort();
      const list = await as(who, `{ faqEntries { translations { question } } }`);
      expect(questions(list.data?.faqEntries)).toEqual(expected);
      const draft = await as(who, `query($id: ID!) { faqEntry(id: $id) { id status } }`, {
        id: faq['Vis FAQ draft?'],
      });
      if (FAQ_STAFF.has(who)) expect(draft.data?.faqEntry.status).toBe('DRAFT');
      else expect(draft.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const found = await as(
        who,
        `{ search(query: "Vis FAQ", limit: 20) { faqEntries { entry { translations { question } } } } }`,
      );
      expect(questions(found.data?.search.faqEntries.map((h: any) => h.entry))).toEqual(expected);
    });

    it(`${PEOPLE.has(who) ? 'reads its own account, and no one else' : 'has no account'}`, async () => {
      const res = await as(who, `{ me { email roles expert { name email } } }`);
      if (!PEOPLE.has(who)) {
        expect(res.data?.me).toBeNull();
        return;
      }
      const me = res.data?.me;
      expect(me.email).toMatch(/@(member|lone)\.example$/);
      expect(me.roles).toEqual(who === 'expert' ? ['EXPERT'] : ['MEMBER']);
      if (who === 'expert') {
        // Their own profile, whatever its visibility; its contact details stay staff's.
        expect(me.expert.name).toBe('Own Profile');
        expect(me.expert.email).toBeNull();
      }
      // No other way in names a person: searches hold no e-mail of anyone.
      const search = await as(
        who,
        `{ search(query: "member", limit: 20) { experts { expert { name } } } }`,
      );
      expect(JSON.stringify(search)).not.toMatch(/@(member|lone)\.example/);
    });

    it(`${READS_MEMBERS_QUESTION[who] ? 'reads' : 'sees nothing of'} a MEMBERS question of cluster A`, async () => {
      const reads = READS_MEMBERS_QUESTION[who];
      const one = await as(who, `query($id: ID!) { question(id: $id) { title } }`, {
        id: questionId,
      });
      expect(one.data?.question?.title ?? one.errors?.[0]?.extensions?.code).toBe(
        reads ? 'Vis question' : 'NOT_FOUND',
      );
      const list = await as(who, `{ questions(first: 100) { totalCount edges { node { id } } } }`);
      expect(list.data?.questions.totalCount).toBe(reads ? 1 : 0);
      expect(JSON.stringify(list.data)).toBe(
        JSON.stringify({
          questions: {
            totalCount: reads ? 1 : 0,
            edges: reads ? [{ node: { id: questionId } }] : [],
          },
        }),
      );
      // search() finds it for the same callers, and for no one else.
      const found = await as(
        who,
        `{ search(query: "Vis question", limit: 20) { questions { question { id } } } }`,
      );
      expect(found.data?.search.questions).toEqual(reads ? [{ question: { id: questionId } }] : []);
      if (!PEOPLE.has(who) || reads) return;
      // Signed in but outside its clusters: every write naming it is told it does not exist.
      for (const [query, variables] of [
        [
          `mutation($q: ID!) { answerQuestion(questionId: $q, body: "hi") { id } }`,
          { q: questionId },
        ],
        [
          `mutation($q: ID!) { commentOnPost(kind: QUESTION, id: $q, body: "hi") { id } }`,
          { q: questionId },
        ],
        [`mutation($q: ID!) { followQuestion(id: $q) { id } }`, { q: questionId }],
        [
          `mutation($q: ID!) { reportPost(kind: QUESTION, id: $q, reason: "x") { id } }`,
          { q: questionId },
        ],
      ] as const) {
        const res = await as(who, query, variables);
        expect([query, res.errors?.[0]?.extensions?.code]).toEqual([query, 'NOT_FOUND']);
      }
    });

    it(`${CONTACT[who] ? 'reads' : 'never reads'} contact details`, async () => {
      const res = await as(who, `{ experts(first: 100) { edges { node { name email phone } } } }`);
      const visible = res.data?.experts.edges
        .map((e: any) => e.node)
        .filter((n: any) => n.name.startsWith('Vis '));
      expect(visible).toHaveLength(SEES[who].length);
      for (const expert of visible) {
        expect(expert.email !== null).toBe(CONTACT[who]);
        expect(expert.phone !== null).toBe(CONTACT[who]);
      }
      if (!CONTACT[who]) {
        expect(res.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
        expect(res.errors?.length).toBe(visible.length * 2);
      } else {
        expect(res.errors).toBeUndefined();
      }
    });
  });

  it('refuses every mutation without a staff key and leaves the database unchanged', async () => {
    const mutations = await everyMutation(t);
    expect(mutations.length).toBeGreaterThan(20);
    const before = await rowCounts(t);
    for (const who of ['anonymous', 'partnerA', 'memberA', 'expert'] as const) {
      // Anyone may ask for a search token (it writes nothing); every other mutation is a write.
      for (const m of mutations.filter((x) => x.name !== 'createSearchToken')) {
        // Ending one's own session is a person's right (and would end this test's sessions).
        if (PEOPLE.has(who) && OWN_MUTATIONS.has(m.name)) continue;
        if (who === 'expert' && OWN_PROFILE_MUTATIONS.has(m.name)) continue;
        const res = await as(who, m.query, m.variables);
        const code = res.errors?.[0]?.extensions?.code;
        if (
          PEOPLE.has(who) &&
          (CONVERSATION_MUTATIONS.has(m.name) || FORUM_MUTATIONS.has(m.name))
        ) {
          expect([
            who,
            m.name,
            ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN'].includes(String(code)),
          ]).toEqual([who, m.name, true]);
          continue;
        }
        // Open to everyone on purpose; its placeholder input is refused, so nothing is written.
        const expected = OPEN_MUTATIONS.has(m.name)
          ? 'BAD_USER_INPUT'
          : who === 'anonymous'
            ? 'UNAUTHENTICATED'
            : 'FORBIDDEN';
        expect([who, m.name, code]).toEqual([who, m.name, expected]);
      }
    }
    // Key management is for admins: staff are refused too.
    for (const m of mutations.filter((x) => /ApiKey/.test(x.name))) {
      const res = await as('staff', m.query, m.variables);
      expect([m.name, res.errors?.[0]?.extensions?.code]).toEqual([m.name, 'FORBIDDEN']);
    }
    expect(await rowCounts(t)).toEqual(before);
  });

  it('answers a refused write with 401 or 403, not 200', async () => {
    const query = `mutation { createCluster(input: { name: "No", slug: "no" }) { id } }`;
    const post = (secret?: string) => {
      const req = request(t.app.getHttpServer()).post('/graphql').send({ query });
      return secret ? req.set('authorization', `Bearer ${secret}`) : req;
    };
    expect((await post()).status).toBe(401);
    expect((await post(key.partnerA ?? '')).status).toBe(403);
    expect((await post(t.keys.staff)).status).toBe(200);
  });

  it('refuses an unknown or revoked key with 401, and takes a revocation at once', async () => {
    const unknown = await t.gql(`{ viewer { role } }`, {}, 'knr_not-a-key');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const created = await t.gql(
      `mutation { createApiKey(input: { name: "short-lived", role: STAFF }) { secret apiKey { id hint } } }`,
      {},
      t.keys.admin,
    );
    const { secret, apiKey } = created.data?.createApiKey ?? {};
    expect(secret.startsWith(apiKey.hint)).toBe(true);
    expect((await t.gql(`{ viewer { role } }`, {}, secret)).data?.viewer.role).toBe('STAFF');
    await t.gql(
      `mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`,
      { id: apiKey.id },
      t.keys.admin,
    );
    const after = await t.gql(`{ viewer { role } }`, {}, secret);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const stored = await t.db.query<{ secretHash: string }[]>(
      `SELECT "secretHash" FROM api_keys WHERE id = '${apiKey.id}'`,
    );
    expect(stored[0]?.secretHash).not.toContain(secret.slice(4));
  });

  it('hands out search tokens that cannot write, reach other indexes, outlive their expiry or a rotation', async () => {
    const create = async (seconds: number) =>
      (
        await t.gql(
          `mutation($s: Int!) { createSearchToken(indexes: [EXPERTS], expiresInSeconds: $s) { host token indexes } }`,
          { s: seconds },
          key.partnerA,
        )
      ).data?.createSearchToken;
    const { host, token, indexes } = await create(600);
    const browser = new Meilisearch({ host, apiKey: token });
    const experts = browser.index(indexes[0]);
    await expect(experts.addDocuments([{ id: 'x', name: 'Injected' }])).rejects.toThrow();
    await expect(experts.deleteAllDocuments()).rejects.toThrow();
    await expect(
      browser.index(indexes[0].replace('experts', 'organisations')).search(''),
    ).rejects.toThrow();
    const tooLong = await t.gql(
      `mutation { createSearchToken(indexes: [EXPERTS], expiresInSeconds: 90000) { token } }`,
      {},
      key.partnerA,
    );
    expect(tooLong.errors?.[0]?.message).toMatch(/^expiresInSeconds: /);
    const none = await t.gql(
      `mutation { createSearchToken(indexes: []) { token } }`,
      {},
      key.partnerA,
    );
    expect(none.errors?.[0]?.message).toBe('indexes: must name at least one index');

    const shortLived = await create(1);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await expect(
      new Meilisearch({ host, apiKey: shortLived.token }).index(indexes[0]).search('Vis'),
    ).rejects.toThrow();

    expect((await experts.search('Vis')).hits.length).toBeGreaterThan(0);
    const rotated = await t.gql(
      `mutation { rotateSearchTokenKey { rotatedAt } }`,
      {},
      t.keys.admin,
    );
    expect(rotated.errors).toBeUndefined();
    await expect(experts.search('Vis')).rejects.toThrow();
    const fresh = await create(600);
    const again = await new Meilisearch({ host, apiKey: fresh.token })
      .index(indexes[0])
      .search('Vis');
    expect(again.hits.length).toBeGreaterThan(0);
  });
});
