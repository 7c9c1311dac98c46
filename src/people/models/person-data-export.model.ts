import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Language } from '../../common/i18n/language.js';
import { StaffRole } from '../person.entity.js';

@ObjectType('SessionDataExport')
export class SessionDataExportModel {
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) lastUsedAt!: Date;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
  @Field() userAgent!: string;
}

@ObjectType('PersonDataExport', {
  description: 'The account of the person whose profile it is: how they sign in, and where.',
})
export class PersonDataExportModel {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() name!: string;
  @Field(() => Language) preferredLanguage!: Language;
  @Field(() => ID, { nullable: true }) organisationId!: string | null;
  @Field(() => StaffRole, { nullable: true }) staffRole!: StaffRole | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastSignInAt!: Date | null;
  @Field(() => [SessionDataExportModel]) sessions!: SessionDataExportModel[];
  @Field(() => Int, { description: 'Sign-in links mailed and kept (used ones for a day).' })
  signInLinks!: number;
}
