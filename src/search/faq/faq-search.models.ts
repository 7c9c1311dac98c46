import { Field, ObjectType } from '@nestjs/graphql';
import { FaqEntryModel } from '../../faq/models/faq-entry.model.js';
import { SearchHighlight } from '../faceting/facet.models.js';

@ObjectType()
export class FaqSearchHit {
  @Field(() => FaqEntryModel) entry!: FaqEntryModel;
  @Field(() => [SearchHighlight], {
    description: 'Fields are `question_en`, `answer_fr`… (kind and language).',
  })
  highlights!: SearchHighlight[];
}
