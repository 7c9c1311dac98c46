import { Module } from '@nestjs/common';
import { SearchModule } from '../search/search.module.js';
import { ClustersResolver } from './clusters.resolver.js';
import { ClustersService } from './clusters.service.js';

@Module({
  imports: [SearchModule],
  providers: [ClustersResolver, ClustersService],
  exports: [ClustersService],
})
export class ClustersModule {}
