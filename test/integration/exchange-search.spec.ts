import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SearchEngine } from '../../src/search/engine/search-engine.service.js';
import { QUESTIONS_INDEX } from '../../src/search/indexes/questions.index.js';
import { driftCount } from '../../src/search/maintenance/index-comparison.js';
import { SearchMaintenance } from '../../src/search/maintenance/search-maintenance.service.js';
import { createBasics, must } from '../support/fixtures.js';
import { signedInPerson } from '../support/people.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Who = { id: string; token: string } | null;

const SEARCH = `query($q: String!) { search(query: $q) {
  faqEntries { entry { id status sourceAnswerId } }
  questions { question { id } hiddenAnswerId } } }`;
const ASK = `mutation($t: String!, $b: String!, $c: ID) { askQuestion(title: $t, body: $b, categoryId: $c) { id } }`;
const ANSWER = `mutation($q: ID!, $b: String!) { answerQuestion(questionId: $q, body: $b) { id } }`;
const ACCEPT = `mutation($a: ID!) { acceptAnswer(answerId: $a) { id acceptedAnswerId } }`;
const DRAFT = `mutation($a: ID!, $l: Language) { draftFaqFromAnswer(answerId: $a, language: $l) {
  id status categoryId sourceAnswerId translations { language question answer } } }`;
const PUBLISH = `mutation($id: ID!) { publishFaqEntry(id: $id) { status } }`;
const HIDE = `mutation($k: PostKind!, $id: ID!) { hidePost(kind: $k, id: $id) { hidden } }`;
const VISIBILITY = `mutation($id: ID!, $v: QuestionVisibility!) { setQuestionVisibility(id: $id, visibility: $v) { visibility } }`;

/**
 * Acceptance 4 of issue 16, end to end on the real engine: a question asked, answered and
 * accepted becomes a FAQ draft; the draft is found by no one but staff; published, anonymous
 * search finds it by a synonym in another language. Questions are searched with the caller's
 * visibility; hidden posts are found by staff alone.
 */
