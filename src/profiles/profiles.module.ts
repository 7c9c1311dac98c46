import { Module } from '@nestjs/common';
import { ExpertsModule } from '../experts/experts.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PeopleModule } from '../people/people.module.js';
import { ProfileReminders } from './profile-reminders.service.js';
import { ProfilesResolver } from './profiles.resolver.js';
import { ProfilesService } from './profiles.service.js';

/**
 * Experts keeping their profiles current: their own edits and confirmations (through the experts
 * service), the staff's list of stale profiles, and the reminders mailed for them.
 */
@Module({
  imports: [ExpertsModule, PeopleModule, NotificationsModule],
  providers: [ProfilesService, ProfilesResolver, ProfileReminders],
})
export class ProfilesModule {}
