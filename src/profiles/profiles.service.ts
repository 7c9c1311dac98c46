import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller.js';
import { DomainError, ErrorCode } from '../common/errors/domain-error.js';
import { Clock, isoDay, monthsBefore } from '../common/time/clock.js';
import { Environment } from '../config/environment.js';
import type { UpdateMyExpertProfileInput } from '../experts/dto/expert.inputs.js';
import { ExpertsService } from '../experts/experts.service.js';
import { PersonEntity } from '../people/person.entity.js';
import type { StaleProfilesArgs } from './dto/profiles.args.js';

/**
 * Experts keeping their own profiles current. The profile is always the signed-in person's own,
 * found from the session, never named by the request: there is no way to ask for another's.
 * Validation, writes and search sync are the experts service's, the same as for staff edits.
 */
@Injectable()
export class ProfilesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly experts: ExpertsService,
    private readonly clock: Clock,
    private readonly env: Environment,
  ) {}

  async update(caller: Caller, input: UpdateMyExpertProfileInput) {
    return this.experts.updateByExpert(await this.ownProfile(caller), input);
  }

  async confirm(caller: Caller) {
    return this.experts.confirm(await this.ownProfile(caller), isoDay(this.clock.now()));
  }

  stale(args: StaleProfilesArgs) {
    const months = args.olderThanMonths ?? this.env.PROFILE_REMINDER_MONTHS;
    return this.experts.stale(monthsBefore(this.clock.now(), months), args);
  }

  /** The storage id of the caller's expert profile; FORBIDDEN for a person without one. */
  private async ownProfile(caller: Caller): Promise<string> {
    const person = caller.personId
      ? await this.db.getRepository(PersonEntity).findOneBy({ id: caller.personId })
      : null;
    if (!person?.expertId) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'only an expert edits or confirms their own profile: this person has none',
      );
    }
    return person.expertId;
  }
}
