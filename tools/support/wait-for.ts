/**
 * Polls `check` until it returns a value, or fails after `timeoutMs` saying what was awaited
 * (and the last error `check` threw: an answer not there yet is retried, not fatal).
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | null | undefined>,
  timeoutMs: number,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    try {
      const value = await check();
      if (value !== null && value !== undefined) return value;
    } catch (error) {
      lastError = `: ${(error as Error).message}`;
    }
    if (Date.now() > deadline)
      throw new Error(`${what}: not within ${timeoutMs / 1000} s${lastError}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
