import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ClusterEntity } from '../../clusters/cluster.entity.js';
import { OrganisationEntity } from '../../organisations/organisation.entity.js';
import { TechnologyEntity } from '../../technologies/technology.entity.js';
import { MaterialEntity, SectorEntity } from '../../vocabularies/vocabulary-entry.entity.js';

export type Labels = ReadonlyMap<string, string>;

/**
 * Display names for facet values that are slugs or ids. Read per request (a few hundred short
 * rows): a cache would show a renamed technique under its old name.
 */
@Injectable()
export class FacetLabels {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  technologies = () => this.bySlug(TechnologyEntity);
  clusters = () => this.bySlug(ClusterEntity);
  materials = () => this.bySlug(MaterialEntity);
  sectors = () => this.bySlug(SectorEntity);

  async organisations(): Promise<Labels> {
    const rows = await this.db
      .getRepository(OrganisationEntity)
      .find({ select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  private async bySlug(
    entity:
      typeof TechnologyEntity | typeof ClusterEntity | typeof MaterialEntity | typeof SectorEntity,
  ): Promise<Labels> {
    const rows = await this.db
      .getRepository<{ slug: string; name: string }>(entity)
      .find({ select: { slug: true, name: true } });
    return new Map(rows.map((r) => [r.slug, r.name]));
  }
}
