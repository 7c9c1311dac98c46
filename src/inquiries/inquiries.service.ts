import { randomUUID } from 'node:crypto';
import { InquiryConversationsService } from '../conversations/inquiry-conversations.service.js';
import { MessagesService } from '../conversations/messages.service.js';
import { DemandService } from '../demand/demand.service.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, LessThan, Like } from 'typeorm';
import type { Caller } from '../auth/caller.js';
import { requireRef, requireRefs } from '../common/database/references.js';
import { badInput, notFound } from '../common/errors/domain-error.js';
import { isUniqueViolation } from '../common/errors/unique-violation.js';
import type { Connection } from '../common/pagination/connection.model.js';
import { DEFAULT_PAGE_SIZE } from '../common/pagination/connection.args.js';
import { Environment } from '../config/environment.js';
import { LOCKS } from '../common/database/advisory-lock.js';
import { ExpertEntity } from '../experts/expert.entity.js';
import { toExpertModel } from '../experts/expert.mapper.js';
import { NotificationOutbox } from '../notifications/notification-outbox.service.js';
import { TechnologyEntity } from '../technologies/technology.entity.js';
import { MaterialEntity, SectorEntity } from '../vocabularies/vocabulary-entry.entity.js';
import type {
  InquiriesArgs,
  IntroduceExpertsArgs,
  SubmitInquiryInput,
} from './dto/inquiry.inputs.js';
import { InquiryIntroductionEntity } from './inquiry-introduction.entity.js';
import { InquiryLimits } from './inquiry-limits.js';
import { inquiryReceived, introductionMade } from './inquiry-mails.js';
import { assertTransition, InquiryStatus } from './inquiry-status.js';
import { InquiryEventKind, InquiryTransitionEntity } from './inquiry-transition.entity.js';
import { InquiryEntity } from './inquiry.entity.js';
import { toInquiryModel, toSubmittedInquiry } from './inquiry.mapper.js';
import type { InquiryModel } from './models/inquiry.model.js';

const REFERENCE = /^KNR-\d{4}-\d{6}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Should two submissions still pick the same number, the unique index refuses one: retry it. */
const REFERENCE_ATTEMPTS = 5;

const today = (): string => new Date().toISOString().slice(0, 10);

