import { Module } from '@nestjs/common';
import { SearchModule } from '../search/search.module.js';
import { FaqResolver } from './faq.resolver.js';
import { FaqService } from './faq.service.js';

@Module({
  imports: [SearchModule],
  providers: [FaqService, FaqResolver],
})
export class FaqModule {}
