import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Not } from 'typeorm';
import { requireRef, requireRefs } from '../common/database/references.js';
import { guardUnique } from '../common/database/write-guard.js';
import { badInput, conflict, notFound } from '../common/errors/domain-error.js';
import { fromGlobalId, toGlobalId } from '../common/graphql/global-id.js';
import type { ConnectionArgs } from '../common/pagination/connection.args.js';
import { paginate } from '../common/pagination/paginate.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { SearchOutbox } from '../search/outbox/search-outbox.service.js';
import { HIDE_WITHIN_MS, SearchRelay } from '../search/sync/search-relay.service.js';
import { TechnologyEntity } from '../technologies/technology.entity.js';
import { MaterialEntity, SectorEntity } from '../vocabularies/vocabulary-entry.entity.js';
import type {
  CreateExpertInput,
  ExpertOwnUpdate,
  ExpertsArgs,
  SkillInput,
  UpdateExpertInput,
} from './dto/expert.inputs.js';
import type { Caller } from '../auth/caller.js';
import { ExpertSkillEntity } from './expert-skill.entity.js';
import { whereNotConfirmedSince } from './expert-freshness.js';
import { checkExpertVisibilityChoice, whereVisible } from './expert-visibility.js';
import { ExpertEntity, Visibility } from './expert.entity.js';
import { toExpertModel } from './expert.mapper.js';

