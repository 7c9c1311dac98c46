import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Clock, isoDay } from '../../src/common/time/clock.js';
import { NotificationRelay } from '../../src/notifications/notification-relay.service.js';
import { SignInService } from '../../src/people/sign-in.service.js';
import { ProfileReminders } from '../../src/profiles/profile-reminders.service.js';
import { createBasics, must } from '../support/fixtures.js';
import { signedInPerson } from '../support/people.js';
import { startSmtpCapture, type SmtpCapture, textOf } from '../support/smtp-capture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PUBLIC_URL = 'https://kenner.example';
const MONTH_MS = 31 * 24 * 60 * 60 * 1000;
const EXPERT_FIELDS = `id name jobTitle bio languages services visibility acceptsDirectContact
  lastVerifiedAt skills { level years technology { slug } } materials { slug } sectors { slug }`;
const UPDATE_MINE = `mutation($input: UpdateMyExpertProfileInput!) {
  updateMyExpertProfile(input: $input) { ${EXPERT_FIELDS} } }`;
const CONFIRM_MINE = `mutation { confirmMyProfile { id lastVerifiedAt } }`;
const SEARCH = `query($input: ExpertSearchInput!) {
  searchExperts(input: $input) { totalHits hits { expert { id name jobTitle lastVerifiedAt } } } }`;
const STALE = `query($months: Int, $first: Int, $after: String) {
  staleProfiles(olderThanMonths: $months, first: $first, after: $after) {
    totalCount edges { node { id name lastVerifiedAt } } pageInfo { hasNextPage endCursor } } }`;

const tokenIn = (raw: string) => /ksi_[A-Za-z0-9_-]{43}/.exec(textOf(raw))?.[0] ?? '';

