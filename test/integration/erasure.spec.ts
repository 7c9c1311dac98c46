import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditService } from '../../src/audit/audit.service.js';
import { Role } from '../../src/auth/caller.js';
import { NotificationRelay } from '../../src/notifications/notification-relay.service.js';
import { SearchEngine } from '../../src/search/engine/search-engine.service.js';
import { SEARCH_INDEXES } from '../../src/search/indexes/search-indexes.js';
import { createBasics, must } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const NAME = 'Erin Erasable';
const EMAIL = 'erin.erasable@lab.example';
/** What must not be found anywhere after the erasure (compared in lower case). */
const TRACES = ['erasable', 'erin.erasable@lab'];

const CREATE = `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`;
const TRANSITION = `mutation($id: ID!, $to: InquiryStatus!) { transitionInquiry(id: $id, to: $to) { status } }`;
const AUDIT_ABOUT = `query($id: ID!) { exportExpertData(id: $id) { auditTrail { action subject } } }`;

/** A port nothing listens on: the mail server is down for the whole file. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 1;
}

const tracesIn = (text: string) => TRACES.filter((trace) => text.toLowerCase().includes(trace));

/** Every row of every table the app's database holds, as text. */
async function allRows(t: TestApp): Promise<Record<string, string>> {
  const tables =
    t.database.kind === 'sqlite'
      ? await t.db.query<{ name: string }[]>(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
        )
      : await t.db.query<{ name: string }[]>(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`,
        );
  const dump: Record<string, string> = {};
  for (const { name } of tables)
    dump[name] = JSON.stringify(await t.db.query(`SELECT * FROM "${name}"`));
  return dump;
}

/** Every document of every index this app uses. */
async function allDocuments(t: TestApp): Promise<string> {
  const engine = t.app.get(SearchEngine);
  const out: unknown[] = [];
  for (const name of Object.keys(SEARCH_INDEXES)) {
    const index = engine.client.index(engine.index(name));
    for (let offset = 0; ; offset += 1000) {
      const page = await index.getDocuments({ offset, limit: 1000 });
      out.push(...page.results);
      if (page.results.length < 1000) break;
    }
  }
  return JSON.stringify(out);
}

/**
 * Acceptance 4 of issue 13: after `eraseExpert`, with the mail server down and mails queued, the
 * person's name and address are nowhere — tables, mail outbox, audit, demand, the search engine's
 * documents, and the bytes of the SQLite files.
 */
describe('erasure leaves nothing of the person', () => {
  let t: TestApp;
  let id: string;
  let dbId: string;
  let pseudonym: string;
  /** Forms of the id an earlier, lenient decoder let into the audit trail, and the bare id. */
  let legacyForms: string[];

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        SMTP_URL: `smtp://127.0.0.1:${await closedPort()}`,
        NOTIFY_STAFF_EMAIL: 'staff@cluster.example',
      },
    });
    const refs = await createBasics(t);
    const expert = (name: string, email: string) =>
      must(t, CREATE, 'createExpert', {
        input: {
          name,
          email,
          organisationId: refs.org.id,
          skills: [{ technologyId: refs.xrd.id, level: 'EXPERT' }],
        },
      });
    id = (await expert(NAME, EMAIL)).id as string;
    const other = (await expert('Otto Other', 'otto@lab.example')).id as string;
    dbId = Buffer.from(id, 'base64url').toString().split(':')[1] as string;
    await must(
      t,
      `mutation($id: ID!) { updateExpert(id: $id, input: { jobTitle: "Metallographer" }) { id } }`,
      'updateExpert',
      { id },
    );
    legacyForms = [
      `${id}=`,
      `${id}!!`,
      Buffer.from(`Expert:${dbId}`).toString('base64'),
      ` ${id.slice(0, 20)}\n${id.slice(20)}`,
      dbId,
    ];
    for (const subject of legacyForms)
      await t.app
        .get(AuditService)
        .record({ action: 'updateExpert', keyId: null, role: Role.STAFF, subject });

    // Mails that name the expert, queued while the mail server is down.
    const submitted = await t.gql(
      `mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { reference } }`,
      {
        input: {
          requesterName: 'Rita Requester',
          organisation: 'Acme Steel',
          email: 'rita@acme.example',
          country: 'lu',
          description: 'We need an XRD analysis of hardened steel.\nIs Erin Erasable available?',
          technologyIds: [refs.xrd.id],
          consentToContact: true,
        },
      },
      null,
    );
    const reference = submitted.data?.submitInquiry.reference as string;
    for (const to of ['TRIAGED', 'MATCHED'])
      await must(t, TRANSITION, 'transitionInquiry', { id: reference, to });
    await must(
      t,
      `mutation($id: ID!) { addInquiryNote(id: $id, note: "asked erin.erasable@lab.example by phone") { status } }`,
      'addInquiryNote',
      { id: reference },
    );
    await must(
      t,
      `mutation($id: ID!, $experts: [ID!]!) { introduceExperts(inquiryId: $id, expertIds: $experts) { id } }`,
      'introduceExperts',
      { id: reference, experts: [id, other] },
    );
    await t.app.get(NotificationRelay).drain();

    // Someone typed the name as a search.
    for (const query of ['Erin Erasable', 'erasable, erin xrd']) {
      const res = await t.gql(
        `query($q: String!) { searchExperts(input: { query: $q }) { totalHits } }`,
        { q: query },
        null,
      );
      expect(res.errors).toBeUndefined();
    }
    await t.searchSynced();
  });
  afterAll(() => t.close());

  it('holds the person everywhere before the erasure (the test would prove nothing otherwise)', async () => {
    // Logs outlive an erasure: the failed deliveries were logged without the person's address.
    const log = (globalThis as { __KENNER_TEST_LOG__?: string[] }).__KENNER_TEST_LOG__ ?? [];
    expect(log.join('\n')).toMatch(/mail \S+ failed \(attempt 1\)/);
    expect(log.join('\n')).not.toContain(EMAIL);
    const rows = await allRows(t);
    expect(tracesIn(rows.notification_outbox ?? '')).toEqual(TRACES);
    expect(rows.notification_outbox).toContain('ECONNREFUSED');
    expect(tracesIn(rows.inquiries ?? '')).toEqual(['erasable']);
    expect(tracesIn(rows.inquiry_history ?? '')).toEqual(TRACES);
    expect(tracesIn(await allDocuments(t))).toEqual(['erasable']);
  });

  it('exports every audit entry about the person, in whatever id form it was written', async () => {
    const res = await t.gql(AUDIT_ABOUT, { id });
    expect(res.errors).toBeUndefined();
    const subjects = res.data?.exportExpertData.auditTrail.map(
      (e: { subject: string }) => e.subject,
    );
    expect(subjects.sort()).toEqual([id, id, ...legacyForms].sort());
  });

  it('erases the person from every table, the mail outbox, audit, demand and the search engine', async () => {
    const erased = await must(
      t,
      `mutation($id: ID!) { eraseExpert(id: $id) { pseudonym auditEntries } }`,
      'eraseExpert',
      { id },
    );
    pseudonym = erased.pseudonym as string;
    expect(erased.auditEntries).toBe(2 + legacyForms.length);
    await t.searchSynced();

    const rows = await allRows(t);
    for (const [table, text] of Object.entries(rows)) {
      expect([table, tracesIn(text)]).toEqual([table, []]);
      expect([table, text.includes(dbId)]).toEqual([table, false]);
    }
    // The other expert's introduction is still to be sent; the erased one's line is not in it.
    expect(rows.notification_outbox).toContain('Otto Other');
    expect(rows.inquiries).toContain('hardened steel');
    // The searches still count as demand, without their text.
    const demand = await t.db.query<{ query: string | null }[]>(
      `SELECT query FROM search_demand WHERE source = 'searchExperts'`,
    );
    expect(demand).toEqual([{ query: null }, { query: null }]);
    expect(tracesIn(await allDocuments(t))).toEqual([]);
    const log = await t.gql(`{ auditLog(limit: 500) { action subject } }`, {}, t.keys.admin);
    const trail = log.data?.auditLog as { action: string; subject: string | null }[];
    expect(trail.filter((e) => e.subject === pseudonym)).toHaveLength(3 + legacyForms.length);
  });

  it('keys the pseudonym with a secret of the installation, kept owner-only', () => {
    const file = join(t.database.env.DATA_DIR as string, 'erasure-secret');
    const secret = readFileSync(file, 'utf8').trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const mac = createHmac('sha256', secret).update(`Expert:${dbId}`).digest('hex');
    expect(pseudonym).toBe(`erased:${mac.slice(0, 32)}`);
  });

  const sqliteFiles = () => {
    const main = t.database.overrides.sqlitePath as string;
    return [main, `${main}-wal`, `${main}-shm`].filter((f) => existsSync(f));
  };

  it('leaves no byte of the person in the SQLite files after the erasure', () => {
    if (t.database.kind !== 'sqlite') return;
    expect(sqliteFiles()).toContain(t.database.overrides.sqlitePath);
    for (const file of sqliteFiles()) {
      const bytes = readFileSync(file);
      for (const text of [NAME, NAME.toLowerCase(), 'Erasable', EMAIL])
        expect([file, text, bytes.includes(Buffer.from(text))]).toEqual([file, text, false]);
    }
  });

  it('keeps the database files, the engine key and the data directory owner-only', () => {
    const dataDir = t.database.env.DATA_DIR as string;
    const files = [join(dataDir, 'erasure-secret')];
    if (t.database.kind === 'sqlite') files.push(...sqliteFiles());
    const modes = files.map((file) => [file, statSync(file).mode & 0o777]);
    expect(modes).toEqual(files.map((file) => [file, 0o600]));
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  });
});
