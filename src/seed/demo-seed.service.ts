import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Environment } from '../config/environment.js';
import { ExpertEntity } from '../experts/expert.entity.js';
import { TechnologyEntity } from '../technologies/technology.entity.js';
import { writeDemoDataset, type SeedCounts } from './demo-seeder.js';
import { generateDemoDataset } from './demo/demo-generator.js';

/** Loads the demo dataset on the first start, so a new user has something to query. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly env: Environment,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.SEED_DEMO) return;
    const seeded = await this.seedIfEmpty(this.env.DEMO_EXPERTS);
    if (seeded) this.logger.log(`Demo data loaded: ${describe(seeded)}`);
  }

  /**
   * Seeds only a database with neither experts nor technologies: a restart, or a database that
   * holds real data, is never seeded twice.
   */
  async seedIfEmpty(experts: number, seed = 42): Promise<SeedCounts | null> {
    const [expertCount, technologyCount] = await Promise.all([
      this.db.getRepository(ExpertEntity).count(),
      this.db.getRepository(TechnologyEntity).count(),
    ]);
    if (expertCount > 0 || technologyCount > 0) return null;
    const dataset = generateDemoDataset({ experts, seed });
    return this.db.transaction((em) => writeDemoDataset(em, dataset));
  }
}

export const describe = (c: SeedCounts): string =>
  `${c.experts} experts, ${c.organisations} organisations, ${c.technologies} technologies, ` +
  `${c.instruments} instruments, ${c.clusters} clusters`;
