import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In, IsNull } from 'typeorm';
import { type Caller, isStaff } from '../auth/caller.js';
import { badInput, DomainError, ErrorCode, notFound } from '../common/errors/domain-error.js';
import { fromGlobalId } from '../common/graphql/global-id.js';
import type { ConnectionArgs } from '../common/pagination/connection.args.js';
import type { Connection } from '../common/pagination/connection.model.js';
import { ExpertEntity } from '../experts/expert.entity.js';
import { whereVisible } from '../experts/expert-visibility.js';
import { peopleById } from '../people/people-by-id.js';
import { PersonEntity } from '../people/person.entity.js';
import { personOf, readableConversation } from './conversation-access.js';
import { ConversationEntity, ConversationKind } from './conversation.entity.js';
import { toConversationModel, toConversationPerson } from './conversation.mapper.js';
import { conversationPage, guestsById, messagePage } from './message-pages.js';
import { MessagesService } from './messages.service.js';
import type {
  ConversationModel,
  MessageModel,
  ParticipantModel,
} from './models/conversation.model.js';
import { joinConversation } from './participants.js';
import { ParticipantEntity, ParticipantRole } from './participant.entity.js';
import { PostingLimit } from '../rate-limits/posting-limit.js';
import { unreadByConversation, unreadTotal } from './unread-counts.js';

interface Opening {
  kind: ConversationKind;
  subject: string;
  message: string;
  starter: { personId: string; role: ParticipantRole };
  others: { personId: string; role: ParticipantRole }[];
}

