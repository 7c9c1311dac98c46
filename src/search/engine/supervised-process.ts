import type { ChildProcess } from 'node:child_process';
import { stopChild } from '../../common/process/child-process.js';

export interface SupervisedProcessOptions {
  /** For messages: "Meilisearch". */
  name: string;
  /** Spawns the process and resolves once it serves; rejects (having killed it) if it does not. */
  start: () => Promise<ChildProcess>;
  /** An unexpected exit, a restart, a failed attempt: for the log. */
  onEvent?: (message: string) => void;
  /** Wait before the first restart; doubles while restarts fail or the process keeps dying. */
  restartDelayMs?: number;
  maxRestartDelayMs?: number;
}

/** A process that ran this long before dying was not crash-looping: the delay starts over. */
const STABLE_AFTER_MS = 30_000;
/** How long `stop()` waits after SIGTERM before SIGKILL. */
const STOP_GRACE_MS = 5_000;

/**
 * Keeps one child process running: when it exits without having been asked to (SIGKILL, OOM
 * kill, crash), it is started again the same way, after a delay that grows while it keeps
 * failing, so a broken installation does not spin. `stop()` ends it for good.
 */
export class SupervisedProcess {
  private stopping = false;
  private timer?: NodeJS.Timeout;
  private startedAt = Date.now();
  private delayMs: number;
  private restartCount = 0;
  /** A restart's `options.start()` in flight: its process is `stop()`'s to end too. */
  private starting?: Promise<ChildProcess>;

  private constructor(
    private child: ChildProcess,
    private readonly options: SupervisedProcessOptions,
  ) {
    this.delayMs = options.restartDelayMs ?? 500;
    this.watch(child);
  }

  static async start(options: SupervisedProcessOptions): Promise<SupervisedProcess> {
    return new SupervisedProcess(await options.start(), options);
  }

  /** The pid of the current process (it changes with each restart). */
  get pid(): number {
    return this.child.pid ?? -1;
  }

  get restarts(): number {
    return this.restartCount;
  }

  /**
   * Ends the process (SIGTERM, then SIGKILL after 5 s) and restarts nothing from now on. A
   * restart under way is awaited and the process it started stopped too, so none outlives this.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    const starting = this.starting?.catch(() => undefined);
    await stopChild(this.child, STOP_GRACE_MS);
    const started = await starting;
    if (started) await stopChild(started, STOP_GRACE_MS);
  }

  private watch(child: ChildProcess): void {
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      if (this.stopping || child !== this.child) return;
      const lived = Date.now() - this.startedAt;
      if (lived >= STABLE_AFTER_MS) this.delayMs = this.options.restartDelayMs ?? 500;
      this.options.onEvent?.(
        `${this.options.name} (pid ${child.pid}) exited unexpectedly (${signal ?? `code ${code}`}) ` +
          `after ${Math.round(lived / 1000)} s; restarting in ${this.delayMs} ms`,
      );
      this.schedule();
    };
    child.once('exit', onExit);
    // Died before this listener was attached: handle it the same way.
    if (child.exitCode !== null || child.signalCode !== null) {
      child.removeListener('exit', onExit);
      onExit(child.exitCode, child.signalCode);
    }
  }

  private schedule(): void {
    const delay = this.delayMs;
    this.delayMs = Math.min(delay * 2, this.options.maxRestartDelayMs ?? 30_000);
    this.timer = setTimeout(() => void this.restart(), delay);
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    let child: ChildProcess;
    try {
      this.starting = this.options.start();
      child = await this.starting;
    } catch (error) {
      if (this.stopping) return;
      this.options.onEvent?.(
        `${this.options.name} restart failed: ${(error as Error).message}; next attempt in ${this.delayMs} ms`,
      );
      this.schedule();
      return;
    } finally {
      this.starting = undefined;
    }
    // stop() was called while it was starting: stop() ends it.
    if (this.stopping) return;
    this.child = child;
    this.startedAt = Date.now();
    this.restartCount++;
    this.options.onEvent?.(`${this.options.name} restarted (pid ${child.pid})`);
    this.watch(child);
  }
}
