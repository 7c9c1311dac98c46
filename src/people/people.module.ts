import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PeopleResolver } from './people.resolver.js';
import { PeopleService } from './people.service.js';
import { PersonalDataOfPeople } from './personal-data-of-people.js';
import { SessionsResolver } from './sessions.resolver.js';
import { SessionsService } from './sessions.service.js';
import { SignInLimits } from './sign-in-limits.js';
import { RateLimitsModule } from '../rate-limits/rate-limits.module.js';
import { SignInResolver } from './sign-in.resolver.js';
import { SignInService } from './sign-in.service.js';

/**
 * People who sign in (members, experts, staff): sign-in by mailed link, sessions, memberships.
 * The edge reads sessions through the PERSON_SESSIONS seam (edge.module.ts provides it from
 * SessionsService), so auth never imports this module.
 */
@Module({
  imports: [NotificationsModule, RateLimitsModule],
  providers: [
    PeopleService,
    PeopleResolver,
    SessionsService,
    SessionsResolver,
    SignInLimits,
    SignInService,
    SignInResolver,
    PersonalDataOfPeople,
  ],
  exports: [SessionsService, SignInService, PersonalDataOfPeople],
})
export class PeopleModule {}
