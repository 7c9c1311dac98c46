const SIGNALS = ['SIGTERM', 'SIGINT'] as const;
export type StopSignal = (typeof SIGNALS)[number];

export interface StopRequest {
  /** The first SIGTERM or SIGINT, once it arrived. */
  readonly signal: StopSignal | undefined;
  /** Resolves with the first signal and when it arrived (epoch ms). */
  readonly received: Promise<{ signal: StopSignal; at: number }>;
}

/**
 * Takes SIGTERM and SIGINT away from their default (dying on the spot, which leaves requests
 * reset and lets no exit hook run, so a child process would outlive us) from the moment this is
 * called: the first asks for a clean stop, which must end within `deadlineMs`, or the process
 * exits 1 anyway; a second one exits at once. Either exit runs the 'exit' hooks, which kill
 * the child processes still tracked (the bundled search engine, even one still starting).
 */
export function listenForStop(deadlineMs: number, log: (message: string) => void): StopRequest {
  let first: StopSignal | undefined;
  let received!: (value: { signal: StopSignal; at: number }) => void;
  const request = {
    get signal() {
      return first;
    },
    received: new Promise<{ signal: StopSignal; at: number }>((resolve) => (received = resolve)),
  };
  const onSignal = (signal: StopSignal) => {
    if (first) {
      log(`${signal} again: stopping now`);
      process.exit(1);
    }
    first = signal;
    log(`${signal}: stopping (at most ${deadlineMs / 1000} s)`);
    setTimeout(() => {
      log(`not stopped within ${deadlineMs / 1000} s: exiting anyway`);
      process.exit(1);
    }, deadlineMs).unref();
    received({ signal, at: Date.now() });
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return request;
}
