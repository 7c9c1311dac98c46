import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Node } from '../../common/graphql/node.interface.js';
import { TranslatedNames } from '../../common/graphql/translated-names.model.js';

@ObjectType('Technology', {
  implements: () => [Node],
  description: 'An analytical technique (XRD, SEM, DSC…) in a taxonomy tree.',
})
export class TechnologyModel implements Node {
  readonly __typename = 'Technology';
  @Field(() => ID) id!: string;
  dbId!: string;
  parentDbId!: string | null;
  categoryDbId!: string | null;
  @Field() slug!: string;
  @Field({ description: 'English name.' }) name!: string;
  @Field(() => TranslatedNames) names!: TranslatedNames;
  @Field(() => [String]) acronyms!: string[];
  @Field(() => [String]) synonyms!: string[];
  @Field() description!: string;
  @Field(() => String, { nullable: true }) chameoId!: string | null;
  @Field(() => String, { nullable: true }) chmoId!: string | null;
  @Field(() => String, { nullable: true }) wikidataId!: string | null;
}
