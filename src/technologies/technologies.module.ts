import { Module } from '@nestjs/common';
import { SearchModule } from '../search/search.module.js';
import { TechnologiesResolver } from './technologies.resolver.js';
import { TechnologiesService } from './technologies.service.js';

@Module({
  imports: [SearchModule],
  providers: [TechnologiesResolver, TechnologiesService],
  exports: [TechnologiesService],
})
export class TechnologiesModule {}
