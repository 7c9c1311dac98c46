import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '../auth/caller.js';
import type { PersonSessions } from '../auth/person-sessions.js';
import { ClusterEntity } from '../clusters/cluster.entity.js';
import { notFound } from '../common/errors/domain-error.js';
import { UUID } from '../common/graphql/global-id.js';
import { Environment } from '../config/environment.js';
import { hashSecret, MAX_TOKEN_LENGTH, newSessionToken } from './people.secrets.js';
import { callerOfPerson } from './person-roles.js';
import { PersonEntity } from './person.entity.js';
import { SessionEntity } from './session.entity.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Recording every use would cost a write per request; a minute's precision is enough. */
const LAST_USED_PRECISION_MS = 60_000;
const USER_AGENT_LENGTH = 200;

/** The clusters of an organisation (none without one). */
export async function clustersOf(
  em: EntityManager,
  organisationId: string | null,
): Promise<ClusterEntity[]> {
  if (!organisationId) return [];
  return em
    .getRepository(ClusterEntity)
    .createQueryBuilder('c')
    .innerJoin('organisation_clusters', 'oc', 'oc."clusterId" = c.id')
    .where('oc."organisationId" = :organisationId', { organisationId })
    .orderBy('c.slug', 'ASC')
    .getMany();
}

/**
 * Sessions of signed-in people: made by completeSignIn, resolved on every request through the
 * PERSON_SESSIONS seam, listed and ended by their person. An ended or expired session is
 * deleted, so what was refused once stays refused.
 */
@Injectable()
export class SessionsService implements PersonSessions {
  private readonly logger = new Logger('Sessions');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly env: Environment,
  ) {}

  /** A new session for the person; the token is returned once and never stored. */
  async create(
    em: EntityManager,
    personId: string,
    userAgent: string | undefined,
  ): Promise<{ token: string; session: SessionEntity }> {
    const token = newSessionToken();
    const now = new Date();
    const session = await em.getRepository(SessionEntity).save(
      em.getRepository(SessionEntity).create({
        id: randomUUID(),
        personId,
        tokenHash: hashSecret(token),
        lastUsedAt: now,
        expiresAt: new Date(now.getTime() + this.env.SESSION_MAX_DAYS * DAY_MS),
        userAgent: (userAgent ?? '').slice(0, USER_AGENT_LENGTH),
      }),
    );
    return { token, session };
  }

  resolve(token: string): Promise<Caller | null> {
    // Bounded before hashing: a bearer can be as long as the header allows.
    if (token.length > MAX_TOKEN_LENGTH) return Promise.resolve(null);
    return this.callerOf({ tokenHash: hashSecret(token) });
  }

  resolveId(sessionId: string): Promise<Caller | null> {
    return UUID.test(sessionId) ? this.callerOf({ id: sessionId }) : Promise.resolve(null);
  }

  /** When the session ends unless used again: the idle limit or the absolute one, first. */
  endsAt(session: SessionEntity): Date {
    const idle = session.lastUsedAt.getTime() + this.env.SESSION_IDLE_DAYS * DAY_MS;
    return new Date(Math.min(idle, session.expiresAt.getTime()));
  }

  /** The person's live sessions, most recently used first; expired ones are deleted on the way. */
  async list(personId: string): Promise<SessionEntity[]> {
    const sessions = await this.db
      .getRepository(SessionEntity)
      .find({ where: { personId }, order: { lastUsedAt: 'DESC', id: 'ASC' } });
    const now = Date.now();
    const expired = sessions.filter((s) => this.endsAt(s).getTime() <= now);
    if (expired.length) await this.db.getRepository(SessionEntity).delete(expired.map((s) => s.id));
    return sessions.filter((s) => !expired.includes(s));
  }

  /** Ends one of the person's sessions; another person's is as unknown as a missing one. */
  async end(personId: string, sessionId: string): Promise<number> {
    if (!UUID.test(sessionId)) throw notFound('Session', sessionId);
    const result = await this.db.getRepository(SessionEntity).delete({ id: sessionId, personId });
    if (!result.affected) throw notFound('Session', sessionId);
    return result.affected;
  }

  async endAll(personId: string): Promise<number> {
    return (await this.db.getRepository(SessionEntity).delete({ personId })).affected ?? 0;
  }

  private async callerOf(where: { tokenHash: string } | { id: string }): Promise<Caller | null> {
    const repo = this.db.getRepository(SessionEntity);
    const session = await repo.findOneBy(where);
    if (!session) return null;
    const now = Date.now();
    if (this.endsAt(session).getTime() <= now) {
      await repo.delete(session.id);
      return null;
    }
    const person = await this.db.getRepository(PersonEntity).findOneBy({ id: session.personId });
    if (!person) return null;
    if (now - session.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
      // Bookkeeping: the request does not wait for it, and a failure only logs.
      void repo
        .update(session.id, { lastUsedAt: new Date(now) })
        .catch((error: unknown) => this.logger.warn(`lastUsedAt not recorded: ${String(error)}`));
    }
    return callerOfPerson(
      person,
      await clustersOf(this.db.manager, person.organisationId),
      session.id,
    );
  }
}
