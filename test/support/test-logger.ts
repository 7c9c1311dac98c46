import { inspect } from 'node:util';
import { ConsoleLogger, type LoggerService, type LogLevel } from '@nestjs/common';

/** Where test/support/jest-environment.mjs collects the lines of the running test. */
const kept = () => (globalThis as { __KENNER_TEST_LOG__?: string[] }).__KENNER_TEST_LOG__;

const show = (value: unknown): string =>
  typeof value === 'string' ? value : value instanceof Error ? `${value.stack}` : inspect(value);

const KEPT: LogLevel[] = ['fatal', 'error', 'warn'];
const LIVE: LogLevel[] = ['fatal', 'error', 'warn', 'log'];

/**
 * The logger of test apps. Tests provoke failures on purpose (a stopped engine, poison
 * documents), and the app rightly logs them as errors: printed as they came, they made a green
 * run read red. Its warnings and errors are kept instead, and the test environment
 * (jest-environment.mjs) prints them under the name of a test that fails, so nothing is lost when
 * it matters. `TEST_LOGS=1` prints everything from `log` up as it comes.
 */
export class TestLogger implements LoggerService {
  private readonly live =
    process.env.TEST_LOGS === '1' || !kept() ? new ConsoleLogger({ logLevels: LIVE }) : undefined;

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: LogLevel, message: unknown, params: unknown[]): void {
    // Printed live under TEST_LOGS=1, and kept either way: a test may read what the app logged.
    if (this.live) this.live[level](message, ...params);
    if (!KEPT.includes(level)) return;
    // Nest's Logger passes the context last; an error's stack comes before it.
    const context = params.length ? `[${String(params.at(-1))}] ` : '';
    const rest = params.slice(0, -1).filter((p) => p !== undefined);
    const text = [message, ...rest].map(show).join('\n');
    kept()?.push(`${level.toUpperCase()} ${context}${text}`);
  }
}
