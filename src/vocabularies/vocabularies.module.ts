import { Module } from '@nestjs/common';
import { MaterialsResolver, SectorsResolver } from './vocabulary.resolver.js';
import { MaterialsService, SectorsService } from './vocabulary.service.js';

@Module({
  providers: [MaterialsService, SectorsService, MaterialsResolver, SectorsResolver],
  exports: [MaterialsService, SectorsService],
})
export class VocabulariesModule {}
