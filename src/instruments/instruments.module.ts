import { Module } from '@nestjs/common';
import { SearchModule } from '../search/search.module.js';
import { InstrumentsResolver, OrganisationInstrumentsResolver } from './instruments.resolver.js';
import { InstrumentsService } from './instruments.service.js';

@Module({
  imports: [SearchModule],
  providers: [InstrumentsResolver, OrganisationInstrumentsResolver, InstrumentsService],
  exports: [InstrumentsService],
})
export class InstrumentsModule {}
