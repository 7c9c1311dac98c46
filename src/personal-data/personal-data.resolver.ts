import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Requires } from '../auth/access.guard.js';
import { Role } from '../auth/caller.js';
import { ErasureReport, ExpertDataExport } from './models/expert-data-export.model.js';
import { PersonalDataService } from './personal-data.service.js';

@Resolver()
export class PersonalDataResolver {
  constructor(private readonly service: PersonalDataService) {}

  @Requires(Role.STAFF)
  @Query(() => ExpertDataExport, {
    description: 'Everything held on one expert, for an access request. Staff only.',
  })
  exportExpertData(@Args('id', { type: () => ID }) id: string) {
    return this.service.export(id);
  }

  @Mutation(() => ErasureReport, {
    description:
      'Erases an expert: profile, links, search documents; audit entries keep a pseudonym. Staff only.',
  })
  eraseExpert(@Args('id', { type: () => ID }) id: string) {
    return this.service.erase(id);
  }
}
