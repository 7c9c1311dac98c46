import { Module } from '@nestjs/common';
import { SearchModule } from '../search/search.module.js';
import { ClusterOrganisationsResolver, OrganisationsResolver } from './organisations.resolver.js';
import { OrganisationsService } from './organisations.service.js';

@Module({
  imports: [SearchModule],
  providers: [OrganisationsResolver, ClusterOrganisationsResolver, OrganisationsService],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
