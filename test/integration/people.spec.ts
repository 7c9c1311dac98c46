import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { IsNull } from 'typeorm';
import { NotificationRelay } from '../../src/notifications/notification-relay.service.js';
import { SessionEntity } from '../../src/people/session.entity.js';
import { SignInService } from '../../src/people/sign-in.service.js';
import { SignInTokenEntity } from '../../src/people/sign-in-token.entity.js';
import { createBasics, must } from '../support/fixtures.js';
import { startSmtpCapture, type SmtpCapture, textOf } from '../support/smtp-capture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PUBLIC_URL = 'https://kenner.example';
const REQUEST = `mutation($email: String!, $language: Language) {
  requestSignIn(email: $email, language: $language) { message linkValidMinutes } }`;
const COMPLETE = `mutation($token: String!) { completeSignIn(token: $token) {
  sessionToken session { id current expiresAt userAgent }
  person { id email name preferredLanguage roles organisation { name } expert { name } } } }`;
const ME = `{ me { id email name preferredLanguage roles staffRole organisation { name } expert { name visibility } } }`;

describe('people: sign-in by mailed link, sessions', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let refs: Awaited<ReturnType<typeof createBasics>>;
  let erik: { id: string };

  /** Asks for a link and returns the mails the request caused (settled and sent). */
  const ask = async (email: string, language?: string | null) => {
    const before = smtp.mails.length;
    const res = await t.gql(REQUEST, { email, language }, null);
    await t.app.get(SignInService).settled();
    await t.app.get(NotificationRelay).drain();
    return { res, mails: smtp.mails.slice(before) };
  };
  const tokenIn = (raw: string) => /ksi_[A-Za-z0-9_-]{43}/.exec(textOf(raw))?.[0] ?? '';
  const signIn = async (email: string) => {
    const { mails } = await ask(email);
    expect(mails).toHaveLength(1);
    const res = await t.gql(COMPLETE, { token: tokenIn(mails[0]?.raw ?? '') }, null);
    expect(res.errors).toBeUndefined();
    return res.data?.completeSignIn;
  };

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL } });
    refs = await createBasics(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('signs an invited person in: request, mail, complete, me, sign out', async () => {
    const invited = await t.gql(
      `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { id email roles } }`,
      {
        input: {
          email: 'Ina.Invited@Elsewhere.example',
          name: 'Ina Invited',
          preferredLanguage: 'FR',
        },
      },
    );
    expect(invited.errors).toBeUndefined();
    expect(invited.data?.invitePerson).toMatchObject({
      email: 'ina.invited@elsewhere.example',
      roles: [],
    });

    const { res, mails } = await ask('INA.invited@elsewhere.example', 'DE');
    expect(res.data?.requestSignIn).toEqual({
      message: expect.stringMatching(/^If this address may sign in/),
      linkValidMinutes: 15,
    });
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to).toEqual(['ina.invited@elsewhere.example']);
    const text = textOf(mail.raw);
    // The person's own language (FR), not the one asked for; their stored name.
    expect(text).toContain('pour vous connecter à Kenner');
    expect(text).toContain('Bonjour Ina Invited,');
    const token = tokenIn(mail.raw);
    expect(text).toContain(`${PUBLIC_URL}/sign-in?token=${token}`);
    expect(text).not.toContain('text/html');

    const agent = 'Mozilla/5.0 '.padEnd(400, 'x');
    const done = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('user-agent', agent)
      .send({ query: COMPLETE, variables: { token } });
    expect(done.body.errors).toBeUndefined();
    const signedIn = done.body.data.completeSignIn;
    expect(signedIn.sessionToken).toMatch(/^kss_[A-Za-z0-9_-]{43}$/);
    expect(signedIn.session).toMatchObject({ current: true, userAgent: agent.slice(0, 200) });
    expect(signedIn.person).toMatchObject({ email: 'ina.invited@elsewhere.example', roles: [] });

    const me = await t.gql(ME, {}, signedIn.sessionToken);
    expect(me.errors).toBeUndefined();
    expect(me.data?.me).toMatchObject({
      name: 'Ina Invited',
      email: 'ina.invited@elsewhere.example',
      preferredLanguage: 'FR',
      roles: [],
      organisation: null,
      expert: null,
    });
    const viewer = await t.gql(`{ viewer { role } }`, {}, signedIn.sessionToken);
    expect(viewer.data?.viewer.role).toBe('ANONYMOUS');
    // Stored hashed, like API keys.
    const [row] = await t.db.getRepository(SessionEntity).findBy({ id: signedIn.session.id });
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.tokenHash).not.toContain(signedIn.sessionToken.slice(4, 20));

    const out = await t.gql(`mutation { signOut { count } }`, {}, signedIn.sessionToken);
    expect(out.data?.signOut.count).toBe(1);
    const after = await t.gql(ME, {}, signedIn.sessionToken);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(after.errors?.[0]?.message).toMatch(/session is unknown, signed out or expired/);

    // The link was used: a second use says so.
    const again = await t.gql(COMPLETE, { token }, null);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    expect(again.errors?.[0]?.message).toBe(
      'token: this sign-in link was already used: ask for a new one',
    );
  });

  it('says an expired link expired, and an unknown one is not a sign-in link', async () => {
    const { mails } = await ask('ina.invited@elsewhere.example');
    const token = tokenIn(mails[0]?.raw ?? '');
    await t.db
      .getRepository(SignInTokenEntity)
      .update({ usedAt: IsNull() }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await t.gql(COMPLETE, { token }, null);
    expect(expired.errors?.[0]?.message).toBe(
      'token: this sign-in link expired: ask for a new one',
    );
    for (const unknown of ['ksi_' + 'A'.repeat(43), 'x', '', token.slice(0, -1)]) {
      const res = await t.gql(COMPLETE, { token: unknown }, null);
      expect([unknown, res.errors?.[0]?.message]).toEqual([
        unknown,
        'token: not a valid sign-in link: ask for a new one',
      ]);
    }
  });

  it('answers an unknown address exactly as a known one, and mails nothing', async () => {
    const known = await ask('ina.invited@elsewhere.example');
    const unknown = await ask('nobody@nowhere.example');
    expect(unknown.res).toEqual(known.res);
    expect(known.mails).toHaveLength(1);
    expect(unknown.mails).toHaveLength(0);
    expect(
      await t.db.getRepository(SignInTokenEntity).countBy({ email: 'nobody@nowhere.example' }),
    ).toBe(0);
  });

  it("signs in an expert's address as a person linked to the profile, a member of its clusters", async () => {
    erik = await must(
      t,
      `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`,
      'createExpert',
      {
        input: {
          name: 'Erik Expert',
          email: 'erik@lab.example',
          organisationId: refs.org.id,
          visibility: 'STAFF',
        },
      },
    );
    const { mails } = await ask('Erik@Lab.example', 'NL');
    expect(textOf(mails[0]?.raw ?? '')).toContain('Beste Erik Expert,');
    const done = await t.gql(COMPLETE, { token: tokenIn(mails[0]?.raw ?? '') }, null);
    expect(done.data?.completeSignIn.person).toMatchObject({
      email: 'erik@lab.example',
      name: 'Erik Expert',
      preferredLanguage: 'NL',
      roles: ['MEMBER', 'EXPERT'],
      organisation: { name: 'Materials Lab' },
      expert: { name: 'Erik Expert' },
    });
    // Their own profile whatever its visibility; as a member they read as a partner.
    const me = await t.gql(ME, {}, done.data?.completeSignIn.sessionToken);
    expect(me.data?.me.expert).toEqual({ name: 'Erik Expert', visibility: 'STAFF' });
    const viewer = await t.gql(
      `{ viewer { role clusters } }`,
      {},
      done.data?.completeSignIn.sessionToken,
    );
    expect(viewer.data?.viewer).toEqual({ role: 'PARTNER', clusters: ['test-cluster'] });
    // The next sign-in finds the same person.
    const second = await signIn('erik@lab.example');
    expect(second.person.id).toBe(done.data?.completeSignIn.person.id);
  });

  it("signs in an address of a member organisation's domain as a MEMBER, not one of an organisation in no cluster", async () => {
    const set = await t.gql(
      `mutation($o: ID!, $d: [String!]!) { setSignInDomains(organisationId: $o, domains: $d) { organisationId domains } }`,
      { o: refs.org.id, d: [' Member.Example ', 'lab2.example', 'member.example'] },
    );
    expect(set.data?.setSignInDomains).toEqual({
      organisationId: refs.org.id,
      domains: ['lab2.example', 'member.example'],
    });
    const lone = await must(
      t,
      `mutation { createOrganisation(input: { name: "Lone Lab", type: COMPANY, country: "be" }) { id } }`,
      'createOrganisation',
    );
    const taken = await t.gql(
      `mutation($o: ID!) { setSignInDomains(organisationId: $o, domains: ["member.example"]) { domains } }`,
      { o: lone.id },
    );
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'domains' });
    await must(
      t,
      `mutation($o: ID!) { setSignInDomains(organisationId: $o, domains: ["lone.example"]) { domains } }`,
      'setSignInDomains',
      { o: lone.id },
    );
    expect((await ask('someone@lone.example')).mails).toHaveLength(0);

    const { mails } = await ask('new.member@member.example');
    // No name is held for them: no name in the mail.
    expect(textOf(mails[0]?.raw ?? '')).toContain('Hello,\n');
    const signedIn = (await t.gql(COMPLETE, { token: tokenIn(mails[0]?.raw ?? '') }, null)).data
      ?.completeSignIn;
    expect(signedIn.person).toMatchObject({
      name: '',
      roles: ['MEMBER'],
      organisation: { name: 'Materials Lab' },
      expert: null,
    });
    // Staff read the domains; nobody else.
    const read = `query($o: ID!) { signInDomains(organisationId: $o) { domains } }`;
    expect((await t.gql(read, { o: refs.org.id })).data?.signInDomains.domains).toEqual([
      'lab2.example',
      'member.example',
    ]);
    const denied = await t.gql(read, { o: refs.org.id }, signedIn.sessionToken);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lists and ends sessions: its own only; every way in refuses an ended or expired one', async () => {
    const first = await signIn('ina.invited@elsewhere.example');
    const second = await signIn('ina.invited@elsewhere.example');
    const other = await signIn('erik@lab.example');
    const list = await t.gql(`{ mySessions { id current } }`, {}, first.sessionToken);
    expect(list.data?.mySessions).toEqual(
      expect.arrayContaining([
        { id: first.session.id, current: true },
        { id: second.session.id, current: false },
      ]),
    );
    expect(list.data?.mySessions.map((s: { id: string }) => s.id)).not.toContain(other.session.id);
    const foreign = await t.gql(
      `mutation($id: ID!) { revokeSession(id: $id) { count } }`,
      { id: other.session.id },
      first.sessionToken,
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // A search token minted in a session reads as its person while the session lasts.
    const minted = await t.gql(
      `mutation { createSearchToken(indexes: [EXPERTS]) { token indexes } }`,
      {},
      second.sessionToken,
    );
    const live = await request(t.app.getHttpServer())
      .post(`/search/indexes/${minted.data?.createSearchToken.indexes[0]}/search`)
      .set('authorization', `Bearer ${minted.data?.createSearchToken.token}`)
      .send({ q: '' });
    expect(live.status).toBe(200);
    const searchToken = minted.data?.createSearchToken.token as string;
    expect((await t.gql(`{ viewer { role } }`, {}, searchToken)).errors).toBeUndefined();
    expect((await t.gql(ME, {}, searchToken)).data?.me).toBeNull();

    const revoked = await t.gql(
      `mutation($id: ID!) { revokeSession(id: $id) { count } }`,
      { id: second.session.id },
      first.sessionToken,
    );
    expect(revoked.data?.revokeSession.count).toBe(1);
    const refusedEverywhere = async (bearer: string) => {
      for (const query of [
        ME,
        `{ experts(first: 1) { totalCount } }`,
        `mutation { createSearchToken(indexes: [EXPERTS]) { token } }`,
        `mutation { signOut { count } }`,
      ]) {
        const res = await request(t.app.getHttpServer())
          .post('/graphql')
          .set('authorization', `Bearer ${bearer}`)
          .send({ query });
        expect([query, res.status, res.body.errors?.[0]?.extensions?.code]).toEqual([
          query,
          401,
          'UNAUTHENTICATED',
        ]);
      }
    };
    await refusedEverywhere(second.sessionToken);
    await refusedEverywhere(searchToken);
    // On /search too: the session's token stops with it.
    const proxied = await request(t.app.getHttpServer())
      .post(`/search/indexes/${minted.data?.createSearchToken.indexes[0]}/search`)
      .set('authorization', `Bearer ${searchToken}`)
      .send({ q: '' });
    expect(proxied.status).toBe(401);
    expect(proxied.body.message).toMatch(/session that minted this search token/);

    // Idle too long, or past the absolute limit: refused, and deleted.
    const sessions = t.db.getRepository(SessionEntity);
    await sessions.update(first.session.id, {
      lastUsedAt: new Date(Date.now() - 31 * 24 * 3600 * 1000),
    });
    await refusedEverywhere(first.sessionToken);
    await sessions.update(other.session.id, { expiresAt: new Date(Date.now() - 1000) });
    await refusedEverywhere(other.sessionToken);
    expect(await sessions.countBy({ id: first.session.id })).toBe(0);

    const third = await signIn('ina.invited@elsewhere.example');
    const fourth = await signIn('ina.invited@elsewhere.example');
    const everywhere = await t.gql(
      `mutation { signOutEverywhere { count } }`,
      {},
      third.sessionToken,
    );
    expect(everywhere.data?.signOutEverywhere.count).toBe(2);
    await refusedEverywhere(fourth.sessionToken);
  });

  it("exports and erases an expert's account with the profile: sessions and sign-in links", async () => {
    const session = (await signIn('erik@lab.example')).sessionToken as string;
    await ask('erik@lab.example');
    const exported = await t.gql(
      `query($id: ID!) { exportExpertData(id: $id) { person { email name sessions { userAgent } signInLinks } } }`,
      { id: erik.id },
    );
    expect(exported.errors).toBeUndefined();
    const person = exported.data?.exportExpertData.person;
    expect(person).toMatchObject({ email: 'erik@lab.example', name: 'Erik Expert' });
    expect(person.sessions.length).toBeGreaterThan(0);
    expect(person.signInLinks).toBeGreaterThan(0);

    const erased = await t.gql(`mutation($id: ID!) { eraseExpert(id: $id) { people } }`, {
      id: erik.id,
    });
    expect(erased.data?.eraseExpert.people).toBe(1);
    const left = async (table: string, where: string) =>
      Number(
        (await t.db.query<{ n: string }[]>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`))[0]
          ?.n,
      );
    expect(await left('people', `email = 'erik@lab.example'`)).toBe(0);
    expect(await left('sign_in_tokens', `email = 'erik@lab.example'`)).toBe(0);
    const refused = await t.gql(ME, {}, session);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The address no longer belongs to anyone: no mail.
    expect((await ask('erik@lab.example')).mails).toHaveLength(0);
  });

  it('refuses a request carrying two credentials with 400', async () => {
    const session = (await signIn('ina.invited@elsewhere.example')).sessionToken as string;
    const server = t.app.getHttpServer();
    const query = { query: '{ viewer { role } }' };
    for (const header of [
      `Bearer ${session}, Bearer ${t.keys.staff}`,
      `Bearer ${session} ${t.keys.staff}`,
    ]) {
      const res = await request(server).post('/graphql').set('authorization', header).send(query);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors[0].message).toMatch(/one credential/);
    }
  });

  it('refuses hostile input naming the field, and takes null for every optional argument', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [REQUEST, { email: `${'a'.repeat(100_000)}@x.example` }, 'email'],
      [REQUEST, { email: 'not-an-address' }, 'email'],
      [REQUEST, { email: '\ud800@x.example' }, 'email'],
      [REQUEST, { email: 'a\u0000b@x.example' }, 'email'],
      [COMPLETE, { token: 'ksi_'.padEnd(5000, 'A') }, 'token'],
      [COMPLETE, { token: 'ksi_\ud800' }, 'token'],
    ];
    for (const [query, variables, field] of cases) {
      const res = await t.gql(query, variables, null);
      expect([
        field,
        res.errors?.[0]?.extensions?.code,
        res.errors?.[0]?.extensions?.field,
      ]).toEqual([field, 'BAD_USER_INPUT', field]);
    }
    // Bytes that are no UTF-8 at all, in the body: a 400, never a 5xx.
    const raw = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(
        Buffer.concat([
          Buffer.from(`{"query":"mutation { requestSignIn(email: \\"`),
          Buffer.from([0xc3, 0x28, 0xff]),
          Buffer.from(`@x.example\\") { message } }"}`),
        ]),
      );
    expect(raw.status).toBeLessThan(500);
    expect(raw.body.errors?.[0]?.extensions?.code).toMatch(
      /BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED|BAD_REQUEST/,
    );

    const nulls = await t.gql(
      REQUEST,
      { email: 'ina.invited@elsewhere.example', language: null },
      null,
    );
    expect(nulls.errors).toBeUndefined();
    const invite = await t.gql(
      `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { email preferredLanguage organisation { id } expert { id } staffRole } }`,
      {
        input: {
          email: 'nulls@elsewhere.example',
          name: 'N. Ull',
          preferredLanguage: null,
          organisationId: null,
          expertId: null,
          staffRole: null,
        },
      },
    );
    expect(invite.errors).toBeUndefined();
    expect(invite.data?.invitePerson).toEqual({
      email: 'nulls@elsewhere.example',
      preferredLanguage: 'EN',
      organisation: null,
      expert: null,
      staffRole: null,
    });
    // Staff may not make staff; an admin may.
    const staff = { email: 'new.staff@cluster.example', name: 'New Staff', staffRole: 'STAFF' };
    const byStaff = await t.gql(
      `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { id } }`,
      { input: staff },
    );
    expect(byStaff.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'staffRole',
    });
    const byAdmin = await t.gql(
      `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { roles } }`,
      { input: staff },
      t.keys.admin,
    );
    expect(byAdmin.data?.invitePerson.roles).toEqual(['STAFF']);
    const twice = await t.gql(
      `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { id } }`,
      { input: { ...staff, email: 'NEW.staff@cluster.example', staffRole: null } },
    );
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
  });
});

describe('people: sign-in limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { SIGN_IN_LIMIT_ADDRESS: '2', SIGN_IN_LIMIT_CLIENT: '6' },
    });
    await t.gql(
      `mutation { invitePerson(input: { email: "known@elsewhere.example", name: "Known" }) { id } }`,
    );
  });
  afterAll(() => t.close());

  it('limits per address, known or not alike, and per client', async () => {
    const codes = async (email: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await t.gql(REQUEST, { email }, null);
        out.push(res.errors?.[0]?.extensions?.code ?? 'OK');
      }
      return out;
    };
    // Case and +tag make no other mailbox.
    expect(await codes('Known+a@elsewhere.example')).toEqual(['OK', 'OK', 'RATE_LIMITED']);
    expect(await codes('unknown@elsewhere.example')).toEqual(['OK', 'OK', 'RATE_LIMITED']);
    // Six counted for this client by now, refused ones included: the seventh is refused.
    const res = await t.gql(REQUEST, { email: 'third@elsewhere.example' }, null);
    expect(res.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(res.errors?.[0]?.message).toMatch(/from this client/);
  });
});
