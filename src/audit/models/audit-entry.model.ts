import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../../auth/caller.js';

@ObjectType('AuditEntry', {
  description: 'A write: which key or signed-in person, what, when.',
})
export class AuditEntryModel {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field(() => ID, { nullable: true, description: 'The API key that made the write.' })
  keyId!: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The signed-in person who made the write (the id `me` shows); a pseudonym once the person was erased.',
  })
  personId!: string | null;
  @Field(() => Role) role!: Role;
  @Field({ description: 'The mutation, e.g. updateExpert.' }) action!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Global id of the object written; a pseudonym once the person was erased.',
  })
  subject!: string | null;
}
