import { Module } from '@nestjs/common';
import { DemandGapsService } from './demand-gaps.service.js';
import { DemandResolver } from './demand.resolver.js';
import { DemandService } from './demand.service.js';

/**
 * Demand insight: what people search and ask for, without who asked. Search records into it
 * through `DemandInterceptor` (which Nest builds inside the module of the resolver it decorates,
 * from the exported `DemandService`), inquiries through `DemandService` itself.
 */
@Module({
  providers: [DemandService, DemandGapsService, DemandResolver],
  exports: [DemandService],
})
export class DemandModule {}
