import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import { ExpertSkillEntity } from '../experts/expert-skill.entity.js';
import { childrenById, subtreeOf } from '../technologies/taxonomy.js';
import { TechnologyEntity } from '../technologies/technology.entity.js';
import { toTechnologyModel } from '../technologies/technology.mapper.js';
import { DemandService } from './demand.service.js';
import type { DemandGaps, TechniqueDemand, ZeroResultQuery } from './models/demand-gaps.models.js';
import { SearchDemandEntity, SearchDemandTechniqueEntity } from './search-demand.entity.js';

/** Reads the recorded demand back as capability gaps. */
@Injectable()
export class DemandGapsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly demand: DemandService,
  ) {}

  async gaps(since: Date, limit: number): Promise<DemandGaps> {
    await this.demand.flush(); // include what this instance has not written yet
    return {
      techniques: await this.techniques(since, limit),
      zeroResultQueries: await this.zeroResultQueries(since, limit),
    };
  }

  private async techniques(since: Date, limit: number): Promise<TechniqueDemand[]> {
    const asked = await this.db
      .getRepository(SearchDemandTechniqueEntity)
      .createQueryBuilder('t')
      .innerJoin('t.demand', 'd')
      .select('t.technologySlug', 'slug')
      .addSelect('COUNT(*)', 'asked')
      .addSelect('SUM(CASE WHEN d.totalHits = 0 THEN 1 ELSE 0 END)', 'zero')
      .where('d.at >= :since', { since })
      .groupBy('t.technologySlug')
      .getRawMany<{ slug: string; asked: string | number; zero: string | number | null }>();
    if (asked.length === 0) return [];
    const all = await this.db.getRepository(TechnologyEntity).find();
    const bySlug = new Map(all.map((t) => [t.slug, t]));
    const experts = await this.expertCounts(
      all,
      asked.flatMap((a) => bySlug.get(a.slug) ?? []),
    );
    return asked
      .flatMap((a) => {
        const tech = bySlug.get(a.slug);
        if (!tech) return []; // deleted since it was asked for
        return [
          {
            technology: toTechnologyModel(tech),
            asked: Number(a.asked),
            experts: experts.get(tech.id) ?? 0,
            zeroResultAsks: Number(a.zero ?? 0),
          },
        ];
      })
      .sort(
        (x, y) =>
          x.experts - y.experts ||
          y.asked - x.asked ||
          x.technology.slug.localeCompare(y.technology.slug),
      )
      .slice(0, limit);
  }

  /**
   * Distinct experts per technique, counting skills in narrower techniques too: an expert in
   * SEM covers a request for electron microscopy. Every visibility counts.
   */
  private async expertCounts(
    all: TechnologyEntity[],
    wanted: TechnologyEntity[],
  ): Promise<Map<string, number>> {
    const childrenOf = childrenById(all);
    const subtrees = new Map(wanted.map((t) => [t.id, subtreeOf(t.id, childrenOf)]));
    const ids = [...new Set([...subtrees.values()].flat())];
    const skills = await this.db
      .getRepository(ExpertSkillEntity)
      .find({ select: { expertId: true, technologyId: true }, where: { technologyId: In(ids) } });
    const expertsOf = new Map<string, string[]>();
    for (const s of skills)
      expertsOf.set(s.technologyId, [...(expertsOf.get(s.technologyId) ?? []), s.expertId]);
    return new Map(
      [...subtrees].map(([id, tree]) => [
        id,
        new Set(tree.flatMap((t) => expertsOf.get(t) ?? [])).size,
      ]),
    );
  }

  private async zeroResultQueries(since: Date, limit: number): Promise<ZeroResultQuery[]> {
    const rows = await this.db
      .getRepository(SearchDemandEntity)
      .createQueryBuilder('d')
      .select('d.query', 'query')
      .addSelect('COUNT(*)', 'count')
      .addSelect('MAX(d.at)', 'lastAt')
      .where('d.at >= :since', { since })
      .andWhere('d.totalHits = 0')
      .andWhere('d.query IS NOT NULL')
      .groupBy('d.query')
      .orderBy('COUNT(*)', 'DESC')
      .addOrderBy('MAX(d.at)', 'DESC')
      .limit(limit)
      .getRawMany<{ query: string; count: string | number; lastAt: string | Date }>();
    return rows.map((r) => ({ query: r.query, count: Number(r.count), lastAt: asDate(r.lastAt) }));
  }
}

/** SQLite hands back an aggregate timestamp as TypeORM wrote it: UTC, without a zone. */
const asDate = (value: string | Date): Date =>
  value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
