import { Field, Float, ObjectType } from '@nestjs/graphql';
import { SkillLevel } from '../../experts/expert-skill.entity.js';
import { ExpertModel } from '../../experts/models/expert.model.js';
import { InstrumentModel } from '../../instruments/models/instrument.model.js';
import { TechnologyModel } from '../../technologies/models/technology.model.js';
import { MaterialModel } from '../../vocabularies/models/vocabulary.models.js';
import { RecognisedTechnology } from '../../search/understanding/models/query-understanding.models.js';

@ObjectType({ description: 'Why an expert fits one requested technique.' })
export class TechniqueMatch {
  @Field(() => TechnologyModel) technology!: TechnologyModel;
  @Field(() => [String], { description: 'The words of the request that named it.' })
  matchedBy!: string[];
  @Field(() => SkillLevel) level!: SkillLevel;
  @Field(() => [InstrumentModel], { description: "The organisation's instruments for it." })
  instruments!: InstrumentModel[];
}

@ObjectType({ description: 'One expert for a request, with the reasons.' })
export class ExpertMatch {
  @Field(() => ExpertModel) expert!: ExpertModel;
  @Field(() => Float, { description: 'Higher is better; only comparable within one answer.' })
  score!: number;
  @Field(() => [TechniqueMatch]) matchedTechnologies!: TechniqueMatch[];
  @Field(() => [MaterialModel]) matchedMaterials!: MaterialModel[];
  @Field(() => Float, { nullable: true, description: 'From the requested place, in km.' })
  distanceKm!: number | null;
  @Field(() => [String], { description: 'Languages the expert shares with the request.' })
  languagesInCommon!: string[];
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) lastVerifiedAt!:
    string | null;
}

@ObjectType()
export class MatchResult {
  @Field(() => [RecognisedTechnology]) technologies!: RecognisedTechnology[];
  @Field(() => [MaterialModel]) materials!: MaterialModel[];
  @Field(() => String, { nullable: true, description: 'The town recognised in the text.' })
  place!: string | null;
  @Field(() => String, { nullable: true, description: 'The language of the request.' })
  language!: string | null;
  @Field(() => [ExpertMatch]) matches!: ExpertMatch[];
}
