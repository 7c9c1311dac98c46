import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Node } from '../../common/graphql/node.interface.js';
import { OrganisationType } from '../organisation.entity.js';

@ObjectType('Organisation', {
  implements: () => [Node],
  description: 'A company, institute, university or lab that employs experts and owns instruments.',
})
export class OrganisationModel implements Node {
  readonly __typename = 'Organisation';
  @Field(() => ID) id!: string;
  dbId!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) acronym!: string | null;
  @Field(() => [String]) aliases!: string[];
  @Field(() => OrganisationType) type!: OrganisationType;
  @Field() description!: string;
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true }) region!: string | null;
  @Field({ description: 'ISO 3166-1 alpha-2.' }) country!: string;
  @Field(() => Float, { nullable: true }) latitude!: number | null;
  @Field(() => Float, { nullable: true }) longitude!: number | null;
  @Field(() => String, { nullable: true, description: 'ROR id URL.' }) rorId!: string | null;
}
