import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, LessThan } from 'typeorm';
import { badInput } from '../common/errors/domain-error.js';
import { Language, languageOr } from '../common/i18n/language.js';
import { Environment } from '../config/environment.js';
import { NotificationOutbox } from '../notifications/notification-outbox.service.js';
import { eligibility } from './eligibility.js';
import { hashSecret, newSignInToken } from './people.secrets.js';
import { PersonEntity } from './person.entity.js';
import type { SessionEntity } from './session.entity.js';
import { SessionsService } from './sessions.service.js';
import { SignInLimits } from './sign-in-limits.js';
import { signInMail } from './sign-in-mails.js';
import { SignInTokenEntity } from './sign-in-token.entity.js';

const MINUTE_MS = 60_000;
/** Used and expired links are kept a day, so a late click is told "expired", not "unknown". */
const KEEP_SPENT_MS = 24 * 60 * MINUTE_MS;

export const SIGN_IN_PATH = '/sign-in';

const LINK_UNKNOWN = 'not a valid sign-in link: ask for a new one';
const LINK_USED = 'this sign-in link was already used: ask for a new one';
const LINK_EXPIRED = 'this sign-in link expired: ask for a new one';

export interface SignedIn {
  sessionToken: string;
  session: SessionEntity;
  person: PersonEntity;
}

/**
 * Sign-in by a link sent by e-mail: no password is ever stored. Asking for a link answers at once
 * and the same for every address; whether the address may sign in, and the mail, are settled
 * after the answer, so neither its content nor its timing tells a known address from an unknown
 * one (only the rate limits run before, and they count every address alike).
 */
@Injectable()
export class SignInService implements OnApplicationShutdown {
  private readonly logger = new Logger('SignIn');
  private readonly pending = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly env: Environment,
    private readonly limits: SignInLimits,
    private readonly sessions: SessionsService,
    private readonly outbox: NotificationOutbox,
  ) {}

  /**
   * `client`: whom the per-client limit counts; `requestOrigin`: the link's base when PUBLIC_URL
   * is unset, outside production only (the Host header is the requester's to choose, and a link
   * to their host would hand them the token).
   */
  async request(
    email: string,
    language: Language | undefined,
    { client, requestOrigin }: { client: string; requestOrigin: string },
  ): Promise<{ message: string; linkValidMinutes: number }> {
    const address = email.trim().toLowerCase();
    await this.limits.count(client, address);
    const base = this.env.PUBLIC_URL ?? (this.env.NODE_ENV === 'production' ? null : requestOrigin);
    const work = this.issue(address, languageOr(language), base)
      .catch((error: unknown) => this.logger.error(`sign-in link not issued: ${String(error)}`))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
    return {
      message:
        'If this address may sign in, a sign-in link is on its way to it. Open it on this device.',
      linkValidMinutes: this.env.SIGN_IN_LINK_MINUTES,
    };
  }

  /** Resolves once every link asked for so far is issued (or refused): tests, shutdown. */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  /**
   * Uses a link once. The token is found by its SHA-256 through a unique index, never compared
   * as text: how long the lookup takes says nothing about a guess (people.secrets.ts).
   */
  async complete(token: string, userAgent: string | undefined): Promise<SignedIn> {
    const now = new Date();
    const link = await this.db
      .getRepository(SignInTokenEntity)
      .findOneBy({ tokenHash: hashSecret(token) });
    if (!link) throw badInput('token', LINK_UNKNOWN);
    if (link.usedAt) throw badInput('token', LINK_USED);
    if (link.expiresAt.getTime() <= now.getTime()) throw badInput('token', LINK_EXPIRED);
    return this.db.transaction(async (em) => {
      // Claimed by one statement: of two uses at once, one wins and the other is told "used".
      const claimed = await em
        .createQueryBuilder()
        .update(SignInTokenEntity)
        .set({ usedAt: now })
        .where('id = :id AND "usedAt" IS NULL', { id: link.id })
        .execute();
      if (!claimed.affected) throw badInput('token', LINK_USED);
      const person = await this.personFor(em, link);
      if (!person) {
        throw badInput('token', 'this address may no longer sign in: ask the cluster staff');
      }
      person.lastSignInAt = now;
      await em.save(person);
      const { token: sessionToken, session } = await this.sessions.create(em, person.id, userAgent);
      return { sessionToken, session, person };
    });
  }

  private async issue(email: string, language: Language, base: string | null): Promise<void> {
    await this.db.transaction(async (em) => {
      const who = await eligibility(em, email);
      if (!who) return;
      const minutes = this.env.SIGN_IN_LINK_MINUTES;
      const mailLanguage = who.person ? who.person.preferredLanguage : language;
      const { token, link } = await this.mint(em, email, mailLanguage, minutes, base);
      const name = who.person ? who.person.name || null : (who.expert?.name ?? null);
      await this.outbox.enqueue(em, [
        signInMail({ to: email, language: mailLanguage, name, token, link, minutes }),
      ]);
    });
  }

  /**
   * A sign-in link for `email` (lower-cased), valid `minutes`, written in the caller's transaction:
   * whoever mails it (a sign-in request, a profile reminder) queues the mail in that transaction
   * too. `base`: Kenner's public URL; without one the mail carries the token alone.
   */
  async mint(
    em: EntityManager,
    email: string,
    language: Language,
    minutes: number,
    base: string | null = this.env.PUBLIC_URL ?? null,
  ): Promise<{ token: string; link: string | null }> {
    await em.delete(SignInTokenEntity, {
      expiresAt: LessThan(new Date(Date.now() - KEEP_SPENT_MS)),
    });
    const token = newSignInToken();
    await em.insert(SignInTokenEntity, {
      id: randomUUID(),
      tokenHash: hashSecret(token),
      email,
      language,
      expiresAt: new Date(Date.now() + minutes * MINUTE_MS),
      usedAt: null,
    });
    return { token, link: base ? `${base}${SIGN_IN_PATH}?token=${token}` : null };
  }

  /** The person the link signs in: known, or made now from the expert profile or the domain. */
  private async personFor(
    em: EntityManager,
    link: SignInTokenEntity,
  ): Promise<PersonEntity | null> {
    const who = await eligibility(em, link.email);
    if (!who) return null;
    if (who.person) return who.person;
    const repo = em.getRepository(PersonEntity);
    return repo.save(
      repo.create({
        email: link.email,
        name: who.expert?.name ?? '',
        preferredLanguage: link.language,
        organisationId: who.organisationId,
        expertId: who.expert?.id ?? null,
        staffRole: null,
        lastSignInAt: null,
      }),
    );
  }
}
