import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SearchEngine } from '../../src/search/engine/search-engine.service.js';
import { FAQ_INDEX } from '../../src/search/indexes/faq.index.js';
import { driftCount } from '../../src/search/maintenance/index-comparison.js';
import { SearchMaintenance } from '../../src/search/maintenance/search-maintenance.service.js';
import { createBasics, must } from '../support/fixtures.js';
import { signedInPerson } from '../support/people.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ENTRY = `id categoryId position status sourceAnswerId publishedAt translations { language question answer }`;
const CREATE = `mutation($input: CreateFaqEntryInput!) { createFaqEntry(input: $input) { ${ENTRY} } }`;
const SEARCH = `query($q: String!) { search(query: $q) { faqEntryTotal faqEntries { entry { id status } highlights { field snippet } } } }`;

/** Filled in once the taxonomy exists: the root technique "Diffraction". */
let DIFFRACTION = '';
const xrdEntry = () => ({
  categoryId: DIFFRACTION,
  translations: [
    {
      language: 'EN',
      question: 'Can X-ray diffraction measure residual stress in welded steel?',
      answer: 'Yes: the sin²ψ method measures the lattice strain near the surface.',
    },
  ],
});
const XRD_TEXT = xrdEntry().translations;

/** The FAQ: staff curate it, everyone reads what is published, search finds it in any language. */
describe('FAQ', () => {
  let t: TestApp;
  let member: { id: string; token: string };
  let xrd = '';

  beforeAll(async () => {
    t = await startTestApp();
    const basics = await createBasics(t);
    DIFFRACTION = basics.root.id;
    xrd = basics.xrd.id;
    member = await signedInPerson(t, {
      email: 'mia@member.example',
      name: 'Mia Member',
      organisationId: basics.org.id,
    });
  });
  afterAll(() => t.close());

  const faqCount = async () =>
    Number((await t.db.query<{ n: string }[]>('SELECT COUNT(*) AS n FROM faq_entries'))[0]?.n);
  const searchIds = async (q: string, as: string | null) => {
    const res = await t.gql(SEARCH, { q }, as);
    expect(res.errors).toBeUndefined();
    return (res.data?.search.faqEntries as { entry: { id: string } }[]).map((h) => h.entry.id);
  };

  it('keeps a draft from everyone but staff, in lists, by id and in search', async () => {
    const draft = await must(t, CREATE, 'createFaqEntry', { input: xrdEntry() });
    expect(draft).toMatchObject({ status: 'DRAFT', categoryId: DIFFRACTION, position: 0 });
    await t.searchSynced();

    for (const as of [null, member.token]) {
      const list = await t.gql(`{ faqEntries { id } }`, undefined, as);
      expect(list.data?.faqEntries).toEqual([]);
      const one = await t.gql(`query($id: ID!) { faqEntry(id: $id) { id } }`, { id: draft.id }, as);
      expect(one.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(await searchIds('DRX', as)).toEqual([]);
    }
    const staffList = await t.gql(`{ faqEntries { id status } }`);
    expect(staffList.data?.faqEntries).toEqual([{ id: draft.id, status: 'DRAFT' }]);
    expect(await searchIds('DRX', t.keys.staff)).toEqual([draft.id]);

    await must(t, `mutation($id: ID!) { deleteFaqEntry(id: $id) { id } }`, 'deleteFaqEntry', {
      id: draft.id,
    });
  });

  it('once published, anonymous search finds an English entry by a synonym in another language', async () => {
    const entry = await must(t, CREATE, 'createFaqEntry', { input: xrdEntry() });
    const published = await must(
      t,
      `mutation($id: ID!) { publishFaqEntry(id: $id) { status publishedAt } }`,
      'publishFaqEntry',
      { id: entry.id },
    );
    expect(published.status).toBe('PUBLISHED');
    expect(published.publishedAt).not.toBeNull();
    await t.searchSynced();

    for (const q of ['DRX', 'Röntgenbeugung', 'diffraction des rayons X', 'XRD residual stress']) {
      expect({ q, ids: await searchIds(q, null) }).toEqual({ q, ids: [entry.id] });
    }
    const anonymous = await t.gql(
      `query($c: ID) { faqEntries(categoryId: $c, language: EN) { id } }`,
      { c: DIFFRACTION },
      null,
    );
    expect(anonymous.data?.faqEntries).toEqual([{ id: entry.id }]);
    const inFrench = await t.gql(`{ faqEntries(language: FR) { id } }`, undefined, null);
    expect(inFrench.data?.faqEntries).toEqual([]);

    await must(
      t,
      `mutation($id: ID!) { unpublishFaqEntry(id: $id) { status } }`,
      'unpublishFaqEntry',
      {
        id: entry.id,
      },
    );
    // Answered once the index no longer shows it (or at once from the database check).
    expect(await searchIds('DRX', null)).toEqual([]);
    await must(t, `mutation($id: ID!) { deleteFaqEntry(id: $id) { id } }`, 'deleteFaqEntry', {
      id: entry.id,
    });
    await t.searchSynced();
    expect(await searchIds('DRX', t.keys.staff)).toEqual([]);
  });

  it('edits translations, category and order; a language left out of translations is removed', async () => {
    const general = await must(t, CREATE, 'createFaqEntry', {
      input: {
        categoryId: 'GENERAL',
        translations: [
          { language: 'EN', question: 'Who runs Kenner?', answer: 'The cluster staff.' },
          { language: 'FR', question: 'Qui gère Kenner ?', answer: 'Le personnel du cluster.' },
        ],
      },
    });
    const second = await must(t, CREATE, 'createFaqEntry', {
      input: {
        categoryId: 'GENERAL',
        translations: [{ language: 'DE', question: 'Was kostet es?', answer: 'Nichts.' }],
      },
    });
    expect([general.position, second.position]).toEqual([0, 1]);
    const moved = await must(
      t,
      `mutation($id: ID!, $input: UpdateFaqEntryInput!) { updateFaqEntry(id: $id, input: $input) { ${ENTRY} } }`,
      'updateFaqEntry',
      {
        id: general.id,
        input: {
          position: 5,
          translations: [
            { language: 'NL', question: 'Wie beheert Kenner?', answer: 'Het clusterpersoneel.' },
          ],
        },
      },
    );
    expect(moved.position).toBe(5);
    expect(moved.translations.map((tr: { language: string }) => tr.language)).toEqual(['NL']);
    const ordered = await t.gql(`{ faqEntries(categoryId: "GENERAL") { id } }`);
    expect(ordered.data?.faqEntries.map((e: { id: string }) => e.id)).toEqual([
      second.id,
      general.id,
    ]);
    const recategorised = await must(
      t,
      `mutation($id: ID!, $c: ID!) { updateFaqEntry(id: $id, input: { categoryId: $c }) { categoryId position } }`,
      'updateFaqEntry',
      { id: second.id, c: DIFFRACTION },
    );
    expect(recategorised).toEqual({ categoryId: DIFFRACTION, position: 0 });
  });

  it('refuses bad input naming the field, storing nothing', async () => {
    const before = await faqCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ categoryId: 'GENERAL', translations: [] }, 'translations'],
      [{ categoryId: 'nowhere', translations: XRD_TEXT }, 'categoryId'],
      // A technique that is no top category.
      [{ categoryId: xrd, translations: XRD_TEXT }, 'categoryId'],
      [
        {
          categoryId: 'GENERAL',
          translations: [...XRD_TEXT, ...XRD_TEXT],
        },
        'translations[1].language',
      ],
      [
        { categoryId: 'GENERAL', translations: [{ language: 'EN', question: '   ', answer: 'x' }] },
        'translations[0].question',
      ],
      [
        {
          categoryId: 'GENERAL',
          translations: [{ language: 'EN', question: 'Q?', answer: 'x'.repeat(10_001) }],
        },
        'translations[0].answer',
      ],
      [{ categoryId: 'GENERAL', translations: XRD_TEXT, position: -1 }, 'position'],
    ];
    for (const [input, field] of cases) {
      const res = await t.gql(CREATE, { input });
      expect({ field, code: res.errors?.[0]?.extensions?.code }).toEqual({
        field,
        code: 'BAD_USER_INPUT',
      });
      expect(res.errors?.[0]?.extensions?.field).toBe(field);
    }
    expect(await faqCount()).toBe(before);
  });

  it('lets only staff write: anonymous callers and members are refused', async () => {
    const before = await faqCount();
    const anonymous = await t.gql(CREATE, { input: xrdEntry() }, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const byMember = await t.gql(CREATE, { input: xrdEntry() }, member.token);
    expect(byMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await faqCount()).toBe(before);
  });

  it('reconcile puts back a FAQ document dropped from the index', async () => {
    const entry = await must(t, CREATE, 'createFaqEntry', { input: xrdEntry() });
    await t.searchSynced();
    const engine = t.app.get(SearchEngine);
    const index = engine.client.index(engine.index(FAQ_INDEX));
    await index.deleteDocument(entry.id).waitTask();

    const drift = (await t.app.get(SearchMaintenance).reconcile())[FAQ_INDEX];
    expect(drift).toEqual({ missing: [entry.id], extra: [], different: [] });
    await t.searchSynced();
    expect((await index.getDocument(entry.id)).visibility).toBe('STAFF');
    const again = (await t.app.get(SearchMaintenance).reconcile())[FAQ_INDEX];
    expect(again && driftCount(again)).toBe(0);
  });
});
