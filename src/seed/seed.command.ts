import { parseArgs } from 'node:util';
import { runCommand } from '../common/cli/run-command.js';
import { loadEnvironment } from '../config/environment.js';
import { openDataSource } from '../database/open-data-source.js';
import { ExpertEntity } from '../experts/expert.entity.js';
import { TechnologyEntity } from '../technologies/technology.entity.js';
import { describe } from './demo-seed.service.js';
import { writeDemoDataset } from './demo-seeder.js';
import { generateDemoDataset } from './demo/demo-generator.js';

const USAGE = 'usage: npm run seed -- [--experts N] [--seed N]';

/** `npm run seed`: loads the demo dataset into an empty database (the configured one). */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { experts: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) return usage(0);
  const env = loadEnvironment();
  const experts = Number(values.experts ?? env.DEMO_EXPERTS);
  const seed = Number(values.seed ?? 42);
  if (!Number.isInteger(experts) || experts < 0 || !Number.isInteger(seed)) return usage(2);

  const db = await openDataSource(env);
  try {
    const existing =
      (await db.getRepository(ExpertEntity).count()) +
      (await db.getRepository(TechnologyEntity).count());
    if (existing > 0) {
      process.stderr.write(
        'The database already holds data; the demo dataset is only loaded into an empty one.\n',
      );
      return 1;
    }
    const started = Date.now();
    const dataset = generateDemoDataset({ experts, seed });
    const counts = await db.transaction((em) =>
      writeDemoDataset(em, dataset, (done, total) =>
        process.stderr.write(`\rexperts ${done}/${total}`),
      ),
    );
    process.stderr.write('\n');
    process.stdout.write(
      `Loaded ${describe(counts)} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}

function usage(code: number): number {
  (code === 0 ? process.stdout : process.stderr).write(`${USAGE}\n`);
  return code;
}

runCommand(main);