describe('experts keep their profiles current', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let refs: Awaited<ReturnType<typeof createBasics>>;
  let erik: { id: string };
  let olga: { id: string };
  let session: string;
  let personId: string;

  /** Sends what is queued and returns the mails that left since `before`. */
  const mailsSince = async (before: number) => {
    await t.app.get(NotificationRelay).drain();
    return smtp.mails.slice(before);
  };
  const expertById = async (id: string) =>
    (
      await t.gql(`query($id: ID!) { node(id: $id) { ... on Expert { ${EXPERT_FIELDS} } } }`, {
        id,
      })
    ).data?.node;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL } });
    refs = await createBasics(t);
    erik = await must(
      t,
      `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`,
      'createExpert',
      {
        input: {
          name: 'Erik Edits',
          email: 'erik@lab.example',
          organisationId: refs.org.id,
          jobTitle: 'Analyst',
          languages: ['en'],
          skills: [{ technologyId: refs.xrd.id, level: 'BASIC', years: 1 }],
        },
      },
    );
    olga = await must(
      t,
      `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`,
      'createExpert',
      {
        input: {
          name: 'Olga Old',
          email: 'olga@lab.example',
          organisationId: refs.org.id,
          languages: ['lb', 'de'],
          lastVerifiedAt: '2019-03-01',
        },
      },
    );
    // Erik signs in through the real mail: his profile's address may sign in on its own.
    const before = smtp.mails.length;
    await t.gql(`mutation { requestSignIn(email: "erik@lab.example") { message } }`, {}, null);
    await t.app.get(SignInService).settled();
    const [mail] = await mailsSince(before);
    const done = await t.gql(
      `mutation($token: String!) { completeSignIn(token: $token) { sessionToken person { id roles } } }`,
      { token: tokenIn(mail?.raw ?? '') },
      null,
    );
    expect(done.errors).toBeUndefined();
    expect(done.data?.completeSignIn.person.roles).toContain('EXPERT');
    session = done.data?.completeSignIn.sessionToken;
    personId = done.data?.completeSignIn.person.id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('an expert edits a skill of their own profile: stored, searchable, audited with their name', async () => {
    const res = await t.gql(
      UPDATE_MINE,
      {
        input: {
          jobTitle: 'Head of crystallography',
          skills: [{ technologyId: refs.xrd.id, level: 'EXPERT', years: 12 }],
          materialIds: [refs.material.id],
          sectorIds: [refs.sector.id],
          services: ['FAILURE_ANALYSIS', 'FAILURE_ANALYSIS'],
          languages: ['en', 'fr'],
          visibility: 'MEMBERS',
          acceptsDirectContact: false,
        },
      },
      session,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateMyExpertProfile).toMatchObject({
      id: erik.id,
      name: 'Erik Edits',
      jobTitle: 'Head of crystallography',
      skills: [{ level: 'EXPERT', years: 12, technology: { slug: 'xrd' } }],
      materials: [{ slug: 'steel' }],
      sectors: [{ slug: 'automotive' }],
      services: ['FAILURE_ANALYSIS'],
      languages: ['en', 'fr'],
      visibility: 'MEMBERS',
      acceptsDirectContact: false,
    });

    // Within the usual freshness: once the relay sent the outbox, search finds the new title.
    await t.searchSynced();
    const found = await t.gql(SEARCH, { input: { query: 'crystallography' } });
    expect(found.errors).toBeUndefined();
    expect(found.data?.searchExperts.hits.map((h: any) => h.expert.id)).toEqual([erik.id]);
    // MEMBERS now: anonymous search no longer finds him (the visibility change is synced at once).
    const anonymous = await t.gql(SEARCH, { input: { query: 'crystallography' } }, null);
    expect(anonymous.data?.searchExperts.totalHits).toBe(0);

    // Staff see who changed what: the audit entry names the person, not a key.
    const log = await t.gql(
      `{ auditLog(limit: 20) { action subject keyId personId role } }`,
      {},
      t.keys.admin,
    );
    const entry = log.data?.auditLog.find((e: any) => e.action === 'updateMyExpertProfile');
    expect(entry).toEqual({
      action: 'updateMyExpertProfile',
      subject: erik.id,
      keyId: null,
      personId,
      role: 'PARTNER',
    });

    // Back to PUBLIC; the opt-out of direct contact is public, for "contact an expert".
    const back = await t.gql(UPDATE_MINE, { input: { visibility: 'PUBLIC' } }, session);
    expect(back.errors).toBeUndefined();
    const seen = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Expert { acceptsDirectContact jobTitle } } }`,
      { id: erik.id },
      null,
    );
    expect(seen.data?.node).toEqual({
      acceptsDirectContact: false,
      jobTitle: 'Head of crystallography',
    });
  });

  it('staff edit the opt-out too, and a new expert accepts direct contact by default', async () => {
    expect(await expertById(olga.id)).toMatchObject({ acceptsDirectContact: true });
    const res = await t.gql(
      `mutation($id: ID!) { updateExpert(id: $id, input: { acceptsDirectContact: false }) { acceptsDirectContact } }`,
      { id: olga.id },
    );
    expect(res.data?.updateExpert).toEqual({ acceptsDirectContact: false });
    const nulled = await t.gql(
      `mutation($id: ID!) { updateExpert(id: $id, input: { acceptsDirectContact: null }) { id } }`,
      { id: olga.id },
    );
    expect(nulled.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'acceptsDirectContact',
    });
  });

  it('confirmMyProfile sets lastVerifiedAt to today; search filters and sorts by freshness', async () => {
    const res = await t.gql(CONFIRM_MINE, {}, session);
    expect(res.errors).toBeUndefined();
    expect(res.data?.confirmMyProfile).toEqual({ id: erik.id, lastVerifiedAt: isoDay(new Date()) });

    await t.searchSynced();
    const fresh = await t.gql(SEARCH, { input: { verifiedWithinMonths: 12 } });
    expect(fresh.errors).toBeUndefined();
    expect(fresh.data?.searchExperts.hits.map((h: any) => h.expert.id)).toEqual([erik.id]);
    const all = await t.gql(SEARCH, {
      input: { verifiedWithinMonths: 1200, sort: 'RECENTLY_VERIFIED' },
    });
    expect(all.data?.searchExperts.hits.map((h: any) => h.expert.id)).toEqual([erik.id, olga.id]);
    for (const bad of [0, -1, 1201]) {
      const refused = await t.gql(SEARCH, { input: { verifiedWithinMonths: bad } });
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'verifiedWithinMonths',
      });
    }
    // Not an Int: GraphQL refuses it before Kenner sees it, naming the field in its message.
    const fraction = await t.gql(SEARCH, { input: { verifiedWithinMonths: 1.5 } });
    expect(fraction.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fraction.errors?.[0]?.message).toContain('verifiedWithinMonths');
    const nullFilter = await t.gql(SEARCH, { input: { verifiedWithinMonths: null } });
    expect(nullFilter.data?.searchExperts.totalHits).toBe(2);
  });

  it('staff list stale profiles; a profile made recently is not stale', async () => {
    await must(
      t,
      `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`,
      'createExpert',
      { input: { name: 'Nina New', email: 'nina@lab.example', organisationId: refs.org.id } },
    );
    const res = await t.gql(STALE, { months: 12 });
    expect(res.errors).toBeUndefined();
    expect(res.data?.staleProfiles).toMatchObject({
      totalCount: 1,
      edges: [{ node: { id: olga.id, lastVerifiedAt: '2019-03-01' } }],
    });
    const byDefault = await t.gql(STALE, { months: null, first: null, after: null });
    expect(byDefault.data?.staleProfiles.totalCount).toBe(1);
    // A year from now, nobody has confirmed since: all three, by name, paged.
    const clock = jest.spyOn(t.app.get(Clock), 'now');
    clock.mockReturnValue(new Date(Date.now() + 13 * MONTH_MS));
    try {
      const page = await t.gql(STALE, { first: 2 });
      expect(page.data?.staleProfiles.totalCount).toBe(3);
      expect(page.data?.staleProfiles.edges.map((e: any) => e.node.name)).toEqual([
        'Erik Edits',
        'Nina New',
      ]);
      const next = await t.gql(STALE, {
        first: 2,
        after: page.data?.staleProfiles.pageInfo.endCursor,
      });
      expect(next.data?.staleProfiles.edges.map((e: any) => e.node.name)).toEqual(['Olga Old']);
    } finally {
      clock.mockRestore();
    }
    for (const months of [0, 1201]) {
      const refused = await t.gql(STALE, { months });
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'olderThanMonths',
      });
    }
    const bySession = await t.gql(STALE, {}, session);
    expect(bySession.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('mails a reminder with a sign-in link for a stale profile, in its language, once per period', async () => {
    const reminders = t.app.get(ProfileReminders);
    expect(reminders.active).toBe(false); // PROFILE_REMINDERS=false in tests: driven here
    const before = smtp.mails.length;
    expect(await reminders.drain()).toBe(1);
    const mails = await mailsSince(before);
    expect(mails.map((m) => m.to)).toEqual([['olga@lab.example']]);
    const text = textOf(mails[0]?.raw ?? '');
    // Her first language Kenner writes in: German (lb is not one).
    expect(text).toContain('Guten Tag Olga Old,');
    expect(text).toContain('zuletzt am 2019-03-01 bestätigt');
    expect(text).toContain('innerhalb von 7 Tagen');
    const token = tokenIn(mails[0]?.raw ?? '');
    expect(text).toContain(`${PUBLIC_URL}/sign-in?token=${token}`);

    // Not twice in the same period.
    expect(await reminders.drain()).toBe(0);
    expect(await mailsSince(smtp.mails.length)).toHaveLength(0);

    // The link signs her in as the expert of her profile, who confirms it.
    const done = await t.gql(
      `mutation($token: String!) { completeSignIn(token: $token) { sessionToken person { roles expert { id } } } }`,
      { token },
      null,
    );
    expect(done.errors).toBeUndefined();
    expect(done.data?.completeSignIn.person.expert).toEqual({ id: olga.id });
    const olgaSession = done.data?.completeSignIn.sessionToken as string;
    const confirmed = await t.gql(CONFIRM_MINE, {}, olgaSession);
    expect(confirmed.data?.confirmMyProfile.lastVerifiedAt).toBe(isoDay(new Date()));

    // Thirteen months on (the clock injected), every profile is stale again: one reminder each,
    // in the person's own language now that they have accounts (both asked in English).
    const clock = jest.spyOn(t.app.get(Clock), 'now');
    clock.mockReturnValue(new Date(Date.now() + 13 * MONTH_MS));
    try {
      const later = smtp.mails.length;
      expect(await reminders.drain()).toBe(3);
      const sent = await mailsSince(later);
      expect(sent.map((m) => m.to[0]).sort()).toEqual([
        'erik@lab.example',
        'nina@lab.example',
        'olga@lab.example',
      ]);
      const toErik = textOf(sent.find((m) => m.to[0] === 'erik@lab.example')?.raw ?? '');
      expect(toErik).toContain(`last confirmed on ${isoDay(new Date())}`);
      const toNina = textOf(sent.find((m) => m.to[0] === 'nina@lab.example')?.raw ?? '');
      expect(toNina).toContain('has never been confirmed');
      expect(await reminders.drain()).toBe(0);
    } finally {
      clock.mockRestore();
    }
  });

  it('refuses a member who is no expert, other profiles, keys and anonymous callers', async () => {
    const member = await signedInPerson(t, {
      email: 'mia@member.example',
      name: 'Mia Member',
      organisationId: refs.org.id,
    });
    for (const query of [UPDATE_MINE, CONFIRM_MINE]) {
      const variables = { input: { jobTitle: 'Nope' } };
      const asMember = await t.gql(query, variables, member.token);
      expect(asMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const asKey = await t.gql(query, variables, t.keys.staff);
      expect(asKey.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const asNobody = await t.gql(query, variables, null);
      expect(asNobody.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    // An expert cannot reach another profile: the staff mutation refuses a session.
    const before = await expertById(olga.id);
    const other = await t.gql(
      `mutation($id: ID!) { updateExpert(id: $id, input: { jobTitle: "Hijacked" }) { id } }`,
      { id: olga.id },
      session,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const own = await t.gql(
      `mutation($id: ID!) { updateExpert(id: $id, input: { name: "Renamed" }) { id } }`,
      { id: erik.id },
      session,
    );
    expect(own.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await expertById(olga.id)).toEqual(before);
  });

  it('refuses hostile input as staff edits do, naming the field, storing nothing', async () => {
    const before = await expertById(erik.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ jobTitle: 'x'.repeat(201) }, 'jobTitle'],
      [{ bio: 'bad \ud800 surrogate' }, 'bio'],
      [{ jobTitle: 'nul\u0000byte' }, 'jobTitle'],
      [{ languages: ['english'] }, 'languages'],
      [{ skills: [{ technologyId: refs.xrd.id, level: 'EXPERT', years: 71 }] }, 'skills[0].years'],
      [
        { skills: [{ technologyId: 'VGVjaG5vbG9neTpub3BlCg', level: 'EXPERT' }] },
        'skills[0].technologyId',
      ],
      [
        {
          skills: [
            { technologyId: refs.xrd.id, level: 'EXPERT' },
            { technologyId: refs.xrd.id, level: 'BASIC' },
          ],
        },
        'skills[1].technologyId',
      ],
      [{ materialIds: [refs.sector.id] }, 'materialIds'],
      [{ visibility: 'STAFF' }, 'visibility'],
    ];
    for (const field of [
      'jobTitle',
      'bio',
      'languages',
      'skills',
      'materialIds',
      'sectorIds',
      'services',
      'visibility',
      'acceptsDirectContact',
    ]) {
      cases.push([{ [field]: null }, field]);
    }
    for (const [input, field] of cases) {
      const res = await t.gql(UPDATE_MINE, { input }, session);
      expect({ field, errors: res.errors?.map((e) => e.extensions) }).toEqual({
        field,
        errors: [
          expect.objectContaining({
            code: 'BAD_USER_INPUT',
            field: expect.stringMatching(new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}`)),
          }),
        ],
      });
    }
    // Fields that are the staff's are not in the input at all.
    for (const field of ['name', 'email', 'lastVerifiedAt', 'organisationId']) {
      const res = await t.gql(UPDATE_MINE, { input: { [field]: 'x' } }, session);
      expect(res.errors?.length).toBeGreaterThan(0);
    }
    expect(await expertById(erik.id)).toEqual(before);
  });

  it('a STAFF-hidden profile stays hidden: its expert cannot list it', async () => {
    await must(
      t,
      `mutation($id: ID!) { updateExpert(id: $id, input: { visibility: STAFF }) { id } }`,
      'updateExpert',
      { id: erik.id },
    );
    const res = await t.gql(UPDATE_MINE, { input: { visibility: 'PUBLIC' } }, session);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'visibility',
    });
    const same = await t.gql(
      UPDATE_MINE,
      { input: { visibility: 'STAFF', bio: 'Still me.' } },
      session,
    );
    expect(same.errors).toBeUndefined();
    expect(same.data?.updateMyExpertProfile).toMatchObject({
      visibility: 'STAFF',
      bio: 'Still me.',
    });
  });

  it("the expert's export lists their edits and the reminder; erasure leaves the trail nameless", async () => {
    const exported = await t.gql(
      `query($id: ID!) { exportExpertData(id: $id) { profileReminderSentAt auditTrail { action personId } person { id } } }`,
      { id: erik.id },
    );
    expect(exported.errors).toBeUndefined();
    const data = exported.data?.exportExpertData;
    expect(data.person).toEqual({ id: personId });
    expect(data.profileReminderSentAt).toEqual(expect.any(String));
    expect(data.auditTrail).toEqual(
      expect.arrayContaining([
        { action: 'updateMyExpertProfile', personId },
        { action: 'confirmMyProfile', personId },
      ]),
    );
    await must(t, `mutation($id: ID!) { eraseExpert(id: $id) { id } }`, 'eraseExpert', {
      id: erik.id,
    });
    const log = await t.gql(`{ auditLog(limit: 200) { personId } }`, {}, t.keys.admin);
    const people = log.data?.auditLog.map((e: any) => e.personId);
    expect(people).not.toContain(personId);
    expect(people).toEqual(
      expect.arrayContaining([expect.stringMatching(/^erased:[0-9a-f]{32}$/)]),
    );
  });
});
