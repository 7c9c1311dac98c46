import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source.options.js';
import { createScratchDatabase, dropScratchDatabase } from './scratch-database.js';
import { writeDemoDataset } from '../../src/seed/demo-seeder.js';
import { generateDemoDataset } from '../../src/seed/demo/demo-generator.js';

// Their home is database/; these names stay importable from here.
export {
  closePool,
  createScratchDatabase,
  dropScratchDatabase,
  postgresAdminUrl,
  scratchPool,
} from './scratch-database.js';

export interface ScratchPostgres {
  databaseUrl: string;
  /** Creating, migrating and seeding, in seconds. */
  seconds: number;
  drop(): Promise<void>;
}

/**
 * A fresh PostgreSQL database holding the demo dataset: Kenner's migrations, then the same
 * generator and seed as `npm run seed` (so e-mails and contents match a SQLite copy of the same
 * size and seed; ids differ). For comparing systems over the same data; the caller drops it.
 */
export async function seedPostgresCopy(
  experts: number,
  options: { seed?: number; adminUrl?: string } = {},
): Promise<ScratchPostgres> {
  const started = performance.now();
  const databaseUrl = await createScratchDatabase('scratch', options.adminUrl);
  const drop = () => dropScratchDatabase(databaseUrl, options.adminUrl);
  try {
    const db = new DataSource(
      buildDataSourceOptions({ DATABASE_URL: databaseUrl, DATA_DIR: '.', LOG_SQL: false }),
    );
    await db.initialize();
    try {
      await db.runMigrations({ transaction: 'each' });
      const dataset = generateDemoDataset({ experts, seed: options.seed ?? 42 });
      await db.transaction((em) => writeDemoDataset(em, dataset));
    } finally {
      await db.destroy();
    }
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
  return { databaseUrl, seconds: (performance.now() - started) / 1000, drop };
}
