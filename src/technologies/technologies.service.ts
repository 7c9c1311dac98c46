import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, Not } from 'typeorm';
import { requireRef } from '../common/database/references.js';
import { guardUnique } from '../common/database/write-guard.js';
import { badInput, conflict, notFound } from '../common/errors/domain-error.js';
import { fromGlobalId } from '../common/graphql/global-id.js';
import { paginate } from '../common/pagination/paginate.js';
import { ExpertSkillEntity } from '../experts/expert-skill.entity.js';
import { InstrumentEntity } from '../instruments/instrument.entity.js';
import { SearchOutbox } from '../search/outbox/search-outbox.service.js';
import type {
  CreateTechnologyInput,
  TechnologiesArgs,
  UpdateTechnologyInput,
} from './dto/technology.inputs.js';
import { childrenById, descendantsOf, wouldCycle } from './taxonomy.js';
import { TechnologyEntity } from './technology.entity.js';
import { toTechnologyModel } from './technology.mapper.js';

@Injectable()
export class TechnologiesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: SearchOutbox,
  ) {}

  list(args: TechnologiesArgs) {
    const query = this.db.getRepository(TechnologyEntity).createQueryBuilder('tech');
    if (args.parentId) {
      const parentId = fromGlobalId(args.parentId, 'Technology', 'parentId');
      query.andWhere('tech.parentId = :parentId', { parentId });
    }
    if (args.categoryId) {
      const categoryId = fromGlobalId(args.categoryId, 'Technology', 'categoryId');
      query.andWhere('tech.categoryId = :categoryId', { categoryId });
    }
    if (args.rootsOnly) query.andWhere('tech.parentId IS NULL');
    return paginate(query, args, toTechnologyModel);
  }

  async findBySlug(slug: string) {
    const entity = await this.db.getRepository(TechnologyEntity).findOneBy({ slug });
    return entity ? toTechnologyModel(entity) : null;
  }

  create(input: CreateTechnologyInput) {
    return this.db.transaction(async (em) => {
      await this.assertUnique(em, input);
      const { parentId, ...fields } = input;
      const parent = parentId
        ? await requireRef(em, TechnologyEntity, 'Technology', parentId, 'parentId')
        : null;
      const entity = em.create(TechnologyEntity, {
        nameFr: null,
        nameDe: null,
        nameNl: null,
        acronyms: [],
        synonyms: [],
        description: '',
        chameoId: null,
        chmoId: null,
        wikidataId: null,
        ...fields,
        parentId: parent?.id ?? null,
      });
      entity.categoryId = parent ? parent.categoryId : null;
      const saved = await guardUnique('slug', () => em.save(entity));
      if (!parent) {
        // A root is its own category; its id exists only once saved.
        saved.categoryId = saved.id;
        await em.update(TechnologyEntity, saved.id, { categoryId: saved.id });
      }
      await this.outbox.technologiesChanged(em, [saved.id]);
      return toTechnologyModel(saved);
    });
  }

  update(globalId: string, input: UpdateTechnologyInput) {
    return this.db.transaction(async (em) => {
      const entity = await this.load(em, globalId);
      await this.assertUnique(em, input, entity.id);
      const { parentId, ...fields } = input;
      em.merge(TechnologyEntity, entity, fields);
      if (parentId !== undefined) await this.move(em, entity, parentId);
      const saved = await guardUnique('slug', () => em.save(entity));
      // Names, acronyms and ancestry are embedded in the documents of its experts and below.
      await this.outbox.technologiesChanged(em, [entity.id]);
      return toTechnologyModel(saved);
    });
  }

  /** Refused while anything points at the technique: the taxonomy is shared reference data. */
  delete(globalId: string) {
    return this.db.transaction(async (em) => {
      const entity = await this.load(em, globalId);
      // Sequential: a transaction has a single connection.
      const children = await em.countBy(TechnologyEntity, { parentId: entity.id });
      const skills = await em.countBy(ExpertSkillEntity, { technologyId: entity.id });
      const instruments = await em.countBy(InstrumentEntity, { technologyId: entity.id });
      if (children + skills + instruments > 0) {
        throw conflict(
          'id',
          `the technology is still used (${children} narrower techniques, ${skills} expert skills, ${instruments} instruments)`,
        );
      }
      const model = toTechnologyModel(entity);
      await this.outbox.technologiesChanged(em, [entity.id]);
      await em.delete(TechnologyEntity, entity.id);
      return model;
    });
  }

  /** Re-parents a technique and moves its whole subtree to the new category. */
  private async move(em: EntityManager, entity: TechnologyEntity, parentGlobalId: string | null) {
    const all = await em.find(TechnologyEntity, { select: { id: true, parentId: true } });
    const parentOf = new Map(all.map((t) => [t.id, t.parentId]));
    let categoryId = entity.id;
    if (parentGlobalId) {
      const parent = await requireRef(
        em,
        TechnologyEntity,
        'Technology',
        parentGlobalId,
        'parentId',
      );
      if (wouldCycle(entity.id, parent.id, (id) => parentOf.get(id))) {
        throw badInput('parentId', 'would make the technique its own ancestor');
      }
      categoryId = parent.categoryId ?? parent.id;
    }
    entity.parentId = parentGlobalId ? fromGlobalId(parentGlobalId, 'Technology') : null;
    entity.categoryId = categoryId;
    const below = descendantsOf(entity.id, childrenById(all));
    if (below.length) await em.update(TechnologyEntity, { id: In(below) }, { categoryId });
  }

  private async load(em: EntityManager, globalId: string) {
    const id = fromGlobalId(globalId, 'Technology');
    const entity = await em.findOneBy(TechnologyEntity, { id });
    if (!entity) throw notFound('Technology', globalId);
    return entity;
  }

  private async assertUnique(
    em: EntityManager,
    input: { slug?: string; chameoId?: string | null; chmoId?: string | null },
    exceptId?: string,
  ) {
    for (const field of ['slug', 'chameoId', 'chmoId'] as const) {
      const value = input[field];
      if (!value) continue;
      const where = exceptId ? { [field]: value, id: Not(exceptId) } : { [field]: value };
      if (await em.existsBy(TechnologyEntity, where)) {
        throw conflict(field, `"${value}" is already used by another technology`);
      }
    }
  }
}
