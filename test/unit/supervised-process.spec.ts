import { type ChildProcess, spawn } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { SupervisedProcess } from '../../src/search/engine/supervised-process.js';

/** A process that runs until it is told to stop. */
const idle = (): ChildProcess =>
  spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });

const exited = (child: ChildProcess): boolean =>
  child.exitCode !== null || child.signalCode !== null;

describe('SupervisedProcess', () => {
  it('stopped while a restart is starting, stops the process that restart started', async () => {
    const children: ChildProcess[] = [];
    let restartCalled!: () => void;
    const restarting = new Promise<void>((resolve) => (restartCalled = resolve));
    let ready!: () => void;
    const startable = new Promise<void>((resolve) => (ready = resolve));
    const supervised = await SupervisedProcess.start({
      name: 'idle',
      restartDelayMs: 10,
      start: async () => {
        const child = idle();
        children.push(child);
        // The restart is slow to get ready (an engine opening its data): held until released.
        if (children.length > 1) {
          restartCalled();
          await startable;
        }
        return child;
      },
    });
    const [first] = children as [ChildProcess];
    try {
      first.kill('SIGKILL');
      await restarting;
      const stopping = supervised.stop();
      ready();
      await stopping;
      expect(children).toHaveLength(2);
      // Nothing runs on after stop(): neither the dead one nor the one its restart started.
      expect(children.map(exited)).toEqual([true, true]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(children).toHaveLength(2);
      expect(supervised.restarts).toBe(0);
    } finally {
      for (const child of children) child.kill('SIGKILL');
    }
  });

  it('stopped while a restart fails, schedules no further attempt', async () => {
    let starts = 0;
    let failing!: () => void;
    const failed = new Promise<void>((resolve) => (failing = resolve));
    const first = idle();
    const supervised = await SupervisedProcess.start({
      name: 'idle',
      restartDelayMs: 10,
      start: async () => {
        if (starts++ === 0) return first;
        await failed;
        throw new Error('would not start');
      },
    });
    first.kill('SIGKILL');
    while (starts < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    const stopping = supervised.stop();
    failing();
    await stopping;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(starts).toBe(2);
  });
});