@Injectable()
export class ExpertsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: SearchOutbox,
    private readonly relay: SearchRelay,
  ) {}

  list(args: ExpertsArgs, caller: Caller) {
    const query = whereVisible(
      this.db.getRepository(ExpertEntity).createQueryBuilder('expert'),
      'expert',
      caller,
    );
    if (args.organisationId) {
      const id = fromGlobalId(args.organisationId, 'Organisation', 'organisationId');
      query.andWhere('expert.organisationId = :organisationId', { organisationId: id });
    }
    if (args.technologyId) {
      const id = fromGlobalId(args.technologyId, 'Technology', 'technologyId');
      query.andWhere(
        'EXISTS (SELECT 1 FROM expert_skills s WHERE s."expertId" = expert.id AND s."technologyId" = :technologyId)',
        { technologyId: id },
      );
    }
    if (args.country) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM organisations o WHERE o.id = expert."organisationId" AND o.country = :country)',
        { country: args.country },
      );
    }
    if (args.clusterId) {
      const id = fromGlobalId(args.clusterId, 'Cluster', 'clusterId');
      query.andWhere(
        'EXISTS (SELECT 1 FROM organisation_clusters m WHERE m."organisationId" = expert."organisationId" AND m."clusterId" = :clusterId)',
        { clusterId: id },
      );
    }
    return paginate(query, args, toExpertModel);
  }

  /** The expert, the skills and the vocabulary links are written together or not at all. */
  create(input: CreateExpertInput) {
    return this.db.transaction(async (em) => {
      const email = input.email.toLowerCase();
      await this.assertEmailFree(em, email);
      const organisation = await requireRef(
        em,
        OrganisationEntity,
        'Organisation',
        input.organisationId,
        'organisationId',
      );
      const entity = em.create(ExpertEntity, {
        id: randomUUID(),
        name: input.name.trim(),
        email,
        organisationId: organisation.id,
        jobTitle: input.jobTitle ?? '',
        bio: input.bio ?? '',
        languages: unique(input.languages ?? []),
        services: unique(input.services ?? []),
        visibility: input.visibility ?? Visibility.PUBLIC,
        phone: input.phone ?? null,
        consentAt: input.consentAt ?? null,
        lastVerifiedAt: input.lastVerifiedAt ?? null,
        acceptsDirectContact: input.acceptsDirectContact ?? true,
        notifyOfQuestions: input.notifyOfQuestions ?? true,
      });
      entity.materials = await requireRefs(
        em,
        MaterialEntity,
        'Material',
        input.materialIds ?? [],
        'materialIds',
      );
      entity.sectors = await requireRefs(
        em,
        SectorEntity,
        'Sector',
        input.sectorIds ?? [],
        'sectorIds',
      );
      const skills = await this.checkSkills(em, entity.id, input.skills ?? []);
      const saved = await guardUnique('email', () => em.save(entity));
      if (skills.length) await em.insert(ExpertSkillEntity, skills);
      await this.outbox.expertsChanged(em, [saved.id]);
      return toExpertModel(saved);
    });
  }

  /**
   * A change of visibility or organisation may hide the expert from some callers: it answers once
   * the index has it too (see HIDE_WITHIN_MS), so no search token still finds the expert.
   */
  update(globalId: string, input: UpdateExpertInput) {
    return this.write(globalId, input);
  }

  /**
   * An expert's own edit (profiles/): the same validation, writes and search sync as a staff
   * edit, with what an expert may not decide refused first, against the locked row.
   */
  updateByExpert(expertId: string, input: ExpertOwnUpdate) {
    return this.write(toGlobalId('Expert', expertId), input, (current) =>
      checkExpertVisibilityChoice(current.visibility, input.visibility),
    );
  }

  /** The expert confirms the profile is still right: `lastVerifiedAt` becomes `today`. */
  async confirm(expertId: string, today: string) {
    return this.db.transaction(async (em) => {
      const entity = await this.load(em, toGlobalId('Expert', expertId), { forUpdate: true });
      entity.lastVerifiedAt = today;
      const saved = await em.save(entity);
      // The index sorts and filters by it (RECENTLY_VERIFIED, verifiedWithinMonths).
      await this.outbox.expertsChanged(em, [saved.id]);
      return toExpertModel(saved);
    });
  }

  /** Profiles not confirmed since `cutoff` (YYYY-MM-DD; see expert-freshness.ts), by name. */
  stale(cutoff: string, args: ConnectionArgs) {
    const query = this.db.getRepository(ExpertEntity).createQueryBuilder('expert');
    return paginate(whereNotConfirmedSince(query, 'expert', cutoff), args, toExpertModel);
  }

  private async write(
    globalId: string,
    input: UpdateExpertInput,
    check?: (current: ExpertEntity) => void,
  ) {
    let mayHide = false;
    const model = await this.db.transaction(async (em) => {
      const entity = await this.load(em, globalId, { forUpdate: true });
      check?.(entity);
      const before = { visibility: entity.visibility, organisationId: entity.organisationId };
      // Before and after: a move leaves the old organisation and techniques stale too.
      await this.outbox.expertsChanged(em, [entity.id]);
      const { organisationId, skills, materialIds, sectorIds, email, ...fields } = input;
      em.merge(ExpertEntity, entity, fields);
      if (fields.name !== undefined) entity.name = fields.name.trim();
      if (fields.languages) entity.languages = unique(fields.languages);
      if (fields.services) entity.services = unique(fields.services);
      if (email !== undefined) {
        entity.email = email.toLowerCase();
        await this.assertEmailFree(em, entity.email, entity.id);
      }
      if (organisationId !== undefined) {
        entity.organisationId = (
          await requireRef(em, OrganisationEntity, 'Organisation', organisationId, 'organisationId')
        ).id;
      }
      if (materialIds !== undefined) {
        entity.materials = await requireRefs(
          em,
          MaterialEntity,
          'Material',
          materialIds,
          'materialIds',
        );
      }
      if (sectorIds !== undefined) {
        entity.sectors = await requireRefs(em, SectorEntity, 'Sector', sectorIds, 'sectorIds');
      }
      const newSkills =
        skills === undefined ? undefined : await this.checkSkills(em, entity.id, skills);
      const saved = await guardUnique('email', () => em.save(entity));
      if (newSkills) {
        await em.delete(ExpertSkillEntity, { expertId: entity.id });
        if (newSkills.length) await em.insert(ExpertSkillEntity, newSkills);
      }
      await this.outbox.expertsChanged(em, [saved.id]);
      mayHide =
        saved.visibility !== before.visibility || saved.organisationId !== before.organisationId;
      return toExpertModel(saved);
    });
    if (mayHide) await this.relay.sendNow(HIDE_WITHIN_MS);
    return model;
  }

  delete(globalId: string) {
    return this.db.transaction(async (em) => {
      const entity = await this.load(em, globalId);
      const model = toExpertModel(entity);
      // Before the delete, while the expert's organisation and skills can still be read.
      await this.outbox.expertsChanged(em, [entity.id]);
      await em.delete(ExpertEntity, entity.id);
      return model;
    });
  }

  /** Each skill must name an existing technique, and each technique may appear once. */
  private async checkSkills(em: EntityManager, expertId: string, skills: SkillInput[]) {
    const technologyIds = skills.map((s, i) =>
      fromGlobalId(s.technologyId, 'Technology', `skills[${i}].technologyId`),
    );
    const duplicate = technologyIds.findIndex((id, i) => technologyIds.indexOf(id) !== i);
    if (duplicate >= 0)
      throw badInput(`skills[${duplicate}].technologyId`, 'names a technique already listed');
    const field = (i: number) => `skills[${i}].technologyId`;
    await requireRefs(
      em,
      TechnologyEntity,
      'Technology',
      skills.map((s) => s.technologyId),
      field,
    );
    return skills.map((s, i) =>
      em.create(ExpertSkillEntity, {
        expertId,
        technologyId: technologyIds[i],
        level: s.level,
        years: s.years ?? null,
      }),
    );
  }

  /**
   * `forUpdate` locks the row on PostgreSQL until the transaction ends, so simultaneous updates
   * of one expert run one after the other. Without it, two updates changing only skills (or
   * materials, sectors) wrote no column of the row, took no lock, and both replaced the skills at
   * once: the expert kept both sets. SQLite has no row locks and needs none here: its driver is
   * synchronous, so a transaction that waits on nothing else ends before another request's begins.
   */
  private async load(em: EntityManager, globalId: string, { forUpdate = false } = {}) {
    const id = fromGlobalId(globalId, 'Expert');
    const lock =
      forUpdate && em.dataSource.options.type === 'postgres'
        ? { mode: 'pessimistic_write' as const }
        : undefined;
    const entity = await em.findOne(ExpertEntity, { where: { id }, lock });
    if (!entity) throw notFound('Expert', globalId);
    return entity;
  }

  private async assertEmailFree(em: EntityManager, email: string, exceptId?: string) {
    const where = exceptId ? { email, id: Not(exceptId) } : { email };
    if (await em.existsBy(ExpertEntity, where)) {
      throw conflict('email', 'is already registered for another expert');
    }
  }
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];
