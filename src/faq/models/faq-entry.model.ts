import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Language } from '../../common/i18n/language.js';
import { FaqStatus } from '../faq-entry.entity.js';

registerEnumType(FaqStatus, {
  name: 'FaqStatus',
  description: 'DRAFT entries are seen by staff only; PUBLISHED ones by everyone.',
});

@ObjectType('FaqTranslation')
export class FaqTranslationModel {
  @Field(() => Language) language!: Language;
  @Field() question!: string;
  @Field() answer!: string;
}

@ObjectType('FaqEntry', { description: 'A question and its answer, curated by the staff.' })
export class FaqEntryModel {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'A root technique’s id (a top category), or GENERAL.' })
  categoryId!: string;
  @Field(() => Int, { description: 'Place within its category, smallest first.' })
  position!: number;
  @Field(() => FaqStatus) status!: FaqStatus;
  @Field(() => [FaqTranslationModel], { description: 'In the order EN, FR, DE, NL.' })
  translations!: FaqTranslationModel[];
  @Field(() => ID, {
    nullable: true,
    description: 'The forum answer it was drafted from (a copy; the answer may have changed).',
  })
  sourceAnswerId!: string | null;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}
