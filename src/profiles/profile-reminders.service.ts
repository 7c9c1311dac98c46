import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LOCKS } from '../common/database/advisory-lock.js';
import { Language, LANGUAGES } from '../common/i18n/language.js';
import { Clock, monthsBefore } from '../common/time/clock.js';
import { PollingJob } from '../common/workers/polling-job.js';
import { Environment } from '../config/environment.js';
import { whereNotConfirmedSince } from '../experts/expert-freshness.js';
import { ExpertEntity } from '../experts/expert.entity.js';
import { NotificationOutbox } from '../notifications/notification-outbox.service.js';
import { PersonEntity } from '../people/person.entity.js';
import { SignInService } from '../people/sign-in.service.js';
import { profileReminderMail } from './profile-reminder-mails.js';

const BATCH = 50;
const HOUR_MS = 60 * 60 * 1000;
/** Staleness moves by the day: an hourly look is plenty, and costs one indexed query. */
const IDLE_MS = HOUR_MS;
const MAX_BACKOFF_MS = HOUR_MS;
const MINUTES_PER_DAY = 24 * 60;

/**
 * Mails the expert of each profile not confirmed for PROFILE_REMINDER_MONTHS a reminder with a
 * sign-in link, at most once per that period (`profileReminderSentAt`). The reminder, its link
 * and the mark are written in one transaction, and the notification relay sends the mail: a crash
 * loses or doubles nothing. One process at a time (the advisory lock of the polling loop).
 *
 * Paced at PROFILE_REMINDERS_PER_HOUR: the first look at an imported directory finds most
 * profiles stale (10,496 of 20,000 demo experts), and mailing them all at once floods the
 * experts and the mail account (providers cap sending rates, and a burst reads as spam).
 */
@Injectable()
export class ProfileReminders extends PollingJob {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly env: Environment,
    private readonly clock: Clock,
    private readonly signIn: SignInService,
    private readonly mails: NotificationOutbox,
  ) {
    super({
      db,
      logger: new Logger('ProfileReminders'),
      lockKey: LOCKS.profileReminders,
      idleMs: IDLE_MS,
      maxBackoffMs: MAX_BACKOFF_MS,
      busyMs: (BATCH / env.PROFILE_REMINDERS_PER_HOUR) * HOUR_MS,
      enabled: env.PROFILE_REMINDERS,
    });
  }

  protected batch(): Promise<number> {
    const now = this.clock.now();
    const cutoff = monthsBefore(now, this.env.PROFILE_REMINDER_MONTHS);
    return this.db.transaction(async (em) => {
      const query = em.getRepository(ExpertEntity).createQueryBuilder('expert');
      const due = await whereNotConfirmedSince(query, 'expert', cutoff)
        .andWhere(
          '(expert.profileReminderSentAt IS NULL OR expert.profileReminderSentAt < :remindedBefore)',
          { remindedBefore: new Date(`${cutoff}T00:00:00Z`) },
        )
        .orderBy('expert.id', 'ASC')
        .limit(BATCH)
        .getMany();
      for (const expert of due) await this.remind(em, expert, now);
      return due.length;
    });
  }

  private async remind(em: EntityManager, expert: ExpertEntity, now: Date): Promise<void> {
    // The person whose profile it is reads it at their address; else the profile's own address,
    // which may sign in (a person linked to the profile is made then).
    const person = await em.findOneBy(PersonEntity, { expertId: expert.id });
    const to = person?.email ?? expert.email;
    const language = person?.preferredLanguage ?? languageOf(expert.languages);
    const days = this.env.PROFILE_REMINDER_LINK_DAYS;
    const { token, link } = await this.signIn.mint(em, to, language, days * MINUTES_PER_DAY);
    await this.mails.enqueue(em, [
      profileReminderMail({
        to,
        language,
        name: person?.name || expert.name,
        lastConfirmed: expert.lastVerifiedAt,
        token,
        link,
        days,
      }),
    ]);
    await em.update(ExpertEntity, expert.id, { profileReminderSentAt: now });
  }
}

/** The first of the expert's languages Kenner writes in (ISO 639-1 codes), else English. */
function languageOf(codes: string[]): Language {
  for (const code of codes) {
    const language = LANGUAGES.find((l) => l.toLowerCase() === code);
    if (language) return language;
  }
  return Language.EN;
}
