import { Module } from '@nestjs/common';
import { SearchModule } from '../search/search.module.js';
import { ClusterOrganisationsResolver, OrganisationsResolver } from './organisations.resolver.js';
import { OrganisationsService } from './organisations.service.js';
import { TownsResolver } from './towns.resolver.js';
import { TownsService } from './towns.service.js';

@Module({
  imports: [SearchModule],
  providers: [
    OrganisationsResolver,
    ClusterOrganisationsResolver,
    OrganisationsService,
    TownsResolver,
    TownsService,
  ],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
