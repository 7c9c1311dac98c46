import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RequestGate } from '../edge/request-gate.js';
import { SearchEngine } from '../search/engine/search-engine.service.js';
import { outboxLag } from '../search/outbox/outbox-lag.js';

/**
 * For load balancers, `docker compose` and operators: 200 while the database and the search
 * engine answer, 503 otherwise, with how far search lags behind the database and how many
 * GraphQL requests are running and waiting (see request-gate.ts): saturation shows as waiting.
 */
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly engine: SearchEngine,
    private readonly gate: RequestGate,
  ) {}

  @Get()
  async check() {
    const started = Date.now();
    const database = await this.db
      .query('SELECT 1')
      .then(() => ({ status: 'up', driver: this.db.options.type, latencyMs: Date.now() - started }))
      .catch(() => ({ status: 'down', driver: this.db.options.type }));
    const search = { status: (await this.engine.healthy()) ? 'up' : 'down' };
    const outbox = database.status === 'up' ? await outboxLag(this.db) : null;
    const body = {
      status: database.status === 'up' && search.status === 'up' ? 'ok' : 'error',
      database,
      search,
      outbox,
      requests: {
        ...this.gate.load,
        maxRunning: this.gate.maxRunning,
        maxWaiting: this.gate.maxWaiting,
      },
    };
    if (body.status !== 'ok') throw new HttpException(body, HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }
}
