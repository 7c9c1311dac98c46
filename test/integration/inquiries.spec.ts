import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiKeysService } from '../../src/auth/api-keys.service.js';
import { Role } from '../../src/auth/caller.js';
import { NotificationRelay } from '../../src/notifications/notification-relay.service.js';
import { createBasics, must } from '../support/fixtures.js';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const STAFF_MAIL = 'staff@cluster.example';
const SUBMIT = `mutation($input: SubmitInquiryInput!) {
  submitInquiry(input: $input) { reference status submittedAt } }`;
const TRANSITION = `mutation($id: ID!, $to: InquiryStatus!, $note: String) {
  transitionInquiry(id: $id, to: $to, note: $note) { status } }`;
const INQUIRY = `query($id: ID!) { inquiry(id: $id) {
  id reference status assignee email description technologyIds
  history { kind from to note at byKeyId }
  introducedExperts { name } } }`;

/** Quoted-printable soft line breaks aside, the raw message holds the text as written. */
const textOf = (raw: string) => raw.replace(/=\r?\n/g, '');

/** Direct contact: inquiries from anyone, a staff workflow, and the e-mails around it. */
describe('inquiries', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let refs: Awaited<ReturnType<typeof createBasics>>;
  let experts: { id: string }[];
  let partner: string;

  const input = (overrides: Record<string, unknown> = {}) => ({
    requesterName: 'Rita Requester',
    organisation: 'Acme Steel',
    email: 'rita@acme.example',
    country: 'lu',
    description: 'Nous cherchons une analyse DRX de notre acier trempé.',
    technologyIds: [refs.xrd.id],
    materialId: refs.material.id,
    sectorId: refs.sector.id,
    deadline: '2099-12-31',
    latitude: 49.6,
    longitude: 6.1,
    radiusKm: 50,
    consentToContact: true,
    ...overrides,
  });
  const delivered = async () => {
    await t.app.get(NotificationRelay).drain();
    return smtp.mails;
  };
  const rows = async () => {
    const [i] = await t.db.query<{ n: string }[]>('SELECT COUNT(*) AS n FROM inquiries');
    const [h] = await t.db.query<{ n: string }[]>('SELECT COUNT(*) AS n FROM inquiry_history');
    const [o] = await t.db.query<{ n: string }[]>('SELECT COUNT(*) AS n FROM notification_outbox');
    return [Number(i?.n), Number(h?.n), Number(o?.n)];
  };

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, NOTIFY_STAFF_EMAIL: STAFF_MAIL } });
    refs = await createBasics(t);
    partner = (
      await t.app
        .get(ApiKeysService)
        .create({ name: 'p', role: Role.PARTNER, clusters: ['test-cluster'] })
    ).secret;
    experts = [];
    for (const [name, email] of [
      ['Xavier Xray', 'xavier@lab.example'],
      ['Yvonne Yield', 'yvonne@lab.example'],
    ]) {
      experts.push(
        await must(
          t,
          `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`,
          'createExpert',
          { input: { name, email, organisationId: refs.org.id } },
        ),
      );
    }
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('takes an anonymous inquiry, answers only a reference, and mails staff and requester', async () => {
    smtp.mails.length = 0;
    const res = await t.gql(SUBMIT, { input: input() }, null);
    expect(res.errors).toBeUndefined();
    const submitted = res.data?.submitInquiry;
    expect(Object.keys(submitted).sort()).toEqual(['reference', 'status', 'submittedAt']);
    expect(submitted.reference).toMatch(/^KNR-\d{4}-\d{6}$/);
    expect(submitted.status).toBe('NEW');

    const mails = await delivered();
    const staff = mails.find((m) => m.to.includes(STAFF_MAIL));
    const confirmation = mails.find((m) => m.to.includes('rita@acme.example'));
    expect(textOf(staff?.raw ?? '')).toContain(`New inquiry ${submitted.reference}`);
    expect(textOf(confirmation?.raw ?? '')).toContain(submitted.reference);
    expect(confirmation?.from).toBe('no-reply@kenner.local');
    expect(await rows()).toEqual([expect.any(Number), expect.any(Number), 0]);
  });

  it('publishes nothing but reference, status and date on a submission', async () => {
    const res = await t.gql(`{ __type(name: "SubmittedInquiry") { fields { name } } }`, {}, null);
    expect(res.data?.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual([
      'reference',
      'status',
      'submittedAt',
    ]);
    const probe = await t.gql(
      `mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { reference email } }`,
      { input: input() },
      null,
    );
    expect(probe.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('runs the staff workflow with notes, an assignee, introductions and a recorded history', async () => {
    const submitted = await t.gql(SUBMIT, { input: input() }, null);
    const reference = submitted.data?.submitInquiry.reference as string;
    await delivered();
    smtp.mails.length = 0;
    const step = async (to: string, note?: string) =>
      must(t, TRANSITION, 'transitionInquiry', { id: reference, to, note });

    expect((await step('TRIAGED', 'clear request')).status).toBe('TRIAGED');
    await must(
      t,
      `mutation($id: ID!) { assignInquiry(id: $id, assignee: "Sam Staff") { assignee } }`,
      'assignInquiry',
      { id: reference },
    );
    await must(
      t,
      `mutation($id: ID!) { addInquiryNote(id: $id, note: "called the requester") { status } }`,
      'addInquiryNote',
      { id: reference },
    );
    await step('MATCHED');
    const introduced = await must(
      t,
      `mutation($id: ID!, $experts: [ID!]!) {
        introduceExperts(inquiryId: $id, expertIds: $experts, note: "Both know DRX well") { name email } }`,
      'introduceExperts',
      { id: reference, experts: experts.map((e) => e.id) },
    );
    expect(introduced.map((e: { email: string }) => e.email).sort()).toEqual([
      'xavier@lab.example',
      'yvonne@lab.example',
    ]);
    await step('CLOSED', 'done');

    const inquiry = (await t.gql(INQUIRY, { id: reference })).data?.inquiry;
    expect(inquiry).toMatchObject({
      status: 'CLOSED',
      assignee: 'Sam Staff',
      email: 'rita@acme.example',
    });
    expect(inquiry.technologyIds).toEqual([refs.xrd.id]);
    expect(inquiry.introducedExperts.map((e: { name: string }) => e.name).sort()).toEqual([
      'Xavier Xray',
      'Yvonne Yield',
    ]);
    const history = inquiry.history as Record<string, string | null>[];
    expect(history.map((h) => [h.kind, h.from, h.to])).toEqual([
      ['SUBMITTED', null, 'NEW'],
      ['TRANSITION', 'NEW', 'TRIAGED'],
      ['ASSIGNMENT', 'TRIAGED', 'TRIAGED'],
      ['NOTE', 'TRIAGED', 'TRIAGED'],
      ['TRANSITION', 'TRIAGED', 'MATCHED'],
      ['TRANSITION', 'MATCHED', 'INTRODUCED'],
      ['TRANSITION', 'INTRODUCED', 'CLOSED'],
    ]);
    expect(history[0]?.byKeyId).toBeNull();
    for (const entry of history.slice(1)) {
      expect(entry.byKeyId).toEqual(expect.any(String));
      expect(Date.parse(entry.at ?? '')).not.toBeNaN();
    }
    expect(history.map((h) => h.note)).toContain('called the requester');

    // By id as well as by reference; the same inquiry is what matching will read.
    expect((await t.gql(INQUIRY, { id: inquiry.id })).data?.inquiry.reference).toBe(reference);

    const mails = await delivered();
    const toRequester = mails.find((m) => m.to.includes('rita@acme.example'));
    expect(textOf(toRequester?.raw ?? '')).toContain('Xavier Xray <xavier@lab.example>');
    expect(textOf(toRequester?.raw ?? '')).toContain('Yvonne Yield');
    const toXavier = mails.find((m) => m.to.includes('xavier@lab.example'));
    expect(textOf(toXavier?.raw ?? '')).toContain('Rita Requester of Acme Steel');
    // Each expert learns the requester, not the other experts.
    expect(textOf(toXavier?.raw ?? '')).not.toContain('yvonne@lab.example');
    expect(mails.find((m) => m.to.includes('yvonne@lab.example'))).toBeDefined();
    expect(history.map((h) => h.note)).toContain('introduced 2 experts: Both know DRX well');

    // Erasing an introduced expert erases the introduction; the inquiry and its history stay.
    await must(t, `mutation($id: ID!) { eraseExpert(id: $id) { id } }`, 'eraseExpert', {
      id: experts[1]?.id,
    });
    const after = (await t.gql(INQUIRY, { id: reference })).data?.inquiry;
    expect(after.introducedExperts.map((e: { name: string }) => e.name)).toEqual(['Xavier Xray']);
    expect(after.history).toHaveLength(history.length);
    expect(JSON.stringify(after)).not.toContain('Yvonne');
  });

  it('audits an inquiry under one subject however the request named it', async () => {
    const { reference } = await must(t, SUBMIT, 'submitInquiry', { input: input() });
    const { id } = (await t.gql(INQUIRY, { id: reference })).data?.inquiry as { id: string };
    const NOTE = `mutation($id: ID!, $note: String!) { addInquiryNote(id: $id, note: $note) { id } }`;
    const notes = async () => {
      const log = await t.gql(`{ auditLog(limit: 500) { action subject } }`, {}, t.keys.admin);
      return (log.data?.auditLog as { action: string; subject: string }[])
        .filter((e) => e.action === 'addInquiryNote')
        .map((e) => e.subject);
    };
    const before = (await notes()).length;
    for (const name of [reference, ` ${reference.toLowerCase()} `, id]) {
      await must(t, NOTE, 'addInquiryNote', { id: name, note: 'named another way' });
    }
    // Newest first: the three entries just written.
    const after = await notes();
    const subjects = after.slice(0, after.length - before);
    expect(subjects).toEqual([id, id, id]);
  });

  it('refuses illegal transitions, naming both ends and the allowed moves, and changes nothing', async () => {
    const { reference } = await must(t, SUBMIT, 'submitInquiry', { input: input() });
    const before = (await t.gql(INQUIRY, { id: reference })).data?.inquiry;

    const skip = await t.gql(TRANSITION, { id: reference, to: 'INTRODUCED' });
    expect(skip.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'to' });
    expect(skip.errors?.[0]?.message).toBe(
      'to: cannot go from NEW to INTRODUCED; allowed: TRIAGED, REJECTED',
    );
    const close = await t.gql(TRANSITION, { id: reference, to: 'CLOSED' });
    expect(close.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const introduce = await t.gql(
      `mutation($id: ID!, $e: [ID!]!) { introduceExperts(inquiryId: $id, expertIds: $e) { name } }`,
      { id: reference, e: [experts[0]?.id] },
    );
    expect(introduce.errors?.[0]?.message).toContain('cannot go from NEW to INTRODUCED');
    expect((await t.gql(INQUIRY, { id: reference })).data?.inquiry).toEqual(before);

    await must(t, TRANSITION, 'transitionInquiry', { id: reference, to: 'REJECTED' });
    const reopen = await t.gql(TRANSITION, { id: reference, to: 'TRIAGED' });
    expect(reopen.errors?.[0]?.message).toBe(
      'to: cannot go from REJECTED to TRIAGED; REJECTED is final',
    );
    const missing = await t.gql(TRANSITION, { id: 'KNR-1999-000001', to: 'TRIAGED' });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('gives concurrent submissions distinct, consecutive references', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => t.gql(SUBMIT, { input: input() }, null)),
    );
    const references = answers.map((a) => a.data?.submitInquiry.reference as string);
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    expect(new Set(references).size).toBe(6);
    const numbers = references.map((r) => Number(r.slice(-6))).sort((a, b) => a - b);
    expect(numbers.at(-1)! - numbers[0]!).toBe(5);
  });

  it('names each malformed field and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'not-an-address' }, 'email'],
      [{ consentToContact: false }, 'consentToContact'],
      [{ description: 'x'.repeat(5001) }, 'description'],
      [{ technologyIds: [refs.xrd.id, refs.material.id] }, 'technologyIds[1]'],
      [{ deadline: '2001-01-01' }, 'deadline'],
      [{ country: 'Luxembourg' }, 'country'],
      [{ longitude: undefined }, 'longitude'],
    ];
    // The earlier tests' mails go first: the relay deletes their outbox rows as it sends them, which
    // would change the count below while this test writes nothing.
    await t.app.get(NotificationRelay).drain();
    const before = await rows();
    for (const [overrides, field] of cases) {
      const res = await t.gql(SUBMIT, { input: input(overrides) }, null);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const unknownTech = Buffer.from('Technology:00000000-0000-4000-8000-000000000000').toString(
      'base64url',
    );
    const res = await t.gql(SUBMIT, { input: input({ technologyIds: [unknownTech] }) }, null);
    expect(res.errors?.[0]?.message).toBe('technologyIds[0]: no Technology with this id');
    expect(await rows()).toEqual(before);
  });

  it('keeps inquiries from anonymous callers and partners; partners may submit', async () => {
    const list = `{ inquiries(first: 5) { totalCount edges { node { reference email } } } }`;
    expect((await t.gql(list, {}, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(list, {}, partner)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const read = `{ inquiry(id: "KNR-2026-000001") { email } }`;
    expect((await t.gql(read, {}, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(read, {}, partner)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { reference } = await must(t, SUBMIT, 'submitInquiry', { input: input() });
    const write = await t.gql(TRANSITION, { id: reference, to: 'TRIAGED' }, partner);
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const byPartner = await t.gql(SUBMIT, { input: input() }, partner);
    expect(byPartner.data?.submitInquiry.status).toBe('NEW');
    const page = (await t.gql(list)).data?.inquiries;
    expect(page.totalCount).toBeGreaterThanOrEqual(2);
    expect(page.edges[0].node.reference).toBe(byPartner.data?.submitInquiry.reference);
    const newOnly = await t.gql(`{ inquiries(status: REJECTED) { edges { node { status } } } }`);
    for (const edge of newOnly.data?.inquiries.edges ?? [])
      expect(edge.node.status).toBe('REJECTED');
  });

  it('pages inquiries newest first, within the shared page bounds', async () => {
    const PAGE = `query($first: Int, $after: String) {
      inquiries(first: $first, after: $after) {
        totalCount edges { node { reference } } pageInfo { hasNextPage endCursor }
      }
    }`;
    const all = (await t.gql(PAGE, { first: 100 })).data?.inquiries;
    const first = (await t.gql(PAGE, { first: 1 })).data?.inquiries;
    const next = (await t.gql(PAGE, { first: 1, after: first.pageInfo.endCursor })).data?.inquiries;
    expect([...first.edges, ...next.edges]).toEqual(all.edges.slice(0, 2));
    for (const args of [{ first: 101 }, { first: -1 }, { after: 'x'.repeat(501) }]) {
      const res = await t.gql(PAGE, args);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/^(first|after): /);
    }
  });

  it('keeps a mail the server refuses and tries it again later', async () => {
    await delivered();
    smtp.refuse.add('bounce@acme.example');
    await must(t, SUBMIT, 'submitInquiry', { input: input({ email: 'bounce@acme.example' }) });
    await delivered();
    const [pending] = await t.db.query<{ attempts: number; lastError: string }[]>(
      `SELECT attempts, "lastError" FROM notification_outbox WHERE recipient = 'bounce@acme.example'`,
    );
    expect(Number(pending?.attempts)).toBe(1);
    expect(pending?.lastError).toContain('mailbox unavailable');

    smtp.refuse.clear();
    await t.db.query(`UPDATE notification_outbox SET "nextAttemptAt" = "enqueuedAt"`);
    await delivered();
    expect(smtp.mails.some((m) => m.to.includes('bounce@acme.example'))).toBe(true);
    expect((await rows())[2]).toBe(0);
  });
});
