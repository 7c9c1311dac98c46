import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditEntryEntity } from '../../src/audit/audit-entry.entity.js';
import { AnswerEntity } from '../../src/forum/answer.entity.js';
import { CommentEntity } from '../../src/forum/comment.entity.js';
import { QuestionEntity } from '../../src/forum/question.entity.js';
import { ReportEntity } from '../../src/forum/report.entity.js';
import { NotificationRelay } from '../../src/notifications/notification-relay.service.js';
import { createBasics, must } from '../support/fixtures.js';
import { signedInPerson } from '../support/people.js';
import { startSmtpCapture, type SmtpCapture, textOf } from '../support/smtp-capture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const QUESTION = `id title body visibility locked hidden acceptedAnswerId followedByMe
  category { id name } techniques { slug } asker { id name }
  comments { id body }
  answers { id body accepted hidden author { name } comments { id body } }`;
const ASK = `mutation($t: String!, $b: String!, $c: ID, $x: [ID!]) {
  askQuestion(title: $t, body: $b, categoryId: $c, techniqueIds: $x) { ${QUESTION} } }`;
const READ = `query($id: ID!) { question(id: $id) { ${QUESTION} } }`;
const LIST = `query($c: ID) { questions(first: 50, categoryId: $c) { totalCount edges { node { id title } } } }`;
const ANSWER = `mutation($q: ID!, $b: String!) { answerQuestion(questionId: $q, body: $b) { id body accepted author { id name } } }`;
const COMMENT = `mutation($k: PostKind!, $id: ID!, $b: String!) { commentOnPost(kind: $k, id: $id, body: $b) { id body answerId } }`;
const ACCEPT = `mutation($a: ID!) { acceptAnswer(answerId: $a) { id acceptedAnswerId } }`;
const REPORT = `mutation($k: PostKind!, $id: ID!, $r: String!) { reportPost(kind: $k, id: $id, reason: $r) { id postKind postId reason } }`;
const HIDE = `mutation($k: PostKind!, $id: ID!) { hidePost(kind: $k, id: $id) { id kind hidden reportsResolved } }`;
const RESTORE = `mutation($k: PostKind!, $id: ID!) { restorePost(kind: $k, id: $id) { id kind hidden reportsResolved } }`;
const QUEUE = `{ reportQueue(first: 50) { totalCount edges { node { id postKind postId reason reporter { name } } } } }`;

type Who = { id: string; token: string };

describe('forum: questions, answers, moderation (issue 16)', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let refs: Awaited<ReturnType<typeof createBasics>>;
  let mia: Who; // member of the test cluster
  let otto: Who; // member of another cluster
  let nora: Who; // signed in, of no organisation
  let erik: Who & { expertId: string }; // expert of XRD, in the test cluster

  let sam: Who; // staff, signed in
  let rita: Who; // member who posts too much
  let questionId: string;
  let answerId: string;

  const as = (who: Who | null) => (who ? who.token : null);
  const q = async (query: string, variables: Record<string, unknown>, who: Who | null) =>
    t.gql(query, variables, as(who));
  const codeOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    res.errors?.[0]?.extensions?.code;

  async function mailsTo(email: string) {
    await t.app.get(NotificationRelay).drain();
    return smtp.mails.filter((m) => m.to.includes(email)).map((m) => textOf(m.raw));
  }

  async function expertPerson(
    name: string,
    email: string,
    extra: string,
  ): Promise<Who & { expertId: string }> {
    const expert = await must(
      t,
      `mutation($o: ID!, $x: ID!) { createExpert(input: { name: "${name}", email: "${email}", organisationId: $o, visibility: MEMBERS, skills: [{ technologyId: $x, level: EXPERT }] ${extra} }) { id } }`,
      'createExpert',
      { o: refs.org.id, x: refs.xrd.id },
    );
    const person = await signedInPerson(t, {
      email,
      name,
      organisationId: refs.org.id,
      expertId: expert.id,
    });
    return { ...person, expertId: expert.id };
  }

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await startTestApp({
      env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://kenner.example', MESSAGE_LIMIT_PERSON: '20' },
    });
    refs = await createBasics(t);
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
    mia = await signedInPerson(t, {
      email: 'mia@lab.example',
      name: 'Mia Member',
      organisationId: refs.org.id,
    });
    rita = await signedInPerson(t, {
      email: 'rita@lab.example',
      name: 'Rita Rapid',
      organisationId: refs.org.id,
    });
    otto = await signedInPerson(t, {
      email: 'otto@else.example',
      name: 'Otto Other',
      organisationId: otherOrg.id,
    });
    nora = await signedInPerson(t, { email: 'nora@none.example', name: 'Nora Nobody' });
    sam = await signedInPerson(t, {
      email: 'sam@staff.example',
      name: 'Sam Staff',
      staffRole: 'STAFF',
    });
    erik = await expertPerson('Erik Expert', 'erik@lab.example', '');
    await expertPerson('Quinn Quiet', 'quinn@lab.example', 'notifyOfQuestions: false');
  });

  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('a member asks: MEMBERS, in the category of its technique, followed by the asker; the expert of XRD is mailed, the one who opted out is not', async () => {
    const res = await q(
      ASK,
      {
        t: 'Peak shift in XRD of steel?',
        b: 'Our peaks move by 0.2°. <b>Why</b>?\nThanks',
        x: [refs.xrd.id],
      },
      mia,
    );
    expect(res.errors).toBeUndefined();
    const question = res.data?.askQuestion;
    questionId = question.id;
    expect(question).toMatchObject({
      title: 'Peak shift in XRD of steel?',
      body: 'Our peaks move by 0.2°. <b>Why</b>?\nThanks',
      visibility: 'MEMBERS',
      locked: false,
      hidden: false,
      followedByMe: true,
      category: { id: refs.root.id, name: 'Diffraction' },
      techniques: [{ slug: 'xrd' }],
      asker: { id: mia.id, name: 'Mia Member' },
    });
    const toErik = await mailsTo('erik@lab.example');
    expect(toErik).toHaveLength(1);
    expect(toErik[0]).toContain('Peak shift in XRD of steel?');
    expect(toErik[0]).toContain(`https://kenner.example/forum/questions/${questionId}`);
    expect(toErik[0]).not.toContain('Our peaks move');
    expect(await mailsTo('quinn@lab.example')).toHaveLength(0);
    expect(await mailsTo('mia@lab.example')).toHaveLength(0);
  });

  it('categories: the roots of the taxonomy and GENERAL; a category must be a root', async () => {
    const cats = await t.gql(`{ forumCategories { id name technology { slug } } }`, {}, null);
    expect(cats.data?.forumCategories).toEqual([
      { id: refs.root.id, name: 'Diffraction', technology: { slug: 'diffraction' } },
      { id: 'GENERAL', name: 'General', technology: null },
    ]);
    const general = await q(
      ASK,
      { t: 'Where to buy liquid nitrogen?', b: 'Anyone?', c: 'GENERAL' },
      mia,
    );
    expect(general.data?.askQuestion.category).toEqual({ id: 'GENERAL', name: 'General' });
    const notRoot = await q(ASK, { t: 'x', b: 'y', c: refs.xrd.id }, mia);
    expect(codeOf(notRoot)).toBe('BAD_USER_INPUT');
    expect(notRoot.errors?.[0]?.extensions?.field).toBe('categoryId');
    const byCategory = await q(LIST, { c: refs.root.id }, mia);
    expect(
      byCategory.data?.questions.edges.map((e: { node: { id: string } }) => e.node.id),
    ).toEqual([questionId]);
    const inGeneral = await q(LIST, { c: 'GENERAL' }, mia);
    expect(inGeneral.data?.questions.totalCount).toBe(1);
  });

  it('who may ask: a signed-in member or staff; not a person of no cluster, not anonymous', async () => {
    expect(codeOf(await q(ASK, { t: 'a', b: 'b' }, nora))).toBe('FORBIDDEN');
    expect(codeOf(await q(ASK, { t: 'a', b: 'b' }, null))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(ASK, { t: 'a', b: 'b' }))).toBe('FORBIDDEN'); // a staff API key is no person
  });

  it('an expert answers; the asker (a follower) is mailed, the author not; comments on the question and the answer', async () => {
    const before = (await mailsTo('mia@lab.example')).length;
    const res = await q(ANSWER, { q: questionId, b: 'Residual stress. Check sin²ψ.' }, erik);
    expect(res.errors).toBeUndefined();
    answerId = res.data?.answerQuestion.id;
    expect(res.data?.answerQuestion).toMatchObject({
      accepted: false,
      author: { id: erik.id, name: 'Erik Expert' },
    });
    const toMia = await mailsTo('mia@lab.example');
    expect(toMia).toHaveLength(before + 1);
    expect(toMia.at(-1)).toContain('new answer');
    expect(await mailsTo('erik@lab.example')).toHaveLength(1); // the question mail only
    const onQuestion = await q(
      COMMENT,
      { k: 'QUESTION', id: questionId, b: 'Which steel grade?' },
      erik,
    );
    expect(onQuestion.data?.commentOnPost).toMatchObject({ answerId: null });
    const onAnswer = await q(COMMENT, { k: 'ANSWER', id: answerId, b: 'Thanks, will try.' }, mia);
    expect(onAnswer.data?.commentOnPost).toMatchObject({ answerId });
    const onComment = await q(
      COMMENT,
      { k: 'COMMENT', id: onQuestion.data?.commentOnPost.id, b: 'x' },
      mia,
    );
    expect(codeOf(onComment)).toBe('BAD_USER_INPUT');
    const read = (await q(READ, { id: questionId }, mia)).data?.question;
    expect(read.comments.map((c: { body: string }) => c.body)).toEqual(['Which steel grade?']);
    expect(read.answers[0].comments.map((c: { body: string }) => c.body)).toEqual([
      'Thanks, will try.',
    ]);
  });

  it('accepting: not by another member, by the asker; staff may too', async () => {
    expect(codeOf(await q(ACCEPT, { a: answerId }, erik))).toBe('FORBIDDEN');
    const res = await q(ACCEPT, { a: answerId }, mia);
    expect(res.data?.acceptAnswer).toEqual({ id: questionId, acceptedAnswerId: answerId });
    expect((await q(READ, { id: questionId }, erik)).data?.question.answers[0].accepted).toBe(true);
    expect((await q(ACCEPT, { a: answerId }, sam)).errors).toBeUndefined();
  });

  it('following: follow and unfollow; an unfollowed person is not mailed the next answer', async () => {
    const follow = `mutation($id: ID!) { followQuestion(id: $id) { followedByMe } }`;
    const unfollow = `mutation($id: ID!) { unfollowQuestion(id: $id) { followedByMe } }`;
    expect((await q(follow, { id: questionId }, erik)).data?.followQuestion.followedByMe).toBe(
      true,
    );
    expect((await q(unfollow, { id: questionId }, mia)).data?.unfollowQuestion.followedByMe).toBe(
      false,
    );
    const miaBefore = (await mailsTo('mia@lab.example')).length;
    const erikBefore = (await mailsTo('erik@lab.example')).length;
    await q(ANSWER, { q: questionId, b: 'Also check the sample height.' }, sam);
    expect(await mailsTo('mia@lab.example')).toHaveLength(miaBefore);
    expect(await mailsTo('erik@lab.example')).toHaveLength(erikBefore + 1);
    await q(follow, { id: questionId }, mia);
  });

  it('a MEMBERS question: nothing for anonymous callers, members of another cluster, people of no cluster, partner-less keys', async () => {
    for (const who of [null, otto, nora]) {
      const read = await q(READ, { id: questionId }, who);
      expect(codeOf(read)).toBe('NOT_FOUND');
      expect(read.data?.question ?? null).toBeNull();
      const list = await q(LIST, {}, who);
      expect(list.data?.questions.totalCount).toBe(0);
      if (who) {
        expect(codeOf(await q(ANSWER, { q: questionId, b: 'hi' }, who))).toBe('NOT_FOUND');
        expect(codeOf(await q(COMMENT, { k: 'QUESTION', id: questionId, b: 'hi' }, who))).toBe(
          'NOT_FOUND',
        );
        expect(codeOf(await q(COMMENT, { k: 'ANSWER', id: answerId, b: 'hi' }, who))).toBe(
          'NOT_FOUND',
        );
        expect(codeOf(await q(ACCEPT, { a: answerId }, who))).toBe('NOT_FOUND');
        expect(codeOf(await q(REPORT, { k: 'ANSWER', id: answerId, r: 'spam' }, who))).toBe(
          'NOT_FOUND',
        );
        expect(
          codeOf(
            await q(
              `mutation($id: ID!) { followQuestion(id: $id) { id } }`,
              { id: questionId },
              who,
            ),
          ),
        ).toBe('NOT_FOUND');
      }
    }
    // The other cluster's expert of XRD would not have been mailed either: only Erik got one.
    expect(await mailsTo('otto@else.example')).toHaveLength(0);
  });

  it('PUBLIC, set by staff only: then anyone reads it; members of other clusters may answer', async () => {
    const vis = `mutation($id: ID!, $v: QuestionVisibility!) { setQuestionVisibility(id: $id, visibility: $v) { id visibility } }`;
    expect(codeOf(await q(vis, { id: questionId, v: 'PUBLIC' }, mia))).toBe('FORBIDDEN');
    expect(
      (await q(vis, { id: questionId, v: 'PUBLIC' }, sam)).data?.setQuestionVisibility.visibility,
    ).toBe('PUBLIC');
    const anonymous = await q(READ, { id: questionId }, null);
    expect(anonymous.data?.question.title).toBe('Peak shift in XRD of steel?');
    expect(anonymous.data?.question.followedByMe).toBe(false);
    expect((await q(LIST, {}, null)).data?.questions.totalCount).toBe(1);
    expect((await q(ANSWER, { q: questionId, b: 'Same here.' }, otto)).errors).toBeUndefined();
    await q(vis, { id: questionId, v: 'MEMBERS' }, sam);
    expect(codeOf(await q(READ, { id: questionId }, null))).toBe('NOT_FOUND');
  });

  it('moderation: report → queue → hide (only staff see it, reports close) → restore; all audited', async () => {
    const bad = await q(ANSWER, { q: questionId, b: 'Buy cheap watches at example.test' }, erik);
    const badId = bad.data?.answerQuestion.id as string;
    const report = await q(REPORT, { k: 'ANSWER', id: badId, r: 'spam' }, mia);
    expect(report.data?.reportPost).toMatchObject({
      postKind: 'ANSWER',
      postId: badId,
      reason: 'spam',
    });
    const again = await q(REPORT, { k: 'ANSWER', id: badId, r: 'spam!' }, mia);
    expect(again.data?.reportPost.id).toBe(report.data?.reportPost.id);
    expect(codeOf(await q(QUEUE, {}, mia))).toBe('FORBIDDEN');
    const queue = await q(QUEUE, {}, sam);
    expect(
      queue.data?.reportQueue.edges.map((e: { node: { postId: string } }) => e.node.postId),
    ).toEqual([badId]);
    expect(queue.data?.reportQueue.edges[0].node.reporter).toEqual({ name: 'Mia Member' });

    expect(codeOf(await q(HIDE, { k: 'ANSWER', id: badId }, mia))).toBe('FORBIDDEN');
    const hidden = await q(HIDE, { k: 'ANSWER', id: badId }, sam);
    expect(hidden.data?.hidePost).toEqual({
      id: badId,
      kind: 'ANSWER',
      hidden: true,
      reportsResolved: 1,
    });
    expect((await q(QUEUE, {}, sam)).data?.reportQueue.totalCount).toBe(0);
    const forMia = (await q(READ, { id: questionId }, mia)).data?.question.answers.map(
      (a: { id: string }) => a.id,
    );
    expect(forMia).not.toContain(badId);
    const forStaff = (await q(READ, { id: questionId }, sam)).data?.question.answers;
    expect(forStaff.find((a: { id: string }) => a.id === badId)).toMatchObject({ hidden: true });
    expect(codeOf(await q(COMMENT, { k: 'ANSWER', id: badId, b: 'hm' }, mia))).toBe('NOT_FOUND');
    expect(codeOf(await q(ACCEPT, { a: badId }, mia))).toBe('NOT_FOUND');

    const restored = await q(RESTORE, { k: 'ANSWER', id: badId }, sam);
    expect(restored.data?.restorePost).toMatchObject({ hidden: false, reportsResolved: 0 });
    expect(
      (await q(READ, { id: questionId }, mia)).data?.question.answers.map(
        (a: { id: string }) => a.id,
      ),
    ).toContain(badId);

    const audit = await t.db.getRepository(AuditEntryEntity).find({ where: { personId: sam.id } });
    const actions = audit.map((e) => `${e.action}:${e.subject}`);
    expect(actions).toEqual(expect.arrayContaining([`hidePost:${badId}`, `restorePost:${badId}`]));
    const byMia = await t.db
      .getRepository(AuditEntryEntity)
      .findBy({ personId: mia.id, action: 'reportPost' });
    expect(byMia.length).toBeGreaterThanOrEqual(1);
  });

  it('a hidden question is NOT_FOUND for everyone but staff, in lists too; an accepted answer hidden is not shown as accepted', async () => {
    await q(HIDE, { k: 'ANSWER', id: answerId }, sam);
    expect((await q(READ, { id: questionId }, mia)).data?.question.acceptedAnswerId).toBeNull();
    expect((await q(READ, { id: questionId }, sam)).data?.question.acceptedAnswerId).toBe(answerId);
    await q(RESTORE, { k: 'ANSWER', id: answerId }, sam);

    await q(HIDE, { k: 'QUESTION', id: questionId }, sam);
    expect(codeOf(await q(READ, { id: questionId }, mia))).toBe('NOT_FOUND');
    const listed = (await q(LIST, {}, mia)).data?.questions.edges.map(
      (e: { node: { id: string } }) => e.node.id,
    );
    expect(listed).not.toContain(questionId);
    expect((await q(READ, { id: questionId }, sam)).data?.question.hidden).toBe(true);
    expect(codeOf(await q(ANSWER, { q: questionId, b: 'x' }, mia))).toBe('NOT_FOUND');
    await q(RESTORE, { k: 'QUESTION', id: questionId }, sam);
    expect((await q(READ, { id: questionId }, mia)).data?.question.hidden).toBe(false);
  });

  it('lock: no new answers or comments, for anyone; unlock opens it again', async () => {
    const lock = `mutation($id: ID!, $l: Boolean!) { lockQuestion(id: $id, locked: $l) { id locked } }`;
    expect(codeOf(await q(lock, { id: questionId, l: true }, mia))).toBe('FORBIDDEN');
    expect((await q(lock, { id: questionId, l: true }, sam)).data?.lockQuestion.locked).toBe(true);
    const answers = await t.db.getRepository(AnswerEntity).countBy({ questionId });
    const comments = await t.db.getRepository(CommentEntity).countBy({ questionId });
    expect(codeOf(await q(ANSWER, { q: questionId, b: 'late' }, erik))).toBe('FORBIDDEN');
    expect(codeOf(await q(COMMENT, { k: 'ANSWER', id: answerId, b: 'late' }, mia))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await q(ANSWER, { q: questionId, b: 'late' }, sam))).toBe('FORBIDDEN');
    expect(await t.db.getRepository(AnswerEntity).countBy({ questionId })).toBe(answers);
    expect(await t.db.getRepository(CommentEntity).countBy({ questionId })).toBe(comments);
    await q(lock, { id: questionId, l: false }, sam);
    expect((await q(ANSWER, { q: questionId, b: 'open again' }, erik)).errors).toBeUndefined();
    const audit = await t.db
      .getRepository(AuditEntryEntity)
      .findBy({ action: 'lockQuestion', subject: questionId });
    expect(audit).toHaveLength(2);
  });

  it('posting counts against the per-person limit: the 21st post is RATE_LIMITED and stores nothing', async () => {
    const { id } = (await q(ASK, { t: 'Rita asks', b: 'one' }, rita)).data?.askQuestion as {
      id: string;
    };
    for (let i = 2; i <= 20; i++) {
      const res = await q(COMMENT, { k: 'QUESTION', id, b: `comment ${i}` }, rita);
      expect(res.errors).toBeUndefined();
    }
    const over = await q(ANSWER, { q: id, b: 'one too many' }, rita);
    expect(codeOf(over)).toBe('RATE_LIMITED');
    expect(over.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(await t.db.getRepository(AnswerEntity).countBy({ questionId: id })).toBe(0);
    expect(await t.db.getRepository(CommentEntity).countBy({ questionId: id })).toBe(19);
    // Another person's budget is their own.
    expect((await q(ANSWER, { q: id, b: 'fine' }, mia)).errors).toBeUndefined();
  });

  it('bodies are plain text within limits: blank, too long and lone surrogates are BAD_USER_INPUT naming the field, nothing stored', async () => {
    const questions = await t.db.getRepository(QuestionEntity).count();
    const reports = await t.db.getRepository(ReportEntity).count();
    const cases: [string, Record<string, unknown>, string][] = [
      [ASK, { t: 'ok', b: '   ' }, 'body'],
      [ASK, { t: '  ', b: 'ok' }, 'title'],
      [ASK, { t: 'ok', b: 'x'.repeat(10_001) }, 'body'],
      [ASK, { t: 'x'.repeat(201), b: 'ok' }, 'title'],
      [ASK, { t: 'ok', b: 'half \ud83d emoji' }, 'body'],
      [ASK, { t: 'ok', b: 'nul \u0000' }, 'body'],
      [ASK, { t: 'ok', b: 'ok', c: 'not-an-id' }, 'categoryId'],
      [ASK, { t: 'ok', b: 'ok', x: ['bad'] }, 'techniqueIds[0]'],
      [ASK, { t: 'ok', b: 'ok', x: Array(11).fill(refs.xrd.id) }, 'techniqueIds'],
      [ANSWER, { q: 'nope', b: 'ok' }, 'questionId'],
      [ANSWER, { q: questionId, b: 'x'.repeat(10_001) }, 'body'],
      [COMMENT, { k: 'QUESTION', id: questionId, b: 'x'.repeat(2001) }, 'body'],
      [REPORT, { k: 'ANSWER', id: answerId, r: '' }, 'reason'],
      [REPORT, { k: 'ANSWER', id: answerId, r: 'x'.repeat(1001) }, 'reason'],
    ];
    for (const [query, variables, field] of cases) {
      const res = await q(query, variables, mia);
      expect([field, codeOf(res)]).toEqual([field, 'BAD_USER_INPUT']);
      expect(res.errors?.[0]?.extensions?.field).toBe(field);
    }
    expect(await t.db.getRepository(QuestionEntity).count()).toBe(questions);
    expect(await t.db.getRepository(ReportEntity).count()).toBe(reports);
  });

  it('questions page by activity, newest first, without gaps or repeats; a foreign cursor is BAD_USER_INPUT', async () => {
    const page = `query($a: String) { questions(first: 2, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { id lastActivityAt } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 10; i++) {
      const res = await q(page, { a: after }, sam);
      const conn = res.data?.questions;
      total = conn.totalCount;
      seen.push(...conn.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThanOrEqual(3);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const all = await q(`{ questions(first: 100) { edges { node { id } } } }`, {}, sam);
    expect(all.data?.questions.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(seen);
    const junk = await q(page, { a: Buffer.from('["x","y"]').toString('base64url') }, sam);
    expect(junk.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('erasure of an expert: their posts stay without an author, lines naming them are replaced, their follows go', async () => {
    const thanks = await q(
      COMMENT,
      { k: 'ANSWER', id: answerId, b: 'Thanks Erik Expert, that helped.\nThe peaks are back.' },
      mia,
    );
    const commentId = thanks.data?.commentOnPost.id as string;
    expect(
      await t.db.getRepository(AnswerEntity).countBy({ authorPersonId: erik.id }),
    ).toBeGreaterThan(0);
    const erased = await t.gql(`mutation($id: ID!) { eraseExpert(id: $id) { id } }`, {
      id: erik.expertId,
    });
    expect(erased.errors).toBeUndefined();
    expect(await t.db.getRepository(AnswerEntity).countBy({ authorPersonId: erik.id })).toBe(0);
    const read = (await q(READ, { id: questionId }, mia)).data?.question;
    const answer = read.answers.find((a: { id: string }) => a.id === answerId);
    expect(answer).toMatchObject({
      body: 'Residual stress. Check sin²ψ.',
      author: null,
      accepted: true,
    });
    const comment = await t.db.getRepository(CommentEntity).findOneByOrFail({ id: commentId });
    expect(comment.body).toBe('[removed: a person erased from the directory]\nThe peaks are back.');
    expect(JSON.stringify(read)).not.toContain('Erik');
    const follows = await t.db.query<unknown[]>(
      `SELECT 1 FROM forum_follows WHERE "personId" = '${erik.id}'`,
    );
    expect(follows).toHaveLength(0);
  });
});
