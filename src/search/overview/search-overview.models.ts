import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ExpertSearchHit } from '../experts/models/expert-search.models.js';
import { FaqSearchHit } from '../faq/faq-search.models.js';
import { QuestionSearchHit } from '../forum/question-search.models.js';
import { OrganisationSearchHit } from '../organisations/models/organisation-search.models.js';
import { TechnologySearchHit } from '../technologies/models/technology-search.models.js';

@ObjectType({ description: 'The best matches of each kind for one query.' })
export class SearchOverview {
  @Field(() => [ExpertSearchHit]) experts!: ExpertSearchHit[];
  @Field(() => Int, { description: 'How many experts match in all (estimated).' })
  expertTotal!: number;
  @Field(() => [OrganisationSearchHit]) organisations!: OrganisationSearchHit[];
  @Field(() => Int) organisationTotal!: number;
  @Field(() => [TechnologySearchHit]) technologies!: TechnologySearchHit[];
  @Field(() => Int) technologyTotal!: number;
  @Field(() => [FaqSearchHit], {
    description:
      'Published FAQ entries (staff: drafts too), in every language they are written in.',
  })
  faqEntries!: FaqSearchHit[];
  @Field(() => Int) faqEntryTotal!: number;
  @Field(() => [QuestionSearchHit], {
    description:
      'Forum questions (with their answers) the caller reads: PUBLIC ones, MEMBERS ones of their clusters; staff all, hidden posts included.',
  })
  questions!: QuestionSearchHit[];
  @Field(() => Int) questionTotal!: number;
  @Field(() => Int) processingTimeMs!: number;
}
