import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** For load balancers and `docker compose`: 200 while the database answers, 503 otherwise. */
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  async check() {
    const started = Date.now();
    try {
      await this.db.query('SELECT 1');
    } catch {
      throw new HttpException(
        { status: 'error', database: { status: 'down' } },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
    return {
      status: 'ok',
      database: { status: 'up', driver: this.db.options.type, latencyMs: Date.now() - started },
    };
  }
}
