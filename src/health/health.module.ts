import { Module } from '@nestjs/common';
import { EdgeModule } from '../edge/edge.module.js';
import { SearchModule } from '../search/search.module.js';
import { HealthController } from './health.controller.js';

@Module({ imports: [EdgeModule, SearchModule], controllers: [HealthController] })
export class HealthModule {}
