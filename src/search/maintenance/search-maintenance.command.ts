import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../app.module.js';
import { ConfigurationError, loadEnvironment } from '../../config/environment.js';
import { driftCount } from './index-comparison.js';
import { SearchMaintenance } from './search-maintenance.service.js';

const USAGE = 'usage: node dist/search/maintenance/search-maintenance.command.js reindex|reconcile';

/**
 * `npm run search:reindex` and `npm run search:reconcile`. They attach to the configured (or the
 * running bundled) Meilisearch and leave sending to the API's relay: repairs go through the outbox.
 */
async function main(): Promise<number> {
  const command = process.argv[2];
  if (command !== 'reindex' && command !== 'reconcile') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const env = loadEnvironment({
    ...process.env,
    SEARCH_RELAY: 'false',
    NOTIFICATION_RELAY: 'false',
    SEED_DEMO: 'false',
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(env), {
    logger: ['error', 'warn'],
  });
  const progress = (message: string) => process.stderr.write(`${message}\n`);
  try {
    const maintenance = app.get(SearchMaintenance);
    if (command === 'reconcile') {
      const report = await maintenance.reconcile(progress);
      for (const [index, drift] of Object.entries(report)) {
        process.stdout.write(
          `${index}: drift ${driftCount(drift)} (missing ${drift.missing.length}, extra ${drift.extra.length}, ` +
            `different ${drift.different.length}); repairs queued in the outbox\n`,
        );
      }
    } else {
      for (const r of await maintenance.reindex(progress)) {
        process.stdout.write(
          `${r.index}: ${r.documents} documents rebuilt and swapped in ${r.seconds.toFixed(1)} s ` +
            `(indexed in ${r.streamSeconds.toFixed(1)} s; ${r.catchUpRounds} catch-up rounds, ` +
            `${r.driftAfterSwap} late writes queued)\n`,
        );
      }
    }
    return 0;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigurationError ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
