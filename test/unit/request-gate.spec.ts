import { describe, expect, it } from '@jest/globals';
import { loadEnvironment } from '../../src/config/environment.js';
import { type Leave, RequestGate } from '../../src/edge/request-gate.js';

const gateOf = (running: number, waiting: number) =>
  new RequestGate(
    loadEnvironment({
      GRAPHQL_MAX_IN_FLIGHT: String(running),
      GRAPHQL_MAX_WAITING: String(waiting),
    }),
  );

describe('RequestGate', () => {
  it('runs up to its limit at once, queues the rest and refuses beyond the queue', () => {
    const gate = gateOf(2, 1);
    const started: string[] = [];
    const leaves = ['a', 'b', 'c'].map((name) => gate.admit(() => started.push(name)));
    expect(started).toEqual(['a', 'b']);
    expect(gate.load).toEqual({ running: 2, waiting: 1 });
    expect(gate.admit(() => started.push('d'))).toBeUndefined();
    expect(started).toEqual(['a', 'b']); // refused, never started

    leaves[1]?.();
    expect(started).toEqual(['a', 'b', 'c']);
    expect(gate.load).toEqual({ running: 2, waiting: 0 });
  });

  it('hands each freed place to the longest-waiting request', () => {
    const gate = gateOf(1, 10);
    const started: number[] = [];
    const leaves: Leave[] = [];
    for (let i = 0; i < 5; i++) leaves.push(gate.admit(() => started.push(i)) as Leave);
    for (const leave of leaves) leave();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('forgets a request whose client left while it waited', () => {
    const gate = gateOf(1, 10);
    const started: string[] = [];
    const first = gate.admit(() => started.push('first')) as Leave;
    const gone = gate.admit(() => started.push('gone')) as Leave;
    gate.admit(() => started.push('next'));
    gone();
    first();
    expect(started).toEqual(['first', 'next']);
    expect(gate.load).toEqual({ running: 1, waiting: 0 });
  });

  it('counts a place once however often it is released', () => {
    const gate = gateOf(1, 10);
    const first = gate.admit(() => undefined) as Leave;
    const second = gate.admit(() => undefined) as Leave;
    const third = gate.admit(() => undefined) as Leave;
    first();
    first(); // 'close' after 'finish', or a second listener: must not free the place twice
    expect(gate.load).toEqual({ running: 1, waiting: 1 });
    second();
    third();
    third();
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses at once when no request may wait', () => {
    const gate = gateOf(1, 0);
    gate.admit(() => undefined);
    expect(gate.admit(() => undefined)).toBeUndefined();
  });
});
