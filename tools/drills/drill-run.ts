import { type ApiProcess, startApi } from './api-process.js';
import { converge } from './convergence.js';
import { checkDrill, type Verdict } from './drill-checks.js';
import { engineOf, observe } from './observed-state.js';
import { loadReferenceData, type ReferenceData } from './reference-data.js';
import { createScratch, type DatabaseKind, type Scratch } from './scratch.js';
import { WriteLoad, type WriteLoadOptions } from './write-load.js';

export interface DrillSettings {
  kind: DatabaseKind;
  writes: number;
  concurrency: number;
  postgresAdminUrl: string;
  /** Progress, to stderr. */
  say: (line: string) => void;
}

export interface DrillResult {
  drill: string;
  kind: DatabaseKind;
  /** What the drill did, in a line or two (what was killed, when, how it came back). */
  facts: string[];
  verdict: Verdict;
  convergeSeconds: number;
  seconds: number;
  /** Stopping its processes or dropping its scratch data failed: said beside the verdict. */
  cleanupError?: string;
}

/** What a drill runs in: its scratch data, the processes it started, its reference data. */
export interface DrillStage {
  scratch: Scratch;
  /** Starts an API process on the drill's data; it is stopped when the drill ends. */
  start(): Promise<ApiProcess>;
  /** A write load over these processes, tagged with the drill's name. */
  load(targets: () => ApiProcess[], extra?: Partial<WriteLoadOptions>): Promise<WriteLoad>;
  /**
   * Waits for convergence, then compares everything with the load's ledger; `problems` are
   * the drill's own findings (each fails it).
   */
  settle(
    apis: ApiProcess[],
    load: WriteLoad,
    problems: string[],
    facts: string[],
  ): Promise<DrillResult>;
}

/**
 * Runs one drill on scratch data and always cleans up: every process it started is stopped,
 * the scratch directory (and database) dropped, even when the drill fails half-way. A clean-up
 * that fails is reported with the drill's result (`cleanupError`), not instead of it.
 */
export async function runDrill(
  drill: string,
  settings: DrillSettings,
  body: (stage: DrillStage) => Promise<DrillResult>,
): Promise<DrillResult> {
  const started = performance.now();
  const scratch = await createScratch(settings.kind, drill, settings.postgresAdminUrl);
  const processes: ApiProcess[] = [];
  let reference: ReferenceData | undefined;
  const stage: DrillStage = {
    scratch,
    start: async () => {
      const api = await startApi(scratch.env);
      processes.push(api);
      return api;
    },
    load: async (targets, extra) => {
      const first = targets()[0];
      if (!first) throw new Error('no API process to write to');
      // The seed's own documents first: the drill's writes start from a synced index.
      await converge(targets(), () => engineOf(scratch.data));
      reference ??= await loadReferenceData(first.url, scratch.adminKey);
      return new WriteLoad({
        writes: settings.writes,
        concurrency: settings.concurrency,
        tag: `${drill}-${settings.kind}`,
        adminKey: scratch.adminKey,
        targets: () => targets().map((api) => api.url),
        reference,
        ...extra,
      });
    },
    settle: async (apis, load, problems, facts) => {
      settings.say(`${drill}: waiting for the index to converge`);
      const { seconds, parked } = await converge(apis, () => engineOf(scratch.data));
      const observed = await observe(scratch.data);
      const verdict = checkDrill({
        tag: `${drill}-${settings.kind}`,
        ledger: load.ledger,
        reference: reference as ReferenceData,
        ...observed,
      });
      if (parked) verdict.problems.push(`${parked} documents parked by the relay`);
      verdict.problems.push(...problems);
      return {
        drill,
        kind: settings.kind,
        facts,
        verdict,
        convergeSeconds: seconds,
        seconds: (performance.now() - started) / 1000,
      };
    },
  };
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      const errors: string[] = [];
      // The last started first: on a shared DATA_DIR, the engine's owner goes last.
      for (const api of processes.reverse()) {
        await api.stop().catch((error: unknown) => {
          errors.push(`stopping the API (pid ${api.pid}): ${messageOf(error)}`);
        });
      }
      await scratch.drop().catch((error: unknown) => {
        errors.push(`dropping the scratch data: ${messageOf(error)}`);
      });
      if (errors.length) throw new Error(errors.join('; '));
    })());
  /** Cleans up; answers what failed, if anything. */
  const cleanedUp = async (): Promise<string | undefined> => {
    try {
      await cleanUp();
      return undefined;
    } catch (error) {
      return messageOf(error);
    } finally {
      running.delete(cleanUp);
    }
  };
  running.add(cleanUp);
  let result: DrillResult;
  try {
    result = await body(stage);
  } catch (error) {
    const cleanupError = await cleanedUp();
    if (!cleanupError) throw error;
    throw new Error(`${messageOf(error)}; cleaning up failed too: ${cleanupError}`, {
      cause: error,
    });
  }
  // A failed clean-up does not hide what the drill found.
  const cleanupError = await cleanedUp();
  return cleanupError ? { ...result, cleanupError } : result;
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

const running = new Set<() => Promise<void>>();

/** On Ctrl-C: stops the drills' processes and drops their scratch data before exiting. */
export async function abandonDrills(): Promise<void> {
  await Promise.all([...running].map((cleanUp) => cleanUp().catch(() => undefined)));
}
