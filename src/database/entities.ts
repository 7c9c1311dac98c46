import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { ApiKeyEntity } from '../auth/api-key.entity.js';
import { ClusterEntity } from '../clusters/cluster.entity.js';
import { ConversationGuestEntity } from '../conversations/conversation-guest.entity.js';
import { ConversationEntity } from '../conversations/conversation.entity.js';
import { MessageRevisionEntity } from '../conversations/message-revision.entity.js';
import { MessageEntity } from '../conversations/message.entity.js';
import { ParticipantEntity } from '../conversations/participant.entity.js';
import { SearchDemandEntity, SearchDemandTechniqueEntity } from '../demand/search-demand.entity.js';
import { ExpertSkillEntity } from '../experts/expert-skill.entity.js';
import { ExpertEntity } from '../experts/expert.entity.js';
import { FaqEntryEntity } from '../faq/faq-entry.entity.js';
import { AnswerEntity } from '../forum/answer.entity.js';
import { CommentEntity } from '../forum/comment.entity.js';
import { FollowEntity } from '../forum/follow.entity.js';
import { QuestionEntity } from '../forum/question.entity.js';
import { ReportEntity } from '../forum/report.entity.js';
import { InquiryIntroductionEntity } from '../inquiries/inquiry-introduction.entity.js';
import { InquiryTransitionEntity } from '../inquiries/inquiry-transition.entity.js';
import { InquiryEntity } from '../inquiries/inquiry.entity.js';
import { InstrumentEntity } from '../instruments/instrument.entity.js';
import { NotificationOutboxEntity } from '../notifications/notification-outbox.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { PersonEntity } from '../people/person.entity.js';
import { SessionEntity } from '../people/session.entity.js';
import { SignInDomainEntity } from '../people/sign-in-domain.entity.js';
import { SignInTokenEntity } from '../people/sign-in-token.entity.js';
import { SearchOutboxEntity } from '../search/outbox/search-outbox.entity.js';
import { TechnologyEntity } from '../technologies/technology.entity.js';
import { MaterialEntity, SectorEntity } from '../vocabularies/vocabulary-entry.entity.js';

/** Every table Kenner owns; migrations are generated from this list. */
export const ENTITIES = [
  ClusterEntity,
  OrganisationEntity,
  TechnologyEntity,
  InstrumentEntity,
  ExpertEntity,
  ExpertSkillEntity,
  MaterialEntity,
  SectorEntity,
  SearchOutboxEntity,
  ApiKeyEntity,
  AuditEntryEntity,
  SearchDemandEntity,
  SearchDemandTechniqueEntity,
  InquiryEntity,
  InquiryTransitionEntity,
  InquiryIntroductionEntity,
  NotificationOutboxEntity,
  PersonEntity,
  SessionEntity,
  SignInTokenEntity,
  SignInDomainEntity,
  ConversationEntity,
  ParticipantEntity,
  MessageEntity,
  MessageRevisionEntity,
  QuestionEntity,
  AnswerEntity,
  CommentEntity,
  FollowEntity,
  ReportEntity,
  FaqEntryEntity,
  ConversationGuestEntity,
];
