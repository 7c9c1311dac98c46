import { describe, expect, it } from '@jest/globals';
import { within } from '../../src/common/time/within.js';

const after = <T>(ms: number, value: T) =>
  new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
// Work that is still going when the test ends: no timer of its own, so nothing outlives the test
// (a pending 500 ms timer kept jest's worker from exiting, "failed to exit gracefully").
const never = new Promise<string>(() => undefined);

describe('within', () => {
  it("answers the work's outcome when it settles in time", async () => {
    await expect(within(after(5, 'done'), 200, () => 'late')).resolves.toBe('done');
    await expect(within(Promise.reject(new Error('failed')), 200, () => 'late')).rejects.toThrow(
      'failed',
    );
  });

  it('answers what `late` returns, or throws, once the time is up', async () => {
    await expect(within(never, 10, () => 'late')).resolves.toBe('late');
    await expect(
      within(never, 10, (): never => {
        throw new Error('too slow');
      }),
    ).rejects.toThrow('too slow');
  });
});
