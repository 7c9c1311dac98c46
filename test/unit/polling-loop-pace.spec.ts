import { Logger } from '@nestjs/common';
import { describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { PollingLoop } from '../../src/common/workers/polling-loop.js';

/** Without PostgreSQL there is no advisory lock: batches simply run. */
const SQLITE = { options: { type: 'better-sqlite3' } } as DataSource;

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('PollingLoop pace (busyMs)', () => {
  it('waits busyMs after a batch that found work, and not when draining', async () => {
    let pending = 3;
    const ran: number[] = [];
    const loop = new PollingLoop({
      db: SQLITE,
      logger: new Logger('test'),
      lockKey: 1,
      batch: () => {
        ran.push(Date.now());
        return Promise.resolve(pending > 0 ? (pending--, 1) : 0);
      },
      idleMs: 60_000,
      maxBackoffMs: 60_000,
      busyMs: 150,
    });
    loop.resume();
    await until(() => ran.length >= 3);
    await loop.pause();
    expect(ran).toHaveLength(3);
    expect(ran[1]! - ran[0]!).toBeGreaterThanOrEqual(140);
    expect(ran[2]! - ran[1]!).toBeGreaterThanOrEqual(140);

    pending = 3;
    const started = Date.now();
    expect(await loop.drain()).toBe(3);
    expect(Date.now() - started).toBeLessThan(140);
  });
});

describe('PollingLoop pause', () => {
  it('ends at once when paused during a batch, whatever wait would follow it', async () => {
    let release!: () => void;
    const loop = new PollingLoop({
      db: SQLITE,
      logger: new Logger('test'),
      lockKey: 1,
      batch: () => new Promise<number>((resolve) => (release = () => resolve(1))),
      idleMs: 60_000,
      maxBackoffMs: 60_000,
      busyMs: 60_000,
    });
    loop.resume();
    await until(() => release !== undefined);
    const paused = loop.pause();
    release();
    const started = Date.now();
    await paused;
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