describe('exchange search: FAQ and forum questions in search()', () => {
  let t: TestApp;
  let mia: Who; // member of the test cluster, asks
  let erik: Who; // member of the test cluster, answers
  let otto: Who; // member of another cluster
  let sam: Who; // staff, signed in
  const anonymous: Who = null;
  let diffraction = '';
  let orgId = '';

  const gql = (query: string, variables: Record<string, unknown>, who: Who) =>
    t.gql(query, variables, who ? who.token : null);
  const ok = async (query: string, variables: Record<string, unknown>, who: Who) => {
    const res = await gql(query, variables, who);
    if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
    return res.data as Record<string, any>;
  };
  const found = async (q: string, who: Who) => {
    await t.searchSynced();
    const data = await ok(SEARCH, { q }, who);
    return {
      faq: data.search.faqEntries.map((h: { entry: { id: string } }) => h.entry.id) as string[],
      questions: data.search.questions.map(
        (h: { question: { id: string } }) => h.question.id,
      ) as string[],
      hiddenAnswers: data.search.questions.flatMap((h: { hiddenAnswerId: string | null }) =>
        h.hiddenAnswerId ? [h.hiddenAnswerId] : [],
      ) as string[],
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
    const refs = await createBasics(t);
    diffraction = refs.root.id;
    const other = await must(
      t,
      `mutation { createCluster(input: { name: "Other cluster", slug: "other-cluster" }) { id } }`,
      'createCluster',
    );
    const otherOrg = await must(
      t,
      `mutation($c: ID!) { createOrganisation(input: { name: "Elsewhere", type: TESTING_LAB, country: "be", city: "Liège", latitude: 50.6, longitude: 5.57, clusterIds: [$c] }) { id } }`,
      'createOrganisation',
      { c: other.id },
    );
    const org = refs.org.id;
    orgId = org;
    mia = await signedInPerson(t, { email: 'mia@lab.example', name: 'Mia', organisationId: org });
    erik = await signedInPerson(t, {
      email: 'erik@lab.example',
      name: 'Erik',
      organisationId: org,
    });
    otto = await signedInPerson(t, {
      email: 'otto@else.example',
      name: 'Otto',
      organisationId: otherOrg.id,
    });
    sam = await signedInPerson(t, { email: 'sam@staff.example', name: 'Sam', staffRole: 'STAFF' });
  });
  afterAll(() => t.close());

  it('a question asked, answered and accepted becomes a FAQ draft; published, anonymous search finds it by a synonym in another language', async () => {
    const { askQuestion: question } = await ok(
      ASK,
      {
        t: 'Residual stress in welded steel',
        b: 'Which X-ray diffraction method measures residual stress near a weld seam?',
        c: diffraction,
      },
      mia,
    );
    const { answerQuestion: answer } = await ok(
      ANSWER,
      { q: question.id, b: 'The sin²ψ method: tilt the sample and follow the lattice strain.' },
      erik,
    );
    // Not accepted yet: no draft.
    const early = await gql(DRAFT, { a: answer.id }, sam);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'answerId' });
    await ok(ACCEPT, { a: answer.id }, mia);

    // Members of the question's cluster find it; nobody else does (it is MEMBERS).
    expect((await found('DRX', mia)).questions).toEqual([question.id]);
    expect((await found('Röntgenbeugung', erik)).questions).toEqual([question.id]);
    for (const who of [anonymous, otto]) expect((await found('DRX', who)).questions).toEqual([]);

    const { draftFaqFromAnswer: draft } = await ok(DRAFT, { a: answer.id }, sam);
    expect(draft).toEqual({
      id: expect.any(String),
      status: 'DRAFT',
      categoryId: diffraction,
      sourceAnswerId: answer.id,
      translations: [
        {
          language: 'EN',
          question:
            'Residual stress in welded steel\n\nWhich X-ray diffraction method measures residual stress near a weld seam?',
          answer: 'The sin²ψ method: tilt the sample and follow the lattice strain.',
        },
      ],
    });
    // A member may not draft; the draft is staff's alone.
    const byMember = await gql(DRAFT, { a: answer.id }, mia);
    expect(byMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const who of [anonymous, mia, otto]) expect((await found('DRX', who)).faq).toEqual([]);
    expect((await found('DRX', sam)).faq).toEqual([draft.id]);

    // Editable afterwards, still linked to its source.
    const edited = await ok(
      `mutation($id: ID!) { updateFaqEntry(id: $id, input: { translations: [{ language: EN,
        question: "How is residual stress in a weld measured with X-ray diffraction?",
        answer: "With the sin²ψ method: the sample is tilted and the lattice strain followed." }] }) { sourceAnswerId } }`,
      { id: draft.id },
      sam,
    );
    expect(edited.updateFaqEntry.sourceAnswerId).toBe(answer.id);

    await ok(PUBLISH, { id: draft.id }, sam);
    for (const q of ['DRX', 'Röntgenbeugung', 'diffraction des rayons X']) {
      expect({ q, faq: (await found(q, anonymous)).faq }).toEqual({ q, faq: [draft.id] });
    }
  });

  it('a PUBLIC question is found by everyone; hidden, it and its hidden answer are found by staff alone', async () => {
    const { askQuestion: question } = await ok(
      ASK,
      { t: 'Ultrasonic testing of composites', b: 'Which frequency suits carbon fibre panels?' },
      mia,
    );
    const { answerQuestion: answer } = await ok(
      ANSWER,
      { q: question.id, b: 'Around five megahertz, with a phased array probe.' },
      erik,
    );
    await ok(VISIBILITY, { id: question.id, v: 'PUBLIC' }, sam);
    for (const who of [anonymous, otto, mia]) {
      expect((await found('phased array', who)).questions).toEqual([question.id]);
    }

    // A hidden answer: its words lead no one but staff to the question.
    await ok(HIDE, { k: 'ANSWER', id: answer.id }, sam);
    for (const who of [anonymous, otto, mia, erik]) {
      expect((await found('phased array', who)).questions).toEqual([]);
      expect((await found('carbon fibre', who)).questions).toEqual([question.id]);
    }
    const staff = await found('phased array', sam);
    expect(staff).toMatchObject({ questions: [question.id], hiddenAnswers: [answer.id] });

    // A hidden question: found by staff alone, by any of its words.
    await ok(HIDE, { k: 'QUESTION', id: question.id }, sam);
    for (const who of [anonymous, otto, mia, erik]) {
      expect((await found('carbon fibre', who)).questions).toEqual([]);
    }
    expect((await found('carbon fibre', sam)).questions).toEqual([question.id]);
    expect((await found('carbon fibre', { id: '', token: t.keys.staff })).questions).toEqual([
      question.id,
    ]);
  });

  it('erasing a person takes the lines naming them out of question and FAQ documents', async () => {
    const expert = await must(
      t,
      `mutation($o: ID!) { createExpert(input: { name: "Hanna Erasable", email: "hanna@lab.example", organisationId: $o }) { id } }`,
      'createExpert',
      { o: orgId },
    );
    const { askQuestion: question } = await ok(
      ASK,
      {
        t: 'Who runs the tensile bench?',
        b: 'Ask Hanna Erasable, she knows it.\nIt is in hall 2.',
      },
      mia,
    );
    await ok(VISIBILITY, { id: question.id, v: 'PUBLIC' }, sam);
    const { createFaqEntry: entry } = await ok(
      `mutation($i: CreateFaqEntryInput!) { createFaqEntry(input: $i) { id } }`,
      {
        i: {
          categoryId: 'GENERAL',
          translations: [
            {
              language: 'EN',
              question: 'Who runs the tensile bench?',
              answer: 'Hanna Erasable runs it.\nIt is in hall 2.',
            },
          ],
        },
      },
      sam,
    );
    expect(await found('Hanna', sam)).toMatchObject({
      faq: [entry.id],
      questions: [question.id],
    });

    await ok(`mutation($id: ID!) { eraseExpert(id: $id) { id } }`, { id: expert.id }, sam);
    expect(await found('Hanna', sam)).toMatchObject({ faq: [], questions: [] });
    expect(await found('hall', sam)).toMatchObject({ faq: [entry.id], questions: [question.id] });
  });

  it('reconcile finds a question document tampered with and repairs it', async () => {
    await t.searchSynced();
    const engine = t.app.get(SearchEngine);
    const index = engine.client.index(engine.index(QUESTIONS_INDEX));
    const [first] = (await index.getDocuments({ limit: 1 })).results;
    await index.updateDocuments([{ id: first?.id, visibility: 'PUBLIC' }]).waitTask();

    const drift = (await t.app.get(SearchMaintenance).reconcile())[QUESTIONS_INDEX];
    expect(drift).toEqual({ missing: [], extra: [], different: [first?.id] });
    await t.searchSynced();
    const again = (await t.app.get(SearchMaintenance).reconcile())[QUESTIONS_INDEX];
    expect(again && driftCount(again)).toBe(0);
  });
});
