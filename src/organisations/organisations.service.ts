import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Not } from 'typeorm';
import { ClusterEntity } from '../clusters/cluster.entity.js';
import { requireRefs } from '../common/database/references.js';
import { guardUnique } from '../common/database/write-guard.js';
import { conflict, notFound } from '../common/errors/domain-error.js';
import { fromGlobalId } from '../common/graphql/global-id.js';
import { paginate } from '../common/pagination/paginate.js';
import { ExpertEntity } from '../experts/expert.entity.js';
import { SearchOutbox } from '../search/outbox/search-outbox.service.js';
import { HIDE_WITHIN_MS, SearchRelay } from '../search/sync/search-relay.service.js';
import type {
  CreateOrganisationInput,
  OrganisationsArgs,
  UpdateOrganisationInput,
} from './dto/organisation.inputs.js';
import { OrganisationEntity } from './organisation.entity.js';
import { toOrganisationModel } from './organisation.mapper.js';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: SearchOutbox,
    private readonly relay: SearchRelay,
  ) {}

  list(args: OrganisationsArgs) {
    const query = this.db.getRepository(OrganisationEntity).createQueryBuilder('org');
    if (args.country) query.andWhere('org.country = :country', { country: args.country });
    if (args.type) query.andWhere('org.type = :type', { type: args.type });
    if (args.clusterId) {
      const clusterId = fromGlobalId(args.clusterId, 'Cluster', 'clusterId');
      query.andWhere(
        'EXISTS (SELECT 1 FROM organisation_clusters m WHERE m."organisationId" = org.id AND m."clusterId" = :clusterId)',
        { clusterId },
      );
    }
    if (args.technologyId) {
      const technologyId = fromGlobalId(args.technologyId, 'Technology', 'technologyId');
      query.andWhere(
        'EXISTS (SELECT 1 FROM instruments i WHERE i."organisationId" = org.id AND i."technologyId" = :technologyId)',
        { technologyId },
      );
    }
    return paginate(query, args, toOrganisationModel);
  }

  create(input: CreateOrganisationInput) {
    return this.db.transaction(async (em) => {
      await this.assertRorFree(em, input.rorId);
      const { clusterIds, ...fields } = input;
      const entity = em.create(OrganisationEntity, {
        acronym: null,
        aliases: [],
        description: '',
        website: null,
        city: null,
        region: null,
        latitude: null,
        longitude: null,
        rorId: null,
        ...fields,
      });
      entity.clusters = await requireRefs(
        em,
        ClusterEntity,
        'Cluster',
        clusterIds ?? [],
        'clusterIds',
      );
      const saved = await guardUnique('rorId', () => em.save(entity));
      await this.outbox.organisationsChanged(em, [saved.id]);
      return toOrganisationModel(saved);
    });
  }

  /**
   * Leaving a cluster hides the organisation's MEMBERS experts from that cluster's partners: such
   * a change answers once the index has it (see HIDE_WITHIN_MS).
   */
  async update(globalId: string, input: UpdateOrganisationInput) {
    const model = await this.db.transaction(async (em) => {
      const entity = await this.load(em, globalId);
      await this.assertRorFree(em, input.rorId, entity.id);
      const { clusterIds, ...fields } = input;
      em.merge(OrganisationEntity, entity, fields);
      if (clusterIds !== undefined) {
        entity.clusters = await requireRefs(em, ClusterEntity, 'Cluster', clusterIds, 'clusterIds');
      }
      const saved = await guardUnique('rorId', () => em.save(entity));
      // Expert documents embed the organisation's name, place and clusters.
      await this.outbox.organisationsChanged(em, [entity.id]);
      return toOrganisationModel(saved);
    });
    if (input.clusterIds !== undefined) await this.relay.sendNow(HIDE_WITHIN_MS);
    return model;
  }

  /** Refused while experts work there: deleting them silently would lose people's profiles. */
  delete(globalId: string) {
    return this.db.transaction(async (em) => {
      const entity = await this.load(em, globalId);
      const experts = await em.countBy(ExpertEntity, { organisationId: entity.id });
      if (experts > 0) {
        throw conflict(
          'id',
          `the organisation still has ${experts} experts; move or delete them first`,
        );
      }
      const model = toOrganisationModel(entity);
      await em.delete(OrganisationEntity, entity.id);
      await this.outbox.organisationsChanged(em, [entity.id]);
      return model;
    });
  }

  private async load(em: EntityManager, globalId: string) {
    const id = fromGlobalId(globalId, 'Organisation');
    const entity = await em.findOneBy(OrganisationEntity, { id });
    if (!entity) throw notFound('Organisation', globalId);
    return entity;
  }

  private async assertRorFree(
    em: EntityManager,
    rorId: string | null | undefined,
    exceptId?: string,
  ) {
    if (!rorId) return;
    const where = exceptId ? { rorId, id: Not(exceptId) } : { rorId };
    if (await em.existsBy(OrganisationEntity, where)) {
      throw conflict('rorId', `${rorId} already belongs to another organisation`);
    }
  }
}
