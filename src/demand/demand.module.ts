import { Global, Module } from '@nestjs/common';
import { DemandGapsService } from './demand-gaps.service.js';
import { DemandInterceptor } from './demand.interceptor.js';
import { DemandResolver } from './demand.resolver.js';
import { DemandService } from './demand.service.js';

/**
 * Demand insight: what people search and ask for, without who asked. Global so that search
 * (through `DemandInterceptor`) and inquiries (through `DemandService`) can record into it.
 */
@Global()
@Module({
  providers: [DemandService, DemandGapsService, DemandInterceptor, DemandResolver],
  exports: [DemandService, DemandInterceptor],
})
export class DemandModule {}
