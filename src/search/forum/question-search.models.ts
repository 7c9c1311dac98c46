import { Field, ID, ObjectType } from '@nestjs/graphql';
import { QuestionModel } from '../../forum/models/forum.models.js';
import { SearchHighlight } from '../faceting/facet.models.js';

@ObjectType()
export class QuestionSearchHit {
  @Field(() => QuestionModel) question!: QuestionModel;
  @Field(() => ID, {
    nullable: true,
    description: 'Staff only: the hidden answer of the question that matched.',
  })
  hiddenAnswerId!: string | null;
  @Field(() => [SearchHighlight], {
    description: 'Fields are `title`, `body`, `acceptedAnswer`, `answers`.',
  })
  highlights!: SearchHighlight[];
}
