import 'reflect-metadata';
import { BESIDE_THE_API, withApp } from '../../cli/app-command.js';
import { runCommand } from '../../common/cli/run-command.js';
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
  const progress = (message: string) => process.stderr.write(`${message}\n`);
  return withApp({ env: BESIDE_THE_API }, async (app) => {
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
  });
}

runCommand(main);
