import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RequestGate } from '../edge/request-gate.js';
import { SearchEngine } from '../search/engine/search-engine.service.js';
import { outboxLag } from '../search/outbox/outbox-lag.js';
import { refusedSettings } from '../search/outbox/parked-settings.js';

/**
 * For load balancers, `docker compose` and operators: 200 while the database and the search
 * engine answer, 503 otherwise, with whether search is in sync, how far it lags behind the
 * database, and how many GraphQL requests are running and waiting (see request-gate.ts):
 * saturation shows as waiting. 200 does not wait for sync: answers are served meanwhile.
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
    const up = await this.engine.healthy();
    const outbox = database.status === 'up' ? await outboxLag(this.db) : null;
    // What a script or a load balancer waits for after a start or an import. Parked documents
    // (refused by the engine) do not count: the relay never retries them on its own, so waiting
    // for them would wait forever; they show in `outbox.parked` and in the error log instead.
    const search: { status: string; inSync: boolean; settingsError?: string } = {
      status: up ? 'up' : 'down',
      inSync: up && outbox?.pending === 0,
    };
    // Settings the engine refused (synonyms from a row holding invalid text): search answers, with
    // the previous synonyms, so the status stays 200; the error is for the operator to act on.
    const settingsError = database.status === 'up' ? await refusedSettings(this.db) : null;
    if (settingsError) search.settingsError = settingsError;
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
