import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '../caller.js';

registerEnumType(Role, {
  name: 'Role',
  description: 'ANONYMOUS and PARTNER read; STAFF also writes; ADMIN also manages keys.',
});

@ObjectType('ApiKey', { description: 'An API key; its secret is shown only once, at creation.' })
export class ApiKeyModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Role) role!: Role;
  @Field({ description: 'The first characters of the secret, to tell keys apart.' }) hint!: string;
  @Field(() => [ID], { description: 'Global ids of the clusters a PARTNER key reads for.' })
  clusterIds!: string[];
  @Field(() => [String]) allowedOrigins!: string[];
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKeyModel) apiKey!: ApiKeyModel;
  @Field({ description: 'Send as `Authorization: Bearer <secret>`. Not retrievable later.' })
  secret!: string;
}

@ObjectType({ description: 'Who the current request is, as Kenner sees it.' })
export class Viewer {
  @Field(() => Role) role!: Role;
  @Field(() => [String], { description: 'Slugs of the clusters a PARTNER key reads for.' })
  clusters!: string[];
}
