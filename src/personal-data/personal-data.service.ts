import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  auditEntriesAbout,
  auditEntriesBy,
  pseudonymiseAuditPerson,
  pseudonymiseAuditSubjects,
} from '../audit/audit-subjects.js';
import type { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { notFound } from '../common/errors/domain-error.js';
import { fromGlobalId } from '../common/graphql/global-id.js';
import { checkpointDatabase } from '../database/checkpoint.js';
import { DemandService } from '../demand/demand.service.js';
import { ExpertEntity } from '../experts/expert.entity.js';
import { toExpertModel } from '../experts/expert.mapper.js';
import { NotificationOutbox } from '../notifications/notification-outbox.service.js';
import { PersonalDataOfPeople } from '../people/personal-data-of-people.js';
import { PersonalDataOfConversations } from '../conversations/personal-data-of-conversations.js';
import { SearchOutbox } from '../search/outbox/search-outbox.service.js';
import { SearchPurge } from '../search/sync/search-purge.service.js';
import { ErasurePseudonyms } from './erasure-pseudonyms.js';
import { type ErasedMentions, eraseFreeTextMentions } from './free-text-mentions.js';
import type { ErasureReport, ExpertDataExport } from './models/expert-data-export.model.js';

/** The rights of the people in the database: access (export) and erasure. */
@Injectable()
export class PersonalDataService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: SearchOutbox,
    private readonly purge: SearchPurge,
    private readonly mails: NotificationOutbox,
    private readonly demand: DemandService,
    private readonly pseudonyms: ErasurePseudonyms,
    private readonly people: PersonalDataOfPeople,
    private readonly conversations: PersonalDataOfConversations,
  ) {}

  async export(globalId: string): Promise<ExpertDataExport> {
    const id = fromGlobalId(globalId, 'Expert');
    const expert = await this.db.getRepository(ExpertEntity).findOneBy({ id });
    if (!expert) throw notFound('Expert', globalId);
    const people = await this.people.peopleOf(this.db.manager, expert);
    const auditTrail = oldestFirst([
      ...(await auditEntriesAbout(this.db.manager, id)),
      ...(await auditEntriesBy(
        this.db.manager,
        people.map((p) => p.id),
      )),
    ]);
    return {
      exportedAt: new Date(),
      expert: toExpertModel(expert),
      person: await this.people.export(this.db.manager, expert),
      profileReminderSentAt: expert.profileReminderSentAt,
      auditTrail: auditTrail as ExpertDataExport['auditTrail'],
      derivedCopies:
        'The search index holds a copy of the public profile fields (never e-mail or phone); it is rebuilt from this record and removed with it.',
    };
  }

  /**
   * Removes the person, in one transaction: the profile and its links (cascade), their account
   * (sessions and sign-in links with it), their conversation messages (emptied to placeholders,
   * personal-data-of-conversations.ts) and participations, the search
   * documents (through the outbox, so their organisation's and techniques' counts follow), the
   * mails still queued to or about them, lines naming them in inquiries and staff notes, the text
   * of searches for their name, and every audit reference, which becomes a keyed pseudonym.
   * Their forum posts stay, pseudonymised: the author goes with the account (the column becomes
   * null), and every line of any post naming them is replaced, as in inquiries.
   * Then the deletion is sent to the search engine and, on SQLite, the write-ahead log is emptied
   * into the (secure_delete) database file.
   */
  async erase(globalId: string): Promise<ErasureReport> {
    const id = fromGlobalId(globalId, 'Expert');
    // Searches still buffered in memory reach the table first, where they are cleaned below.
    await this.demand.flush();
    const report = await this.db.transaction(async (em) => {
      const expert = await em.findOneBy(ExpertEntity, { id });
      if (!expert) throw notFound('Expert', globalId);
      await this.outbox.expertErased(em, id);
      // Before their person rows go: the messages are still theirs to find.
      const messages = await this.conversations.forget(
        em,
        (await this.people.peopleOf(em, expert)).map((p) => p.id),
        new Date(),
      );
      const people = await this.people.forget(em, expert);
      await em.delete(ExpertEntity, id);
      const pseudonym = this.pseudonyms.of('Expert', id);
      let auditEntries = await pseudonymiseAuditSubjects(em, id, pseudonym);
      for (const person of people) {
        const personPseudonym = this.pseudonyms.of('Person', person.id);
        auditEntries += await pseudonymiseAuditSubjects(em, person.id, personPseudonym);
        // The writes they made signed in (their profile edits): the trail stays, nameless.
        auditEntries += await pseudonymiseAuditPerson(em, person.id, personPseudonym);
        if (person.email !== expert.email) await this.mails.forget(em, person);
        // Forum posts name the person as they signed them, which may not be the profile's name.
        if (person.email !== expert.email || person.name !== expert.name) {
          await this.mentionsErased(em, await eraseFreeTextMentions(em, person));
        }
      }
      await this.mails.forget(em, expert);
      await this.demand.forget(em, expert);
      await this.mentionsErased(em, await eraseFreeTextMentions(em, expert));
      return { id: globalId, pseudonym, auditEntries, people: people.length, messages };
    });
    await this.purge.expertErased(id);
    await checkpointDatabase(this.db);
    return report;
  }

  /** Posts and FAQ entries redacted: their search documents must lose the lines too. */
  private async mentionsErased(em: EntityManager, erased: ErasedMentions): Promise<void> {
    await this.outbox.questionsChanged(em, [...new Set(erased.questionIds)]);
    await this.outbox.faqEntriesChanged(em, erased.faqEntryIds);
  }
}

/** Entries about the person and by them, each once, oldest first. */
function oldestFirst(entries: AuditEntryEntity[]): AuditEntryEntity[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return [...byId.values()].sort(
    (a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id),
  );
}
