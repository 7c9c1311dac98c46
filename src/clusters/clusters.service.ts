import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not } from 'typeorm';
import { guardUnique } from '../common/database/write-guard.js';
import { conflict, notFound } from '../common/errors/domain-error.js';
import { fromGlobalId } from '../common/graphql/global-id.js';
import type { ConnectionArgs } from '../common/pagination/connection.args.js';
import { paginate } from '../common/pagination/paginate.js';
import { SearchOutbox } from '../search/outbox/search-outbox.service.js';
import { ClusterEntity } from './cluster.entity.js';
import { toClusterModel } from './cluster.mapper.js';
import type { CreateClusterInput, UpdateClusterInput } from './dto/cluster.inputs.js';

@Injectable()
export class ClustersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: SearchOutbox,
  ) {}

  private get repo() {
    return this.db.getRepository(ClusterEntity);
  }

  list(args: ConnectionArgs) {
    return paginate(this.repo.createQueryBuilder('cluster'), args, toClusterModel);
  }

  async findBySlug(slug: string) {
    const entity = await this.repo.findOneBy({ slug });
    return entity ? toClusterModel(entity) : null;
  }

  async create(input: CreateClusterInput) {
    await this.assertSlugFree(input.slug);
    const entity = this.repo.create({ description: '', website: null, ...input });
    return toClusterModel(await guardUnique('slug', () => this.repo.save(entity)));
  }

  async update(globalId: string, input: UpdateClusterInput) {
    const entity = await this.load(globalId);
    if (input.slug !== undefined) await this.assertSlugFree(input.slug, entity.id);
    this.repo.merge(entity, input);
    // Expert documents carry cluster slugs: a new slug must reach them.
    return this.db.transaction(async (em) => {
      const saved = await guardUnique('slug', () => em.save(entity));
      await this.outbox.clustersChanged(em, [entity.id]);
      return toClusterModel(saved);
    });
  }

  /** Memberships go with the cluster (join rows cascade); organisations stay. */
  async delete(globalId: string) {
    const entity = await this.load(globalId);
    const model = toClusterModel(entity);
    await this.db.transaction(async (em) => {
      await this.outbox.clustersChanged(em, [entity.id]);
      await em.delete(ClusterEntity, entity.id);
    });
    return model;
  }

  private async load(globalId: string) {
    const id = fromGlobalId(globalId, 'Cluster');
    const entity = await this.repo.findOneBy({ id });
    if (!entity) throw notFound('Cluster', globalId);
    return entity;
  }

  private async assertSlugFree(slug: string, exceptId?: string) {
    const taken = await this.repo.existsBy(exceptId ? { slug, id: Not(exceptId) } : { slug });
    if (taken) throw conflict('slug', `"${slug}" is already used by another cluster`);
  }
}
