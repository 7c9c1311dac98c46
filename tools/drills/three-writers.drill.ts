import type { ApiProcess } from './api-process.js';
import { type DrillResult, type DrillSettings, runDrill } from './drill-run.js';

const PROCESSES = 3;
/** Seeded experts every process writes to at once. */
const CONTENDED = 10;
/** One write in this many is a burst: one update per process to one contended expert. */
const BURST_EVERY = 10;

/**
 * PostgreSQL only: three API processes on one database, writes spread over them, and bursts of
 * simultaneous updates of one expert through all three. The processes share one bundled
 * Meilisearch the way the product shares it, through the data directory: the first starts it,
 * the others attach. Their relays take turns under the PostgreSQL advisory lock.
 */
export function threeWritersDrill(settings: DrillSettings): Promise<DrillResult> {
  return runDrill('three-writers', settings, async (stage) => {
    // One after the other: the first migrates and seeds the empty database.
    const apis: ApiProcess[] = [];
    for (let i = 0; i < PROCESSES; i++) apis.push(await stage.start());
    const load = await stage.load(() => apis, {
      // Each process gets its share of the concurrency.
      concurrency: settings.concurrency * 2,
      contended: { experts: CONTENDED, every: BURST_EVERY },
    });
    await load.run();
    const via = apis.map((_, i) => load.ledger.writes.filter((w) => w.via === i).length);
    const bursts = load.ledger.writes.filter((w) => w.seq % BURST_EVERY === 0).length;
    return stage.settle(
      apis,
      load,
      [],
      [
        `${PROCESSES} API processes (pids ${apis.map((a) => a.pid).join(', ')}) on one database, ` +
          `writes through each: ${via.join(' / ')}; one bundled Meilisearch shared through DATA_DIR`,
        `${bursts} bursts of ${PROCESSES} simultaneous updates to ${CONTENDED} contended experts`,
      ],
    );
  });
}
