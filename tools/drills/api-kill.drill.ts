import { waitFor } from '../support/wait-for.js';
import { healthOf } from '../support/health-client.js';
import type { ApiProcess } from './api-process.js';
import { type DrillResult, type DrillSettings, runDrill } from './drill-run.js';
import { bundledEngine } from './engine-process.js';
import { engineOf } from './observed-state.js';

/** Writes made before the kill is looked for: enough for the outbox to be busy. */
const KILL_FROM = 0.3;

/**
 * The API is killed with SIGKILL while its relay is in the middle of a batch: outbox rows
 * pending and a document task of that batch still enqueued or processing in Meilisearch, so
 * the batch was sent but its rows not yet settled. Writes in flight at that moment are in doubt.
 * A new process on the same data must then finish the job: nothing lost, nothing twice.
 */
export function apiKillDrill(settings: DrillSettings): Promise<DrillResult> {
  return runDrill('api-kill', settings, async (stage) => {
    let api: ApiProcess = await stage.start();
    const load = await stage.load(() => [api]);
    const writing = load.run();
    await load.reached(Math.floor(settings.writes * KILL_FROM));
    const meili = await engineOf(stage.scratch.data);
    // Pending rows first, then the engine's queue, then the kill at once: the batch whose task
    // was just seen unfinished has the least time to complete before the API dies.
    const moment = await waitFor(
      'a relay batch in flight (outbox pending, a document task not finished)',
      async () => {
        const { pending } = (await healthOf(api.url)).outbox;
        if (pending === 0) return null;
        const tasks = await meili.tasks.getTasks({
          statuses: ['enqueued', 'processing'],
          types: ['documentAdditionOrUpdate', 'documentDeletion'],
          limit: 1,
        });
        const task = tasks.results[0];
        return task ? { pending, task } : null;
      },
      30_000,
      5,
    );
    load.pause();
    const killed = api.pid;
    const inFlight = load.inFlight;
    const writesBefore = load.answeredCount;
    const killedAt = Date.now();
    await api.kill();
    settings.say(`api-kill: API (pid ${killed}) killed after ${writesBefore} writes`);
    // Proof the batch was cut: its task was still running when the API died.
    const task = await meili.tasks.getTask(moment.task.uid);
    const finished = task.finishedAt ? Date.parse(task.finishedAt) : Number.POSITIVE_INFINITY;
    const cut =
      finished > killedAt
        ? `still ${task.finishedAt ? `running (finished ${finished - killedAt} ms after the kill)` : task.status}`
        : `finished ${killedAt - finished} ms before the kill`;
    const restartedAt = performance.now();
    api = await stage.start();
    const restartSeconds = ((performance.now() - restartedAt) / 1000).toFixed(1);
    load.resume();
    await writing;
    // The engine of the killed process must not run on unsupervised: the new API owns its own.
    const engine = bundledEngine(stage.scratch.data.DATA_DIR);
    const owned = engine?.parent === api.pid;
    const problems = owned
      ? []
      : [
          `the engine (pid ${engine?.pid ?? 'none'}) is not the restarted API's: nobody supervises it`,
        ];
    return stage.settle([api], load, problems, [
      `API (pid ${killed}) SIGKILLed after ${writesBefore} writes, with ${moment.pending} documents pending ` +
        `and the relay's batch task ${moment.task.uid} ${cut}; ${inFlight} writes in flight`,
      `restarted on the same data in ${restartSeconds} s (pid ${api.pid}, its own engine: ${owned ? 'yes' : 'NO'}); ` +
        'the writes went on through it',
    ]);
  });
}
