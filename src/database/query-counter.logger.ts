import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Routes TypeORM's messages to Nest's logger and counts SQL statements. The count is what the
 * N+1 tests and the benchmark's "queries per request" read.
 */
export class QueryCounterLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('SQL');
  private count = 0;

  constructor(private readonly logStatements: boolean) {}

  /** Statements executed since the process started (or since the last `reset`). */
  get queries(): number {
    return this.count;
  }

  reset(): void {
    this.count = 0;
  }

  logQuery(query: string): void {
    this.count += 1;
    if (this.logStatements) this.logger.debug(query);
  }

  logQueryError(error: string | Error, query: string): void {
    this.count += 1;
    this.logger.warn(`${error instanceof Error ? error.message : error} — in: ${query}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${query}`);
  }

  logSchemaBuild(message: string): void {
    if (this.logStatements) this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else if (this.logStatements) this.logger.log(String(message));
  }
}
