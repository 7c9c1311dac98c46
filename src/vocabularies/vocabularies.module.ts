import { Module } from '@nestjs/common';
import { SearchModule } from '../search/search.module.js';
import { MaterialsResolver, SectorsResolver } from './vocabulary.resolver.js';
import { MaterialsService, SectorsService } from './vocabulary.service.js';

@Module({
  imports: [SearchModule],
  providers: [MaterialsService, SectorsService, MaterialsResolver, SectorsResolver],
  exports: [MaterialsService, SectorsService],
})
export class VocabulariesModule {}
