import { Module } from '@nestjs/common';
import { EdgeModule } from '../edge/edge.module.js';
import { HealthController } from './health.controller.js';

@Module({ imports: [EdgeModule], controllers: [HealthController] })
export class HealthModule {}
