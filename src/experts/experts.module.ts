import { Module } from '@nestjs/common';
import { SearchModule } from '../search/search.module.js';
import {
  ExpertSkillResolver,
  ExpertsResolver,
  OrganisationExpertsResolver,
  TechnologyExpertsResolver,
} from './experts.resolver.js';
import { ExpertsService } from './experts.service.js';

@Module({
  imports: [SearchModule],
  providers: [
    ExpertsService,
    ExpertsResolver,
    ExpertSkillResolver,
    OrganisationExpertsResolver,
    TechnologyExpertsResolver,
  ],
  exports: [ExpertsService],
})
export class ExpertsModule {}
