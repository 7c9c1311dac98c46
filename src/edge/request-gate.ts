import { Injectable } from '@nestjs/common';
import { Environment } from '../config/environment.js';

/** Releases a place taken by `admit`, or withdraws a request still waiting; safe to call twice. */
export type Leave = () => void;

/**
 * How many GraphQL requests execute at once; the rest wait their turn in arrival order.
 *
 * Why bound it: Node (libuv ≥ 1.45, libuv/libuv#3696) accepts one new connection per turn of the
 * event loop. With every request executing at once, each turn serves hundreds of them and grows
 * long, so under saturation new connections sat in the kernel's accept queue for the whole run.
 * At 200 connections for 60 s on 20,000 experts: unbounded, 864 requests timed out (10 s); with
 * 32 running, 276; with 4, none, at the best throughput (69 req/s), and a request waits about as
 * long as the ones ahead of it take (first come, first served).
 */
@Injectable()
export class RequestGate {
  private running = 0;
  // A Map keeps insertion order (the queue) and withdraws a departed client in O(1); each
  // waiting request's start maps to its refusal.
  private readonly waiting = new Map<() => void, () => void>();

  constructor(env: Environment) {
    this.maxRunning = env.GRAPHQL_MAX_IN_FLIGHT;
    this.maxWaiting = env.GRAPHQL_MAX_WAITING;
  }

  readonly maxRunning: number;
  readonly maxWaiting: number;

  /**
   * Calls `start` now if a place is free, else once the requests ahead of it have left. Returns
   * undefined, without calling `start`, when the queue is already full. `refuse` is called
   * instead of `start` if the queue is emptied by {@link refuseWaiting} (at shutdown).
   */
  admit(start: () => void, refuse: () => void = () => undefined): Leave | undefined {
    let state: 'waiting' | 'running' | 'left' = 'waiting';
    const run = () => {
      state = 'running';
      start();
    };
    if (this.running < this.maxRunning) {
      this.running++;
      run();
    } else if (this.waiting.size < this.maxWaiting) {
      this.waiting.set(run, () => {
        state = 'left';
        refuse();
      });
    } else {
      return undefined;
    }
    return () => {
      if (state === 'waiting') this.waiting.delete(run);
      else if (state === 'running') this.handOver();
      state = 'left';
    };
  }

  /** Refuses every request still waiting (none of them has started); returns how many. */
  refuseWaiting(): number {
    const refusals = [...this.waiting.values()];
    this.waiting.clear();
    for (const refuse of refusals) refuse();
    return refusals.length;
  }

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.size };
  }

  /** A place came free: the longest-waiting request takes it, else it stays free. */
  private handOver(): void {
    const [next] = this.waiting.keys();
    if (next === undefined) {
      this.running--;
      return;
    }
    this.waiting.delete(next);
    next();
  }
}
