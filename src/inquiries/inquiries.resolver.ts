import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Requires } from '../auth/access.guard.js';
import { Role } from '../auth/caller.js';
import { ConnectionType } from '../common/pagination/connection.model.js';
import { ExpertModel } from '../experts/models/expert.model.js';
import type { RequestContext } from '../graphql/loaders.js';
import {
  AddInquiryNoteArgs,
  AssignInquiryArgs,
  InquiriesArgs,
  InquiryArgs,
  IntroduceExpertsArgs,
  SubmitInquiryInput,
  TransitionInquiryArgs,
} from './dto/inquiry.inputs.js';
import { InquiriesService } from './inquiries.service.js';
import { toHistoryEntry } from './inquiry.mapper.js';
import { InquiryHistoryEntry, InquiryModel, SubmittedInquiry } from './models/inquiry.model.js';

export const InquiryConnection = ConnectionType(InquiryModel, 'Inquiry');

/** Anyone may submit an inquiry; everything else about inquiries is for staff. */
@Resolver(() => InquiryModel)
export class InquiriesResolver {
  constructor(private readonly service: InquiriesService) {}

  @Requires(Role.ANONYMOUS)
  @Mutation(() => SubmittedInquiry, {
    description:
      'Asks the cluster staff to find experts. Open to everyone; answers a reference. Limited per requester e-mail and per client (RATE_LIMITED).',
  })
  submitInquiry(@Args('input') input: SubmitInquiryInput, @Context() ctx: RequestContext) {
    return this.service.submit(input, ctx.caller, ctx.client);
  }

  @Requires(Role.STAFF)
  @Query(() => InquiryConnection, { description: 'Inquiries, newest first. Staff only.' })
  inquiries(@Args() args: InquiriesArgs) {
    return this.service.list(args);
  }

  @Requires(Role.STAFF)
  @Query(() => InquiryModel, { description: 'One inquiry by id or reference. Staff only.' })
  inquiry(@Args() args: InquiryArgs) {
    return this.service.get(args.id);
  }

  @ResolveField(() => [InquiryHistoryEntry], { description: 'Oldest first.' })
  async history(@Parent() inquiry: InquiryModel) {
    return (await this.service.history(inquiry.dbId)).map(toHistoryEntry);
  }

  @ResolveField(() => [ExpertModel], { description: 'Experts introduced to the requester.' })
  introducedExperts(@Parent() inquiry: InquiryModel) {
    return this.service.introductions(inquiry.dbId);
  }

  @Mutation(() => InquiryModel, {
    description: 'Moves an inquiry along its workflow (see InquiryStatus). Staff only.',
  })
  transitionInquiry(@Args() args: TransitionInquiryArgs, @Context() ctx: RequestContext) {
    return this.service.transition(args.id, args.to, args.note, ctx.caller);
  }

  @Mutation(() => InquiryModel, { description: 'Adds a note to the history. Staff only.' })
  addInquiryNote(@Args() args: AddInquiryNoteArgs, @Context() ctx: RequestContext) {
    return this.service.addNote(args.id, args.note, ctx.caller);
  }

  @Mutation(() => InquiryModel, { description: 'Sets who handles the inquiry. Staff only.' })
  assignInquiry(@Args() args: AssignInquiryArgs, @Context() ctx: RequestContext) {
    return this.service.assign(args.id, args.assignee, ctx.caller);
  }

  @Mutation(() => [ExpertModel], {
    description:
      'Puts the requester in touch with experts and mails both sides; MATCHED → INTRODUCED. Staff only.',
  })
  introduceExperts(@Args() args: IntroduceExpertsArgs, @Context() ctx: RequestContext) {
    return this.service.introduce(args, ctx.caller);
  }
}
