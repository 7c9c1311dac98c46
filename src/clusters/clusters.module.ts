import { Module } from '@nestjs/common';
import { ClustersResolver } from './clusters.resolver.js';
import { ClustersService } from './clusters.service.js';

@Module({
  providers: [ClustersResolver, ClustersService],
  exports: [ClustersService],
})
export class ClustersModule {}
