import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TechnologyModel } from '../../../technologies/models/technology.model.js';
import { MaterialModel } from '../../../vocabularies/models/vocabulary.models.js';
import { TermCombination } from '../query-understanding.service.js';

registerEnumType(TermCombination, {
  name: 'TermCombination',
  description:
    'ALL: an expert must hold every technique named (and work on every material named); ANY: one is enough ("XRD or SEM", "DRX ou MEB").',
});

@ObjectType({ description: 'A technique the request asked for, and the words that asked.' })
export class RecognisedTechnology {
  @Field(() => TechnologyModel) technology!: TechnologyModel;
  @Field(() => [String], { description: 'The words of the request, e.g. "DRX".' })
  matchedBy!: string[];
}

@ObjectType({ description: 'A material the request named, and the words that named it.' })
export class RecognisedMaterial {
  @Field(() => MaterialModel) material!: MaterialModel;
  @Field(() => [String], { description: 'The words of the request, e.g. "acier".' })
  matchedBy!: string[];
}

@ObjectType({
  description:
    'How the query was read. Techniques it names (in any language, by acronym or synonym, with small typos) narrow the result to experts who hold them or a narrower technique; materials narrow to experts who work on them; the remaining words are searched as text. Empty lists: nothing was recognised (or the query names a person), and the whole query was searched as text.',
})
export class QueryUnderstandingModel {
  @Field(() => [RecognisedTechnology]) technologies!: RecognisedTechnology[];
  @Field(() => [RecognisedMaterial]) materials!: RecognisedMaterial[];
  @Field(() => TermCombination) combination!: TermCombination;
  @Field({ description: 'The words searched as text ("" when every word named something).' })
  text!: string;
}
