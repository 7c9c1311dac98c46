import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { requireRef } from '../common/database/references.js';
import { notFound } from '../common/errors/domain-error.js';
import { fromGlobalId } from '../common/graphql/global-id.js';
import { paginate } from '../common/pagination/paginate.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { TechnologyEntity } from '../technologies/technology.entity.js';
import { SearchOutbox } from '../search/outbox/search-outbox.service.js';
import type {
  CreateInstrumentInput,
  InstrumentsArgs,
  UpdateInstrumentInput,
} from './dto/instrument.inputs.js';
import { InstrumentEntity } from './instrument.entity.js';
import { toInstrumentModel } from './instrument.mapper.js';

@Injectable()
export class InstrumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: SearchOutbox,
  ) {}

  list(args: InstrumentsArgs) {
    const query = this.db.getRepository(InstrumentEntity).createQueryBuilder('instrument');
    if (args.organisationId) {
      const id = fromGlobalId(args.organisationId, 'Organisation', 'organisationId');
      query.andWhere('instrument.organisationId = :organisationId', { organisationId: id });
    }
    if (args.technologyId) {
      const id = fromGlobalId(args.technologyId, 'Technology', 'technologyId');
      query.andWhere('instrument.technologyId = :technologyId', { technologyId: id });
    }
    if (args.accessMode) {
      query.andWhere('instrument.accessMode = :accessMode', { accessMode: args.accessMode });
    }
    if (args.country) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM organisations o WHERE o.id = instrument."organisationId" AND o.country = :country)',
        { country: args.country },
      );
    }
    return paginate(query, args, toInstrumentModel);
  }

  create(input: CreateInstrumentInput) {
    return this.db.transaction(async (em) => {
      const refs = await this.refs(em, input);
      const entity = em.create(InstrumentEntity, {
        model: null,
        description: '',
        ...input,
        ...refs,
      });
      const saved = await em.save(entity);
      await this.outbox.instrumentChanged(em, saved.organisationId);
      return toInstrumentModel(saved);
    });
  }

  update(globalId: string, input: UpdateInstrumentInput) {
    return this.db.transaction(async (em) => {
      const entity = await this.load(em, globalId);
      await this.outbox.instrumentChanged(em, entity.organisationId); // it may move away
      em.merge(InstrumentEntity, entity, { ...input, ...(await this.refs(em, input)) });
      const saved = await em.save(entity);
      await this.outbox.instrumentChanged(em, saved.organisationId);
      return toInstrumentModel(saved);
    });
  }

  async delete(globalId: string) {
    return this.db.transaction(async (em) => {
      const entity = await this.load(em, globalId);
      const model = toInstrumentModel(entity);
      await em.delete(InstrumentEntity, entity.id);
      await this.outbox.instrumentChanged(em, entity.organisationId);
      return model;
    });
  }

  /** Resolves the references present in the input to storage ids, checking each exists. */
  private async refs(em: EntityManager, input: UpdateInstrumentInput) {
    const refs: { technologyId?: string; organisationId?: string } = {};
    if (input.technologyId !== undefined) {
      refs.technologyId = (
        await requireRef(em, TechnologyEntity, 'Technology', input.technologyId, 'technologyId')
      ).id;
    }
    if (input.organisationId !== undefined) {
      refs.organisationId = (
        await requireRef(
          em,
          OrganisationEntity,
          'Organisation',
          input.organisationId,
          'organisationId',
        )
      ).id;
    }
    return refs;
  }

  private async load(em: EntityManager, globalId: string) {
    const id = fromGlobalId(globalId, 'Instrument');
    const entity = await em.findOneBy(InstrumentEntity, { id });
    if (!entity) throw notFound('Instrument', globalId);
    return entity;
  }
}