/** How conversations start and what a participant (or staff) reads of them. */
@Injectable()
export class ConversationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly messages: MessagesService,
    private readonly limit: PostingLimit,
  ) {}

  /**
   * A member writes to an expert found in the directory. The expert must be visible to them,
   * have signed in at least once (so someone reads) and accept direct contact. The member learns
   * the expert's name only: addresses are nowhere in a conversation.
   */
  async contactExpert(
    caller: Caller,
    args: { expertId: string; subject: string; message: string },
  ): Promise<ConversationModel> {
    const personId = personOf(caller);
    if (caller.clusterIds.length === 0) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'only members of an organisation in a cluster contact experts directly; anyone may send an inquiry',
      );
    }
    const expertId = fromGlobalId(args.expertId, 'Expert', 'expertId');
    const expert = await whereVisible(
      this.db.getRepository(ExpertEntity).createQueryBuilder('e'),
      'e',
      caller,
    )
      .andWhere('e.id = :expertId', { expertId })
      .getOne();
    if (!expert) throw notFound('expert', args.expertId);
    if (!expert.acceptsDirectContact) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'this expert does not accept direct contact: send an inquiry, and the cluster staff introduce you',
        'expertId',
      );
    }
    const expertPerson = await this.db.getRepository(PersonEntity).findOneBy({ expertId });
    if (!expertPerson) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'this expert has not signed in to Kenner yet, so no one would read a message: send an inquiry instead',
        'expertId',
      );
    }
    if (expertPerson.id === personId) throw badInput('expertId', 'is your own profile');
    return this.open(caller, {
      kind: ConversationKind.DIRECT,
      subject: args.subject,
      message: args.message,
      starter: { personId, role: ParticipantRole.MEMBER },
      others: [{ personId: expertPerson.id, role: ParticipantRole.EXPERT }],
    });
  }

  /** Staff start a conversation with anyone who has an account. */
  async startConversation(
    caller: Caller,
    args: { personIds: string[]; subject: string; message: string },
  ): Promise<ConversationModel> {
    const personId = personOf(caller);
    if (!isStaff(caller)) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'only staff start conversations with anyone');
    }
    const wanted = [...new Set(args.personIds.map((id) => id.toLowerCase()))].filter(
      (id) => id !== personId,
    );
    if (wanted.length === 0) throw badInput('personIds', 'must name someone besides yourself');
    const people = await this.db.getRepository(PersonEntity).findBy({ id: In(wanted) });
    const missing = wanted.find((id) => !people.some((p) => p.id === id));
    if (missing) throw badInput('personIds', `no person with id ${missing}`);
    return this.open(caller, {
      kind: ConversationKind.STAFF,
      subject: args.subject,
      message: args.message,
      starter: { personId, role: ParticipantRole.STAFF },
      others: people.map((p) => ({
        personId: p.id,
        role: p.staffRole
          ? ParticipantRole.STAFF
          : p.expertId
            ? ParticipantRole.EXPERT
            : ParticipantRole.MEMBER,
      })),
    });
  }

  async conversation(caller: Caller, id: string): Promise<ConversationModel> {
    const { conversation, own } = await readableConversation(this.db.manager, caller, id);
    const reader = own && (own.personId ?? (own.guestId ? { guestId: own.guestId } : null));
    const unread = reader
      ? await unreadByConversation(this.db.manager, reader, [conversation.id])
      : new Map<string, number>();
    return toConversationModel(conversation, own, unread.get(conversation.id) ?? 0);
  }

  /** The INQUIRY conversation of an inquiry, read as the caller (staff read along). */
  async inquiryConversation(caller: Caller, inquiryId: string): Promise<ConversationModel | null> {
    const found = await this.db
      .getRepository(ConversationEntity)
      .findOneBy({ inquiryId, kind: ConversationKind.INQUIRY });
    return found ? this.conversation(caller, found.id) : null;
  }

  /** The caller's conversations, most recently active first. */
  myConversations(caller: Caller, args: ConnectionArgs): Promise<Connection<ConversationModel>> {
    const personId = personOf(caller);
    const query = this.db
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .innerJoin(ParticipantEntity, 'p', 'p.conversationId = c.id')
      .where('p.personId = :personId', { personId })
      .andWhere('p.removedAt IS NULL');
    return conversationPage(query, args, (rows) => this.models(personId, rows));
  }

  unreadMessageCount(caller: Caller): Promise<number> {
    return unreadTotal(this.db.manager, personOf(caller));
  }

  /** Current participants; the parent conversation was access-checked when it was read. */
  async participants(conversationId: string): Promise<ParticipantModel[]> {
    const rows = await this.db.getRepository(ParticipantEntity).find({
      where: { conversationId, removedAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const [people, guests] = await Promise.all([
      peopleById(
        this.db.manager,
        rows.map((r) => r.personId),
      ),
      guestsById(
        this.db.manager,
        rows.map((r) => r.guestId),
      ),
    ]);
    return rows.flatMap((row) => {
      const who =
        (row.personId && people.get(row.personId)) || (row.guestId && guests.get(row.guestId));
      return who ? [{ person: toConversationPerson(who), role: row.role }] : [];
    });
  }

  messagesOf(conversationId: string, args: ConnectionArgs): Promise<Connection<MessageModel>> {
    return messagePage(this.db.manager, conversationId, args);
  }

  private async open(caller: Caller, opening: Opening): Promise<ConversationModel> {
    const { conversation, message } = await this.db.transaction(async (em) => {
      await this.limit.count(opening.starter.personId, 'message');
      const conversation = await em.save(
        em.create(ConversationEntity, {
          subject: opening.subject,
          kind: opening.kind,
          inquiryId: null,
          lastSeq: 0,
          lastMessageAt: new Date(),
        }),
      );
      await joinConversation(em, conversation.id, [opening.starter, ...opening.others]);
      const message = await this.messages.insert(
        em,
        conversation.id,
        { personId: opening.starter.personId, guestId: null },
        opening.message,
      );
      return { conversation, message };
    });
    await this.messages.announce(message);
    return this.conversation(caller, conversation.id);
  }

  private async models(personId: string, rows: ConversationEntity[]) {
    const ids = rows.map((c) => c.id);
    const [unread, own] = await Promise.all([
      unreadByConversation(this.db.manager, personId, ids),
      ids.length
        ? this.db.getRepository(ParticipantEntity).findBy({ personId, conversationId: In(ids) })
        : Promise.resolve([]),
    ]);
    return rows.map((c) =>
      toConversationModel(
        c,
        own.find((p) => p.conversationId === c.id) ?? null,
        unread.get(c.id) ?? 0,
      ),
    );
  }
}
