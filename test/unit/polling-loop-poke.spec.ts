import { Logger } from '@nestjs/common';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { PollingLoop } from '../../src/common/workers/polling-loop.js';

/** Without PostgreSQL there is no advisory lock: batches simply run. */
const SQLITE = { options: { type: 'better-sqlite3' } } as DataSource;

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

/** A loop whose idle wait is a minute: only a poke makes it look again within the test. */
function idleLoop(batch: () => Promise<number>) {
  const loop = new PollingLoop({
    db: SQLITE,
    logger: new Logger('test'),
    lockKey: 1,
    batch,
    idleMs: 60_000,
    maxBackoffMs: 60_000,
  });
  loops.push(loop);
  return loop;
}

const loops: PollingLoop[] = [];
afterEach(async () => {
  for (const loop of loops.splice(0)) await loop.pause();
});

describe('PollingLoop.poke', () => {
  it('ends the idle wait at once', async () => {
    let runs = 0;
    const loop = idleLoop(() => Promise.resolve((runs++, 0)));
    loop.resume();
    await until(() => runs === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(runs).toBe(1); // idle: waiting its minute
    loop.poke();
    await until(() => runs === 2);
    expect(runs).toBe(2);
  });

  it('during a batch, skips the idle wait that follows it (the batch may have read too early)', async () => {
    let runs = 0;
    let release!: () => void;
    const loop = idleLoop(async () => {
      runs++;
      if (runs === 1) await new Promise<void>((r) => (release = r));
      return 0;
    });
    loop.resume();
    await until(() => runs === 1);
    loop.poke();
    release();
    await until(() => runs === 2);
    expect(runs).toBe(2);
    await new Promise((r) => setTimeout(r, 50));
    expect(runs).toBe(2); // one poke, one extra look
  });

  it('keeps the wait after a failed batch (the backoff)', async () => {
    let runs = 0;
    const loop = idleLoop(() => (runs++, Promise.reject(new Error('engine down'))));
    loop.resume();
    await until(() => runs === 1);
    loop.poke();
    await new Promise((r) => setTimeout(r, 100));
    expect(runs).toBe(1);
  });
});
