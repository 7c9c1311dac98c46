import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Node } from '../../common/graphql/node.interface.js';
import { SkillLevel } from '../expert-skill.entity.js';
import { ServiceKind, Visibility } from '../expert.entity.js';

@ObjectType('ExpertSkill', { description: 'What an expert can do with one technique.' })
export class ExpertSkillModel {
  technologyDbId!: string;
  @Field(() => SkillLevel) level!: SkillLevel;
  @Field(() => Int, { nullable: true, description: 'Years of practice.' }) years!: number | null;
}

@ObjectType('Expert', {
  implements: () => [Node],
  description: 'A person who can analyse materials, with their skills and organisation.',
})
export class ExpertModel implements Node {
  readonly __typename = 'Expert';
  @Field(() => ID) id!: string;
  dbId!: string;
  organisationDbId!: string;
  @Field() name!: string;
  @Field() jobTitle!: string;
  @Field() bio!: string;
  @Field(() => [String], { description: 'ISO 639-1 codes.' }) languages!: string[];
  @Field(() => [ServiceKind]) services!: ServiceKind[];
  @Field(() => Visibility) visibility!: Visibility;
  /** Resolved by `ExpertsResolver.email`/`phone`, which apply the contact rule. */
  email!: string | null;
  phone!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) consentAt!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  lastVerifiedAt!: string | null;
  @Field({
    description:
      'False when the expert asked not to be contacted directly: reach them through the cluster staff.',
  })
  acceptsDirectContact!: boolean;
  @Field({
    description: 'False when the expert is not mailed new forum questions on their techniques.',
  })
  notifyOfQuestions!: boolean;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}
