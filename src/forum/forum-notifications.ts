import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Environment } from '../config/environment.js';
import { ExpertSkillEntity } from '../experts/expert-skill.entity.js';
import { ExpertEntity } from '../experts/expert.entity.js';
import { NotificationOutbox } from '../notifications/notification-outbox.service.js';
import { callerOfPerson } from '../people/person-roles.js';
import { PersonEntity } from '../people/person.entity.js';
import { clustersOf } from '../people/sessions.service.js';
import type { TechnologyEntity } from '../technologies/technology.entity.js';
import type { AnswerEntity } from './answer.entity.js';
import { FollowEntity } from './follow.entity.js';
import { whereQuestionVisible } from './forum-access.js';
import { answerPostedMail, type ForumMail, questionAskedMail } from './forum-mails.js';
import { QuestionEntity } from './question.entity.js';

/**
 * Mails about the forum, queued in the writing transaction (the relay sends them after the
 * commit). Nobody is mailed about a question they could not read: each recipient passes the
 * visibility rule as themselves.
 */
@Injectable()
export class ForumNotifications {
  constructor(
    private readonly mails: NotificationOutbox,
    private readonly env: Environment,
  ) {}

  /** Experts with a skill in a technique of the question, who did not opt out, and read it. */
  async questionAsked(
    em: EntityManager,
    question: QuestionEntity,
    techniques: TechnologyEntity[],
  ): Promise<void> {
    if (techniques.length === 0) return;
    const people = await em
      .createQueryBuilder(PersonEntity, 'p')
      .innerJoin(ExpertEntity, 'e', 'e.id = p.expertId')
      .where('e.notifyOfQuestions = :yes', { yes: true })
      .andWhere(
        `EXISTS (SELECT 1 FROM ${em.getRepository(ExpertSkillEntity).metadata.tableName} s WHERE s."expertId" = e.id AND s."technologyId" IN (:...techniqueIds))`,
        { techniqueIds: techniques.map((t) => t.id) },
      )
      .getMany();
    const recipients = people.filter((p) => p.id !== question.askerPersonId);
    await this.mailReaders(em, question, recipients, questionAskedMail);
  }

  /** Followers of the question, but the answer's author. */
  async answerPosted(em: EntityManager, question: QuestionEntity, answer: AnswerEntity) {
    const follows = await em.findBy(FollowEntity, { questionId: question.id });
    const ids = follows.map((f) => f.personId).filter((id) => id !== answer.authorPersonId);
    if (ids.length === 0) return;
    const people = await em
      .createQueryBuilder(PersonEntity, 'p')
      .where('p.id IN (:...ids)', { ids })
      .getMany();
    await this.mailReaders(em, question, people, answerPostedMail);
  }

  private async mailReaders(
    em: EntityManager,
    question: QuestionEntity,
    people: PersonEntity[],
    mail: (m: ForumMail) => ReturnType<typeof questionAskedMail>,
  ): Promise<void> {
    const base = this.env.PUBLIC_URL?.replace(/\/+$/, '');
    const mails = [];
    for (const person of people) {
      if (!(await this.reads(em, person, question.id))) continue;
      mails.push(
        mail({
          to: person.email,
          language: person.preferredLanguage,
          name: person.name,
          title: question.title,
          link: base ? `${base}/forum/questions/${question.id}` : null,
          questionId: question.id,
        }),
      );
    }
    await this.mails.enqueue(em, mails);
  }

  /** The visibility rule, applied as the person would be when signed in. */
  private async reads(em: EntityManager, person: PersonEntity, questionId: string) {
    const caller = callerOfPerson(person, await clustersOf(em, person.organisationId), '');
    const query = em.createQueryBuilder(QuestionEntity, 'q').where('q.id = :questionId', {
      questionId,
    });
    return (await whereQuestionVisible(query, 'q', caller).getCount()) > 0;
  }
}
