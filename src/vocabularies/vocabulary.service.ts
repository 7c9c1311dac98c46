import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not } from 'typeorm';
import { guardUnique } from '../common/database/write-guard.js';
import { conflict, notFound } from '../common/errors/domain-error.js';
import { fromGlobalId } from '../common/graphql/global-id.js';
import type { ConnectionArgs } from '../common/pagination/connection.args.js';
import { paginate } from '../common/pagination/paginate.js';
import { SearchOutbox } from '../search/outbox/search-outbox.service.js';
import type {
  CreateVocabularyEntryInput,
  UpdateVocabularyEntryInput,
} from './dto/vocabulary.inputs.js';
import {
  MaterialEntity,
  SectorEntity,
  type VocabularyEntryEntity,
} from './vocabulary-entry.entity.js';
import { toMaterialModel, toSectorModel } from './vocabulary.mapper.js';

export interface VocabularyKind<M> {
  type: 'Material' | 'Sector';
  entity: typeof MaterialEntity | typeof SectorEntity;
  toModel: (entity: VocabularyEntryEntity) => M;
}

/**
 * Materials and sectors follow the same rules; one implementation serves both. Deleting an entry
 * removes it from the experts that had it (their join rows cascade).
 */
export abstract class VocabularyService<M> {
  constructor(
    private readonly db: DataSource,
    private readonly outbox: SearchOutbox,
    readonly kind: VocabularyKind<M>,
  ) {}

  private get repo() {
    return this.db.getRepository<VocabularyEntryEntity>(this.kind.entity);
  }

  list(args: ConnectionArgs) {
    return paginate(this.repo.createQueryBuilder('entry'), args, this.kind.toModel);
  }

  async create(input: CreateVocabularyEntryInput) {
    await this.assertSlugFree(input.slug);
    const entity = this.repo.create({ nameFr: null, nameDe: null, nameNl: null, ...input });
    return this.kind.toModel(await guardUnique('slug', () => this.repo.save(entity)));
  }

  async update(globalId: string, input: UpdateVocabularyEntryInput) {
    const entity = await this.load(globalId);
    if (input.slug !== undefined) await this.assertSlugFree(input.slug, entity.id);
    this.repo.merge(entity, input);
    return this.db.transaction(async (em) => {
      const saved = await guardUnique('slug', () => em.save(entity));
      await this.outbox.vocabularyChanged(em, this.kind.type, entity.id);
      return this.kind.toModel(saved);
    });
  }

  async delete(globalId: string) {
    const entity = await this.load(globalId);
    const model = this.kind.toModel(entity);
    await this.db.transaction(async (em) => {
      await this.outbox.vocabularyChanged(em, this.kind.type, entity.id);
      await em.delete(this.kind.entity, entity.id);
    });
    return model;
  }

  private async load(globalId: string) {
    const entity = await this.repo.findOneBy({ id: fromGlobalId(globalId, this.kind.type) });
    if (!entity) throw notFound(this.kind.type, globalId);
    return entity;
  }

  private async assertSlugFree(slug: string, exceptId?: string) {
    const where = exceptId ? { slug, id: Not(exceptId) } : { slug };
    if (await this.repo.existsBy(where)) {
      throw conflict(
        'slug',
        `"${slug}" is already used by another ${this.kind.type.toLowerCase()}`,
      );
    }
  }
}

@Injectable()
export class MaterialsService extends VocabularyService<ReturnType<typeof toMaterialModel>> {
  constructor(@InjectDataSource() db: DataSource, outbox: SearchOutbox) {
    super(db, outbox, { type: 'Material', entity: MaterialEntity, toModel: toMaterialModel });
  }
}

@Injectable()
export class SectorsService extends VocabularyService<ReturnType<typeof toSectorModel>> {
  constructor(@InjectDataSource() db: DataSource, outbox: SearchOutbox) {
    super(db, outbox, { type: 'Sector', entity: SectorEntity, toModel: toSectorModel });
  }
}
