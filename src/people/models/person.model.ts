import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Language } from '../../common/i18n/language.js';
import { ExpertModel } from '../../experts/models/expert.model.js';
import { OrganisationModel } from '../../organisations/models/organisation.model.js';
import { PersonRole } from '../person-roles.js';
import { StaffRole } from '../person.entity.js';

registerEnumType(StaffRole, {
  name: 'StaffRole',
  description: 'Cluster staff: STAFF reads and writes everything; ADMIN also manages keys.',
});

@ObjectType('Person', {
  description:
    'Someone who signs in: a member of an organisation, an expert, cluster staff. Seen only by themselves and by staff.',
})
export class PersonModel {
  @Field(() => ID, { description: 'A plain id: people are not graph nodes.' }) id!: string;

  /** Storage ids the field resolvers load from. */
  organisationDbId!: string | null;
  expertDbId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only for the person themselves and for staff; null for anyone else.',
  })
  email!: string | null;

  @Field({ description: 'Empty when they signed in by their domain and gave none yet.' })
  name!: string;

  @Field(() => Language) preferredLanguage!: Language;

  @Field(() => [PersonRole], { description: 'What their memberships make them.' })
  roles!: PersonRole[];

  @Field(() => StaffRole, { nullable: true }) staffRole!: StaffRole | null;

  @Field(() => OrganisationModel, { nullable: true }) organisation?: OrganisationModel | null;

  @Field(() => ExpertModel, {
    nullable: true,
    description: 'The expert profile that is theirs, whatever its visibility.',
  })
  expert?: ExpertModel | null;

  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastSignInAt!: Date | null;
}

@ObjectType('Session', { description: 'A signed-in browser or app of the person.' })
export class SessionModel {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'To the minute.' }) lastUsedAt!: Date;
  @Field(() => GraphQLISODateTime, {
    description: 'When it ends unless used again (inactivity), or at the latest.',
  })
  expiresAt!: Date;
  @Field({ description: 'The User-Agent it signed in with, truncated.' }) userAgent!: string;
  @Field({ description: 'The session of this request.' }) current!: boolean;
}

@ObjectType('SignIn')
export class SignInModel {
  @Field({
    description:
      'Send as `Authorization: Bearer <sessionToken>`. Shown only now; it ends with signOut, after inactivity, or at the latest at session.expiresAt.',
  })
  sessionToken!: string;
  @Field(() => SessionModel) session!: SessionModel;
  @Field(() => PersonModel) person!: PersonModel;
}

@ObjectType('SignInRequested', {
  description: 'The same answer whether or not the address may sign in.',
})
export class SignInRequestedModel {
  @Field() message!: string;
  @Field(() => Int) linkValidMinutes!: number;
}

@ObjectType('SessionsEnded')
export class SessionsEndedModel {
  @Field(() => Int) count!: number;
}

@ObjectType('OrganisationSignInDomains', {
  description: 'E-mail domains whose addresses may sign in as members of the organisation.',
})
export class SignInDomainsModel {
  @Field(() => ID) organisationId!: string;
  @Field(() => [String]) domains!: string[];
}
