import { Module } from '@nestjs/common';
import { ClusterOrganisationsResolver, OrganisationsResolver } from './organisations.resolver.js';
import { OrganisationsService } from './organisations.service.js';

@Module({
  providers: [OrganisationsResolver, ClusterOrganisationsResolver, OrganisationsService],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
