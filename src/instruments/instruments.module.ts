import { Module } from '@nestjs/common';
import { InstrumentsResolver, OrganisationInstrumentsResolver } from './instruments.resolver.js';
import { InstrumentsService } from './instruments.service.js';

@Module({
  providers: [InstrumentsResolver, OrganisationInstrumentsResolver, InstrumentsService],
  exports: [InstrumentsService],
})
export class InstrumentsModule {}
