import { waitFor } from '../support/wait-for.js';
import { healthOf } from '../support/health-client.js';
import { type DrillResult, type DrillSettings, runDrill } from './drill-run.js';
import { bundledEngine } from './engine-process.js';

/** Where in the writes the engine dies: well inside, with writes before and after. */
const KILL_AT = 0.35;

/**
 * Meilisearch is killed with SIGKILL in the middle of the writes. Writes must go on succeeding
 * (they go to the database and its outbox); the API must notice and restart its bundled engine
 * (an operator should not have to); the relay must then catch up, and nothing may be lost.
 */
export function engineKillDrill(settings: DrillSettings): Promise<DrillResult> {
  return runDrill('engine-kill', settings, async (stage) => {
    const api = await stage.start();
    const load = await stage.load(() => [api]);
    const writing = load.run();
    const killAfter = Math.floor(settings.writes * KILL_AT);
    await load.reached(killAfter);
    const pid = bundledEngine(stage.scratch.data.DATA_DIR)?.pid;
    if (!pid) throw new Error('the bundled Meilisearch is not running');
    process.kill(pid, 'SIGKILL');
    const killedAt = performance.now();
    settings.say(`engine-kill: Meilisearch (pid ${pid}) killed after ${load.answeredCount} writes`);
    // Down first (the API may take a moment to see it), then up again.
    const back = await waitFor(
      'Meilisearch answering again',
      async () => {
        const again = bundledEngine(stage.scratch.data.DATA_DIR)?.pid;
        const health = await healthOf(api.url);
        return again && again !== pid && health.search === 'up' ? again : null;
      },
      60_000,
      20,
    );
    const backAt = performance.now();
    await writing;
    const whileDown = load.ledger.writes.filter(
      (w) => w.outcome === 'acknowledged' && w.sentAt > killedAt && w.endedAt < backAt,
    ).length;
    const downSeconds = ((backAt - killedAt) / 1000).toFixed(1);
    return stage.settle(
      [api],
      load,
      [],
      [
        `Meilisearch (pid ${pid}) SIGKILLed after ${killAfter} writes; answering again ${downSeconds} s later ` +
          `(pid ${back}, restarted by the API); ${whileDown} writes sent and acknowledged while it was down`,
      ],
    );
  });
}
