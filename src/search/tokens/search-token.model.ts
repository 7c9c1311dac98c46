import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum SearchIndexName {
  EXPERTS = 'EXPERTS',
  ORGANISATIONS = 'ORGANISATIONS',
  TECHNOLOGIES = 'TECHNOLOGIES',
}
registerEnumType(SearchIndexName, { name: 'SearchIndexName' });

@ObjectType({
  description:
    'A Meilisearch tenant token for searching straight from a browser (meilisearch JS client or instant-meilisearch). Search only; filtered to what the key may see.',
})
export class SearchToken {
  @Field({
    description:
      "Where to search with the token (the client's host): Kenner's own /search, or MEILI_PUBLIC_HOST when the operator set it.",
  })
  host!: string;
  @Field({ description: 'Pass as the apiKey of the Meilisearch client.' }) token!: string;
  @Field(() => [String], { description: 'The index uids the token may search.' })
  indexes!: string[];
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
}

@ObjectType()
export class SearchTokenKeyRotation {
  @Field(() => GraphQLISODateTime, {
    description: 'Every search token signed before this instant stopped working.',
  })
  rotatedAt!: Date;
}
