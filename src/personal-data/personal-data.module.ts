import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { DemandModule } from '../demand/demand.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PeopleModule } from '../people/people.module.js';
import { SearchModule } from '../search/search.module.js';
import { ErasurePseudonyms } from './erasure-pseudonyms.js';
import { PersonalDataResolver } from './personal-data.resolver.js';
import { PersonalDataService } from './personal-data.service.js';

@Module({
  imports: [SearchModule, NotificationsModule, DemandModule, PeopleModule, ConversationsModule],
  providers: [ErasurePseudonyms, PersonalDataService, PersonalDataResolver],
})
export class PersonalDataModule {}
