import { toGlobalId } from '../common/graphql/global-id.js';
import { type ExpertSkillEntity, SkillLevel } from './expert-skill.entity.js';
import type { ExpertEntity } from './expert.entity.js';
import { ExpertModel, ExpertSkillModel } from './models/expert.model.js';

export const toExpertModel = (e: ExpertEntity): ExpertModel =>
  Object.assign(new ExpertModel(), {
    id: toGlobalId('Expert', e.id),
    dbId: e.id,
    organisationDbId: e.organisationId,
    name: e.name,
    jobTitle: e.jobTitle,
    bio: e.bio,
    languages: e.languages,
    services: e.services,
    visibility: e.visibility,
    email: e.email,
    phone: e.phone,
    consentAt: e.consentAt,
    lastVerifiedAt: e.lastVerifiedAt,
    acceptsDirectContact: e.acceptsDirectContact,
    notifyOfQuestions: e.notifyOfQuestions,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  });

const LEVEL_RANK = { [SkillLevel.EXPERT]: 0, [SkillLevel.ADVANCED]: 1, [SkillLevel.BASIC]: 2 };

/** Strongest skills first, so a client showing "top skills" can take the head of the list. */
export const toSkillModels = (skills: ExpertSkillEntity[]): ExpertSkillModel[] =>
  [...skills]
    .sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || (b.years ?? 0) - (a.years ?? 0))
    .map((s) =>
      Object.assign(new ExpertSkillModel(), {
        technologyDbId: s.technologyId,
        level: s.level,
        years: s.years,
      }),
    );
