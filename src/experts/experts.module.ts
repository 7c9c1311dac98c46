import { Module } from '@nestjs/common';
import {
  ExpertSkillResolver,
  ExpertsResolver,
  OrganisationExpertsResolver,
  TechnologyExpertsResolver,
} from './experts.resolver.js';
import { ExpertsService } from './experts.service.js';

@Module({
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
