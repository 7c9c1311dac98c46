import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { languageOr } from '../common/i18n/language.js';
import type { RequestContext } from '../graphql/loaders.js';
import {
  CreateFaqEntryInput,
  DraftFaqFromAnswerArgs,
  FaqEntriesArgs,
  FaqEntryIdArgs,
  UpdateFaqEntryArgs,
} from './dto/faq.inputs.js';
import { FaqService } from './faq.service.js';
import { FaqEntryModel } from './models/faq-entry.model.js';

/** Everyone reads the published FAQ; staff also see drafts, and only staff write (the default). */
@Resolver(() => FaqEntryModel)
export class FaqResolver {
  constructor(private readonly faq: FaqService) {}

  @Query(() => [FaqEntryModel], {
    description:
      'The FAQ by category and position: published entries (staff also see drafts), at most 1,000.',
  })
  faqEntries(@Args() args: FaqEntriesArgs, @Context() ctx: RequestContext) {
    return this.faq.list(args, ctx.caller);
  }

  @Query(() => FaqEntryModel, { description: 'One entry; a draft is NOT_FOUND except for staff.' })
  faqEntry(@Args() { id }: FaqEntryIdArgs, @Context() ctx: RequestContext) {
    return this.faq.get(id, ctx.caller);
  }

  @Mutation(() => FaqEntryModel, { description: 'A new DRAFT entry. Staff only.' })
  createFaqEntry(@Args('input') input: CreateFaqEntryInput) {
    return this.faq.create(input);
  }

  @Mutation(() => FaqEntryModel, {
    description:
      'Copies an accepted forum answer and its question into a new DRAFT entry linked to the answer, for staff to edit. Staff only.',
  })
  draftFaqFromAnswer(@Args() { answerId, language }: DraftFaqFromAnswerArgs) {
    return this.faq.draftFromAnswer(answerId, languageOr(language));
  }

  @Mutation(() => FaqEntryModel, { description: 'Changes an entry. Staff only.' })
  updateFaqEntry(@Args() { id, input }: UpdateFaqEntryArgs) {
    return this.faq.update(id, input);
  }

  @Mutation(() => FaqEntryModel, { description: 'Shows an entry to everyone. Staff only.' })
  publishFaqEntry(@Args() { id }: FaqEntryIdArgs) {
    return this.faq.setPublished(id, true);
  }

  @Mutation(() => FaqEntryModel, { description: 'Back to DRAFT: staff only see it. Staff only.' })
  unpublishFaqEntry(@Args() { id }: FaqEntryIdArgs) {
    return this.faq.setPublished(id, false);
  }

  @Mutation(() => FaqEntryModel, { description: 'Deletes an entry. Staff only.' })
  deleteFaqEntry(@Args() { id }: FaqEntryIdArgs) {
    return this.faq.delete(id);
  }
}
