import { Module } from '@nestjs/common';
import { TechnologiesResolver } from './technologies.resolver.js';
import { TechnologiesService } from './technologies.service.js';

@Module({
  providers: [TechnologiesResolver, TechnologiesService],
  exports: [TechnologiesService],
})
export class TechnologiesModule {}
