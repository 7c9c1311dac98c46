import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ExpertEntity, Visibility } from '../../src/experts/expert.entity.js';
import { fromGlobalId, parseGlobalId } from '../../src/common/graphql/global-id.js';
import { SearchEngine } from '../../src/search/engine/search-engine.service.js';
import { EXPERTS_INDEX } from '../../src/search/indexes/experts.index.js';
import { TECHNOLOGIES_INDEX } from '../../src/search/indexes/technologies.index.js';
import { driftCount } from '../../src/search/maintenance/index-comparison.js';
import { SearchMaintenance } from '../../src/search/maintenance/search-maintenance.service.js';
import { SearchOutbox } from '../../src/search/outbox/search-outbox.service.js';
import { SearchRelay } from '../../src/search/sync/search-relay.service.js';
import { createBasics, must } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CREATE = `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateExpertInput!) { updateExpert(id: $id, input: $input) { id } }`;
const SEARCH = `query($q: String) { searchExperts(input: { query: $q }) { totalHits hits { expert { id name } } } }`;

describe('database → search sync', () => {
  let t: TestApp;
  let refs: Awaited<ReturnType<typeof createBasics>>;
  const index = () => {
    const engine = t.app.get(SearchEngine);
    return engine.client.index(engine.index(EXPERTS_INDEX));
  };
  /** The experts index's document stored under this id, or null. */
  const stored = (id: string) =>
    index()
      .getDocument(id)
      .catch(() => null);
  const document = (globalId: string) => stored(fromGlobalId(globalId, 'Expert'));
  const expert = (name: string, email: string) => ({
    name,
    email,
    organisationId: refs.org.id,
    skills: [{ technologyId: refs.xrd.id, level: 'EXPERT' }],
  });

  beforeAll(async () => {
    t = await startTestApp();
    refs = await createBasics(t);
  });
  afterAll(() => t.close());

  it('answers a query that may name a person before any expert is indexed', async () => {
    // It names a technique (DRX) and may name a person: the person probe travels with the
    // search, and an index without documents refuses it.
    expect(await stored('anything')).toBeNull();
    const experts = await t.gql(
      `{ searchExperts(input: { query: "DRX Quarante" }) {
          totalHits hits { expert { id } } understood { technologies { technology { slug } } } } }`,
    );
    expect([experts.errors, experts.data]).toEqual([
      undefined,
      {
        searchExperts: {
          totalHits: 0,
          hits: [],
          understood: { technologies: [{ technology: { slug: 'xrd' } }] },
        },
      },
    ]);
    const overview = await t.gql(
      `{ search(query: "DRX Quarante") { expertTotal experts { expert { id } } } }`,
    );
    expect([overview.errors, overview.data]).toEqual([
      undefined,
      { search: { expertTotal: 0, experts: [] } },
    ]);
  });

  it('makes a created expert searchable, an update replace it, a delete remove it', async () => {
    const { id } = await must(t, CREATE, 'createExpert', {
      input: expert('Odile Quarante', 'odile@lab.example'),
    });
    await t.searchSynced();
    expect((await t.gql(SEARCH, { q: 'Quarante' })).data?.searchExperts.hits).toEqual([
      { expert: { id, name: 'Odile Quarante' } },
    ]);

    await must(t, UPDATE, 'updateExpert', { id, input: { name: 'Odile Cinquante' } });
    await t.searchSynced();
    expect((await t.gql(SEARCH, { q: 'Quarante' })).data?.searchExperts.totalHits).toBe(0);
    expect((await t.gql(SEARCH, { q: 'Cinquante' })).data?.searchExperts.totalHits).toBe(1);

    await must(t, `mutation($id: ID!) { deleteExpert(id: $id) { id } }`, 'deleteExpert', { id });
    await t.searchSynced();
    expect(await document(id)).toBeNull();
  });

  it('keeps the last of two quick updates, and an update then delete leaves no document', async () => {
    const { id } = await must(t, CREATE, 'createExpert', {
      input: expert('Quick One', 'quick@lab.example'),
    });
    await must(t, UPDATE, 'updateExpert', { id, input: { jobTitle: 'first' } });
    await must(t, UPDATE, 'updateExpert', { id, input: { jobTitle: 'second' } });
    await t.searchSynced();
    expect((await document(id))?.jobTitle).toBe('second');

    const other = await must(t, CREATE, 'createExpert', {
      input: expert('Brief Life', 'brief@lab.example'),
    });
    await must(t, UPDATE, 'updateExpert', { id: other.id, input: { jobTitle: 'about to go' } });
    await must(t, `mutation($id: ID!) { deleteExpert(id: $id) { id } }`, 'deleteExpert', {
      id: other.id,
    });
    await t.searchSynced();
    expect(await document(other.id)).toBeNull();
  });

  it('leaves no trace of a rolled-back transaction', async () => {
    const outbox = t.app.get(SearchOutbox);
    const ghost = '00000000-0000-4000-8000-0000000000aa';
    await expect(
      t.db.transaction(async (em) => {
        await em.query(
          `INSERT INTO experts (id, name, "jobTitle", bio, "organisationId", languages, services, visibility, email, "createdAt", "updatedAt")
           SELECT '${ghost}', 'Ghost', '', '', id, '[]', '[]', 'PUBLIC', 'ghost@lab.example', "createdAt", "updatedAt" FROM organisations LIMIT 1`,
        );
        await outbox.expertsChanged(em, [ghost]);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await t.searchSynced();
    const [row] = await t.db.query<{ n: string | number }[]>(
      'SELECT COUNT(*) AS n FROM search_outbox',
    );
    expect(Number(row?.n)).toBe(0);
    expect(
      await index()
        .getDocument(ghost)
        .catch(() => null),
    ).toBeNull();
  });

  it('sends a backlog of several batches: each document as the database holds it, gone experts deleted', async () => {
    const relay = t.app.get(SearchRelay);
    const outbox = t.app.get(SearchOutbox);
    await relay.pause();
    // A bulk write, as an import leaves it: far more rows than one batch of the relay.
    const ids = Array.from(
      { length: 1_200 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    const organisationId = fromGlobalId(refs.org.id, 'Organisation');
    await t.db.transaction(async (em) => {
      for (let i = 0; i < ids.length; i += 100) {
        await em.getRepository(ExpertEntity).insert(
          ids.slice(i, i + 100).map((id, j) => ({
            id,
            name: `Backlog Person${i + j}`,
            organisationId,
            languages: [],
            services: [],
            visibility: Visibility.PUBLIC,
            email: `backlog${i + j}@lab.example`,
          })),
        );
      }
      await outbox.expertsChanged(em, ids);
    });
    // Then, further down the outbox: ten of them deleted, the last one renamed.
    await t.db.transaction(async (em) => {
      await em.getRepository(ExpertEntity).delete(ids.slice(0, 10));
      await em.getRepository(ExpertEntity).update(ids.at(-1) as string, { name: 'Backlog Last' });
      await outbox.expertsChanged(em, [...ids.slice(0, 10), ids.at(-1) as string]);
    });
    relay.resume();
    await t.searchSynced(120_000);
    expect(await stored(ids[0] as string)).toBeNull();
    expect((await stored(ids[10] as string))?.name).toBe('Backlog Person10');
    expect((await stored(ids.at(-1) as string))?.name).toBe('Backlog Last');
    const found = await t.gql(
      `{ searchExperts(input: { query: "Backlog", hitsPerPage: 1 }) { totalHits } }`,
      {},
      null,
    );
    expect(found.errors).toBeUndefined();
    expect(found.data?.searchExperts.totalHits).toBe(1_190);
    const health = await request(t.app.getHttpServer()).get('/health');
    expect(health.body).toMatchObject({ outbox: { pending: 0, parked: 0 } });
    await t.db.getRepository(ExpertEntity).delete(ids.slice(10));
    await outbox.expertsChanged(t.db.manager, ids.slice(10));
    await t.searchSynced(120_000);
  });

  it('carries a technology rename to every expert who has it', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(
        (
          await must(t, CREATE, 'createExpert', {
            input: expert(`Renamed ${i}`, `renamed${i}@lab.example`),
          })
        ).id,
      );
    }
    await must(
      t,
      `mutation($id: ID!) { updateTechnology(id: $id, input: { name: "Röntgendiffraktometrie XY" }) { id } }`,
      'updateTechnology',
      { id: refs.xrd.id },
    );
    await t.searchSynced();
    for (const id of ids) {
      expect((await document(id))?.technologies.map((x: { name: string }) => x.name)).toEqual([
        'Röntgendiffraktometrie XY',
      ]);
    }
    // A parent rename reaches the experts of its children through their ancestors.
    await must(
      t,
      `mutation($id: ID!) { updateTechnology(id: $id, input: { name: "Beugungsmethoden" }) { id } }`,
      'updateTechnology',
      { id: refs.root.id },
    );
    await t.searchSynced();
    expect((await document(ids[0] as string))?.technologyAncestors).toContain('Beugungsmethoden');
  });

  it('keeps organisation and technique documents in step with experts and instruments', async () => {
    const doc = (name: string, globalId: string) => {
      const engine = t.app.get(SearchEngine);
      return engine.client
        .index(engine.index(name))
        .getDocument(parseGlobalId(globalId).id)
        .catch(() => null);
    };
    const nd = await must(
      t,
      `mutation($p: ID!) { createTechnology(input: { name: "Neutron diffraction", slug: "neutron-diffraction", parentId: $p }) { id } }`,
      'createTechnology',
      { p: refs.root.id },
    );
    const other = await must(
      t,
      `mutation { createOrganisation(input: { name: "Neutron Centre", type: RESEARCH_INSTITUTE, country: "FR" }) { id } }`,
      'createOrganisation',
    );
    const { id } = await must(t, CREATE, 'createExpert', {
      input: {
        ...expert('Members Only', 'members@lab.example'),
        visibility: 'MEMBERS',
        skills: [{ technologyId: nd.id, level: 'EXPERT' }],
      },
    });
    await t.searchSynced();
    // A members-only expert's technique must not show on the organisation or in counts.
    expect((await doc('organisations', refs.org.id))?.technologySlugs).not.toContain(
      'neutron-diffraction',
    );
    expect((await doc('technologies', nd.id))?.expertCount).toBe(0);

    await must(t, UPDATE, 'updateExpert', {
      id,
      input: { visibility: 'PUBLIC', organisationId: other.id },
    });
    await t.searchSynced();
    expect(await doc('organisations', other.id)).toMatchObject({
      technologySlugs: ['neutron-diffraction'],
      expertCount: 1,
    });
    expect((await doc('technologies', nd.id))?.expertCount).toBe(1);

    await must(t, `mutation($id: ID!) { deleteExpert(id: $id) { id } }`, 'deleteExpert', { id });
    await must(
      t,
      `mutation($t: ID!, $o: ID!) { createInstrument(input: { name: "D19", model: "ILL diffractometer", technologyId: $t, organisationId: $o, accessMode: COLLABORATION }) { id } }`,
      'createInstrument',
      { t: nd.id, o: refs.org.id },
    );
    await must(
      t,
      `mutation($id: ID!) { updateTechnology(id: $id, input: { name: "Diffraction methods" }) { id } }`,
      'updateTechnology',
      { id: refs.root.id },
    );
    await t.searchSynced();
    expect(await doc('organisations', other.id)).toMatchObject({
      technologySlugs: [],
      expertCount: 0,
    });
    expect((await doc('technologies', nd.id))?.expertCount).toBe(0);
    expect((await doc('organisations', refs.org.id))?.instruments).toContain(
      'D19 ILL diffractometer',
    );
    expect((await doc('organisations', refs.org.id))?.technologySlugs).toContain(
      'neutron-diffraction',
    );
    expect((await doc('technologies', nd.id))?.path).toContain('Diffraction methods');
    // Sent by the background relay, which holds these indexes' rows a moment to coalesce them:
    // once the outbox is empty nothing is left to repair.
    const drift = await t.app
      .get(SearchMaintenance)
      .reconcile(undefined, ['organisations', 'technologies']);
    expect(Object.values(drift).map(driftCount)).toEqual([0, 0]);
  });

  it('parks a document Meilisearch refuses and lands the rest of its batch', async () => {
    const org = await must(
      t,
      `mutation { createOrganisation(input: { name: "Broken Geo", type: OTHER, country: "BE" }) { id } }`,
      'createOrganisation',
    );
    const orgId = fromGlobalId(org.id, 'Organisation');
    // A corrupted row, as a manual SQL fix could leave it: a latitude that is not a number.
    // SQLite stores it as is; PostgreSQL first needs the column loosened (this file's own schema).
    if (t.database.kind === 'postgres') {
      await t.db.query('ALTER TABLE organisations ALTER COLUMN latitude TYPE text');
    }
    await t.db.query(
      `UPDATE organisations SET latitude = 'north', longitude = 6 WHERE id = '${orgId}'`,
    );
    const good = await must(t, CREATE, 'createExpert', {
      input: expert('Good Neighbour', 'good@lab.example'),
    });
    const bad = await must(t, CREATE, 'createExpert', {
      input: { ...expert('Poison Pill', 'poison@lab.example'), organisationId: org.id },
    });
    await t.searchSynced();
    expect((await document(good.id))?.name).toBe('Good Neighbour');
    // Expert documents carry no position (only organisations do): the broken coordinates keep
    // the organisation's document out, not its experts'.
    expect((await document(bad.id))?.name).toBe('Poison Pill');
    // The document that holds the broken coordinates is parked, once, with the error.
    const parked = await t.db.query<{ indexName: string; documentId: string; lastError: string }[]>(
      'SELECT "indexName", "documentId", "lastError" FROM search_outbox WHERE "parkedAt" IS NOT NULL ORDER BY "indexName"',
    );
    expect(parked.map((p) => [p.indexName, p.documentId])).toEqual([['organisations', orgId]]);
    for (const p of parked) expect(p.lastError).toMatch(/_geo|latitude|longitude/i);
    // Parked documents wait for a person, not for the relay: search still counts as in sync.
    const health = await request(t.app.getHttpServer()).get('/health');
    expect(health.body).toMatchObject({
      search: { status: 'up', inSync: true },
      outbox: { pending: 0, parked: 1 },
    });
  });

  it('derives synonyms from the taxonomy and refreshes them when it changes', async () => {
    const engine = t.app.get(SearchEngine);
    const settings = () => engine.client.index(engine.index(TECHNOLOGIES_INDEX)).getSettings();
    // The fixture technique: acronyms XRD/DRX, French and German names (its English name was
    // renamed by an earlier test of this file).
    expect((await settings()).synonyms?.['drx']).toEqual(
      expect.arrayContaining(['xrd', 'diffraction des rayons x', 'röntgenbeugung']),
    );
    expect((await settings()).synonyms?.['röntgenbeugung']).toContain('drx');
    // Expert documents carry every name of their techniques themselves: no synonyms there.
    expect((await index().getSettings()).synonyms).toEqual({});
    await must(
      t,
      `mutation { createTechnology(input: { name: "Laser ultrasonics", slug: "laser-ultrasonics", acronyms: ["LUS"], nameFr: "Ultrasons laser" }) { id } }`,
      'createTechnology',
    );
    await t.searchSynced();
    expect((await settings()).synonyms?.['lus']).toEqual(['laser ultrasonics', 'ultrasons laser']);
  });
});
