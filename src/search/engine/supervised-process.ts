import type { ChildProcess } from 'node:child_process';

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

  /** Ends the process (SIGTERM, then SIGKILL after 5 s) and restarts nothing from now on. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await stopChild(this.child);
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
      child = await this.options.start();
    } catch (error) {
      this.options.onEvent?.(
        `${this.options.name} restart failed: ${(error as Error).message}; next attempt in ${this.delayMs} ms`,
      );
      this.schedule();
      return;
    }
    if (this.stopping) {
      // stop() was called while it was starting.
      await stopChild(child);
      return;
    }
    this.child = child;
    this.startedAt = Date.now();
    this.restartCount++;
    this.options.onEvent?.(`${this.options.name} restarted (pid ${child.pid})`);
    this.watch(child);
  }
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill('SIGTERM');
  });
}