@Injectable()
export class InquiriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: NotificationOutbox,
    private readonly env: Environment,
    private readonly demand: DemandService,
    private readonly limits: InquiryLimits,
    private readonly conversations: InquiryConversationsService,
    private readonly messages: MessagesService,
  ) {}

  /** The stored inquiry, for other features (matching reads its text and techniques). */
  find(idOrReference: string): Promise<InquiryEntity> {
    return this.load(this.db.manager, idOrReference);
  }

  /** `client` is whom the inquiry limits count (the request's key or IP, see InquiryLimits). */
  async submit(input: SubmitInquiryInput, caller: Caller, client: string) {
    await this.limits.count(client, input.email);
    for (let attempt = 1; ; attempt++) {
      try {
        const { inquiry, slugs } = await this.db.transaction((em) =>
          this.insert(em, input, caller),
        );
        // What was asked for, without who asked: read off the request path, in the demand batch.
        this.demand.recordInquiry({
          technologySlugs: slugs,
          description: inquiry.description,
          hasLocation: inquiry.latitude !== null,
        });
        return toSubmittedInquiry(inquiry);
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= REFERENCE_ATTEMPTS) throw error;
      }
    }
  }

  async list(args: InquiriesArgs): Promise<Connection<InquiryModel>> {
    const size = args.first ?? DEFAULT_PAGE_SIZE;
    const where = args.status ? { status: args.status } : {};
    const after = args.after === undefined ? undefined : decodeCursor(args.after);
    const repo = this.db.getRepository(InquiryEntity);
    const totalCount = await repo.countBy(where);
    const rows =
      size === 0
        ? []
        : await repo.find({
            where: after ? { ...where, reference: LessThan(after) } : where,
            order: { reference: 'DESC' },
            take: size + 1,
          });
    const edges = rows
      .slice(0, size)
      .map((row) => ({ cursor: encodeCursor(row.reference), node: toInquiryModel(row) }));
    return {
      edges,
      totalCount,
      pageInfo: {
        hasNextPage: rows.length > size,
        hasPreviousPage: after !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  async get(idOrReference: string) {
    return toInquiryModel(await this.load(this.db.manager, idOrReference));
  }

  history(inquiryDbId: string) {
    return this.db
      .getRepository(InquiryTransitionEntity)
      .find({ where: { inquiryId: inquiryDbId }, order: { id: 'ASC' } });
  }

  async introductions(inquiryDbId: string) {
    const rows = await this.db.getRepository(InquiryIntroductionEntity).find({
      where: { inquiryId: inquiryDbId },
      relations: { expert: true },
      order: { id: 'ASC' },
    });
    return rows.flatMap((r) => (r.expert ? [toExpertModel(r.expert)] : []));
  }

  transition(id: string, to: InquiryStatus, note: string | null | undefined, caller: Caller) {
    return this.db.transaction(async (em) => {
      const inquiry = await this.load(em, id);
      assertTransition(inquiry.status, to);
      if (to === InquiryStatus.INTRODUCED) {
        throw badInput('to', 'INTRODUCED is reached through introduceExperts, naming the experts');
      }
      await this.record(em, inquiry, InquiryEventKind.TRANSITION, to, note ?? null, caller);
      inquiry.status = to;
      return toInquiryModel(await em.save(inquiry));
    });
  }

  addNote(id: string, note: string, caller: Caller) {
    return this.db.transaction(async (em) => {
      const inquiry = await this.load(em, id);
      await this.record(em, inquiry, InquiryEventKind.NOTE, inquiry.status, note.trim(), caller);
      return toInquiryModel(inquiry);
    });
  }

  assign(id: string, assignee: string | null | undefined, caller: Caller) {
    return this.db.transaction(async (em) => {
      const inquiry = await this.load(em, id);
      inquiry.assignee = assignee?.trim() || null;
      const note = inquiry.assignee ? `assigned to ${inquiry.assignee}` : 'unassigned';
      await this.record(em, inquiry, InquiryEventKind.ASSIGNMENT, inquiry.status, note, caller);
      return toInquiryModel(await em.save(inquiry));
    });
  }

  /**
   * Records the introductions and moves MATCHED → INTRODUCED (more experts may be introduced
   * later on). With a message, or once the inquiry has a conversation, the introduction happens in
   * that one conversation (InquiryConversationsService); otherwise by mail, addresses exchanged.
   */
  async introduce(args: IntroduceExpertsArgs, caller: Caller) {
    const { experts, posted } = await this.db.transaction(async (em) => {
      const inquiry = await this.load(em, args.inquiryId, 'inquiryId');
      await this.lock(em, inquiry.id);
      const again = inquiry.status === InquiryStatus.INTRODUCED;
      if (!again) assertTransition(inquiry.status, InquiryStatus.INTRODUCED);
      const experts = await requireRefs(em, ExpertEntity, 'Expert', args.expertIds, 'expertIds');
      const message = args.message ?? null;
      const inConversation =
        message !== null || (await this.conversations.conversationOf(em, inquiry.id)) !== null;
      if (inConversation && message === null) {
        throw badInput(
          'message',
          'this inquiry has a conversation: experts join it with a message',
        );
      }
      const known = await em.findBy(InquiryIntroductionEntity, { inquiryId: inquiry.id });
      const fresh = experts.filter((e) => !known.some((k) => k.expertId === e.id));
      if (!inConversation && fresh.length === 0) {
        throw badInput('expertIds', 'every expert named was introduced already');
      }
      await em.insert(
        InquiryIntroductionEntity,
        fresh.map((e) => ({ inquiryId: inquiry.id, expertId: e.id, byKeyId: caller.keyId })),
      );
      const note = args.note?.trim() || null;
      // Who was introduced lives in the introductions (erased with an expert), not in free text.
      const what = `introduced ${fresh.length} expert${fresh.length === 1 ? '' : 's'}${inConversation ? ' in the conversation' : ''}`;
      await this.record(
        em,
        inquiry,
        again ? InquiryEventKind.NOTE : InquiryEventKind.TRANSITION,
        InquiryStatus.INTRODUCED,
        note ? `${what}: ${note}` : what,
        caller,
      );
      inquiry.status = InquiryStatus.INTRODUCED;
      await em.save(inquiry);
      if (message === null) {
        await this.outbox.enqueue(em, introductionMade(inquiry, fresh, note));
        return { experts, posted: null };
      }
      const posted = await this.conversations.introduce(em, caller, inquiry, experts, message);
      return { experts, posted };
    });
    if (posted) await this.messages.announce(posted);
    return experts.map(toExpertModel);
  }

  /** Two introductions of one inquiry at once must not open two conversations. */
  private async lock(em: EntityManager, inquiryId: string): Promise<void> {
    // SQLite runs one write transaction at a time already.
    if (em.connection.options.type !== 'postgres') return;
    await em.query('SELECT id FROM inquiries WHERE id = $1 FOR UPDATE', [inquiryId]);
  }

  private async insert(em: EntityManager, input: SubmitInquiryInput, caller: Caller) {
    const technologies = await requireRefs(
      em,
      TechnologyEntity,
      'Technology',
      input.technologyIds ?? [],
      'technologyIds',
    );
    const material = input.materialId
      ? await requireRef(em, MaterialEntity, 'Material', input.materialId, 'materialId')
      : null;
    const sector = input.sectorId
      ? await requireRef(em, SectorEntity, 'Sector', input.sectorId, 'sectorId')
      : null;
    if (input.deadline && input.deadline < today()) {
      throw badInput('deadline', 'must not be in the past');
    }
    checkLocation(input);
    const inquiry = em.create(InquiryEntity, {
      id: randomUUID(),
      reference: await this.nextReference(em),
      requesterName: input.requesterName.trim(),
      organisation: input.organisation.trim(),
      email: input.email.toLowerCase(),
      country: input.country,
      description: input.description.trim(),
      technologyIds: technologies.map((t) => t.id),
      materialId: material?.id ?? null,
      sectorId: sector?.id ?? null,
      deadline: input.deadline ?? null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      radiusKm: input.radiusKm ?? null,
      consentAt: new Date(),
      status: InquiryStatus.NEW,
      assignee: null,
    });
    const saved = await em.save(inquiry);
    await em.insert(InquiryTransitionEntity, {
      inquiryId: saved.id,
      kind: InquiryEventKind.SUBMITTED,
      fromStatus: null,
      toStatus: InquiryStatus.NEW,
      note: null,
      byKeyId: caller.keyId,
    });
    await this.outbox.enqueue(em, inquiryReceived(saved, this.env.NOTIFY_STAFF_EMAIL));
    return { inquiry: saved, slugs: technologies.map((t) => t.slug) };
  }

  /**
   * On PostgreSQL a transaction lock queues concurrent submissions here until the previous one
   * committed, so each reads the number before it; SQLite runs one write transaction at a time.
   */
  private async nextReference(em: EntityManager): Promise<string> {
    if (em.connection.options.type === 'postgres') {
      await em.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.inquiryReference]);
    }
    const prefix = `KNR-${new Date().getUTCFullYear()}-`;
    const last = await em.findOne(InquiryEntity, {
      where: { reference: Like(`${prefix}%`) },
      order: { reference: 'DESC' },
      select: { id: true, reference: true },
    });
    const next = last ? Number(last.reference.slice(prefix.length)) + 1 : 1;
    return `${prefix}${String(next).padStart(6, '0')}`;
  }

  private async record(
    em: EntityManager,
    inquiry: InquiryEntity,
    kind: InquiryEventKind,
    to: InquiryStatus,
    note: string | null,
    caller: Caller,
  ) {
    await em.insert(InquiryTransitionEntity, {
      inquiryId: inquiry.id,
      kind,
      fromStatus: inquiry.status,
      toStatus: to,
      note,
      byKeyId: caller.keyId,
    });
  }

  private async load(em: EntityManager, idOrReference: string, field = 'id') {
    const key = idOrReference.trim();
    const where = REFERENCE.test(key.toUpperCase())
      ? { reference: key.toUpperCase() }
      : UUID.test(key)
        ? { id: key.toLowerCase() }
        : undefined;
    if (!where)
      throw badInput(field, 'must be an inquiry id or a reference such as KNR-2026-000123');
    const inquiry = await em.findOneBy(InquiryEntity, where);
    if (!inquiry) throw notFound('Inquiry', idOrReference);
    return inquiry;
  }
}

function checkLocation(input: SubmitInquiryInput): void {
  const hasLat = input.latitude !== undefined && input.latitude !== null;
  const hasLng = input.longitude !== undefined && input.longitude !== null;
  if (hasLat !== hasLng) {
    throw badInput(hasLat ? 'longitude' : 'latitude', 'must be given with the other coordinate');
  }
  if (input.radiusKm != null && !hasLat) {
    throw badInput('radiusKm', 'needs a location (latitude and longitude)');
  }
}

const encodeCursor = (reference: string): string => Buffer.from(reference).toString('base64url');

function decodeCursor(cursor: string): string {
  const reference = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!REFERENCE.test(reference)) throw badInput('after', 'is not a cursor returned by this API');
  return reference;
}
