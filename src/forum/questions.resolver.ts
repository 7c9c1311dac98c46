import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Requires, SignedIn } from '../auth/access.guard.js';
import { Role } from '../auth/caller.js';
import type { RequestContext } from '../graphql/loaders.js';
import { TechnologyModel } from '../technologies/models/technology.model.js';
import { toTechnologyModel } from '../technologies/technology.mapper.js';
import {
  AskQuestionArgs,
  LockQuestionArgs,
  QuestionIdArgs,
  QuestionsArgs,
  SetQuestionVisibilityArgs,
} from './dto/forum.inputs.js';
import {
  AnswerModel,
  CommentModel,
  ForumCategoryModel,
  GENERAL_CATEGORY,
  QuestionConnection,
  QuestionModel,
} from './models/forum.models.js';
import { PostsService } from './posts.service.js';
import { QuestionsService } from './questions.service.js';

/** Questions; the fields below a question read what its (already checked) reader may see. */
@Resolver(() => QuestionModel)
export class QuestionsResolver {
  constructor(
    private readonly service: QuestionsService,
    private readonly posts: PostsService,
  ) {}

  @SignedIn()
  @Mutation(() => QuestionModel, {
    description:
      'A member (or staff) asks: MEMBERS visibility, in the clusters of their organisation; they follow it, and experts of its techniques are mailed.',
  })
  askQuestion(@Args() args: AskQuestionArgs, @Context() ctx: RequestContext) {
    return this.service.ask(ctx.caller, args);
  }

  @Query(() => QuestionModel, {
    description:
      'PUBLIC questions for anyone; MEMBERS ones for members of its clusters and staff; NOT_FOUND for anyone else (hidden: staff only).',
  })
  question(@Args() { id }: QuestionIdArgs, @Context() ctx: RequestContext) {
    return this.service.question(ctx.caller, id);
  }

  @Query(() => QuestionConnection, {
    description: 'The questions the caller reads, most recently active first.',
  })
  questions(@Args() args: QuestionsArgs, @Context() ctx: RequestContext) {
    return this.service.questions(ctx.caller, args);
  }

  @Query(() => [ForumCategoryModel], {
    description: 'The top categories of the technique taxonomy, then GENERAL.',
  })
  forumCategories() {
    return this.service.categories();
  }

  @SignedIn()
  @Mutation(() => QuestionModel, { description: 'New answers to it are mailed to you.' })
  async followQuestion(@Args() { id }: QuestionIdArgs, @Context() ctx: RequestContext) {
    await this.posts.follow(ctx.caller, id, true);
    return this.service.question(ctx.caller, id);
  }

  @SignedIn()
  @Mutation(() => QuestionModel)
  async unfollowQuestion(@Args() { id }: QuestionIdArgs, @Context() ctx: RequestContext) {
    await this.posts.follow(ctx.caller, id, false);
    return this.service.question(ctx.caller, id);
  }

  @Requires(Role.STAFF)
  @Mutation(() => QuestionModel, { description: 'Staff: MEMBERS or PUBLIC.' })
  setQuestionVisibility(
    @Args() { id, visibility }: SetQuestionVisibilityArgs,
    @Context() ctx: RequestContext,
  ) {
    return this.service.setVisibility(ctx.caller, id, visibility);
  }

  @Requires(Role.STAFF)
  @Mutation(() => QuestionModel, {
    description: 'Staff: a locked question takes no new answers or comments.',
  })
  lockQuestion(@Args() { id, locked }: LockQuestionArgs, @Context() ctx: RequestContext) {
    return this.service.lock(ctx.caller, id, locked);
  }

  @ResolveField(() => ForumCategoryModel)
  async category(@Parent() q: QuestionModel, @Context() ctx: RequestContext) {
    const root = q.categoryDbId ? await ctx.loaders.technology.load(q.categoryDbId) : null;
    return Object.assign(new ForumCategoryModel(), {
      id: root ? toTechnologyModel(root).id : GENERAL_CATEGORY,
      name: root ? root.name : 'General',
      technology: root ? toTechnologyModel(root) : null,
    });
  }

  @ResolveField(() => [TechnologyModel], { description: 'The techniques it is about.' })
  async techniques(@Parent() q: QuestionModel, @Context() ctx: RequestContext) {
    return (await ctx.loaders.techniquesByQuestion.load(q.id)).map(toTechnologyModel);
  }

  @ResolveField(() => [AnswerModel], {
    description: 'Oldest first (at most 200); hidden ones for staff only.',
  })
  answers(@Parent() q: QuestionModel, @Context() ctx: RequestContext) {
    return this.posts.answersOf(ctx.caller, q);
  }

  @ResolveField(() => [CommentModel], {
    description: 'Comments on the question itself, oldest first (at most 200).',
  })
  comments(@Parent() q: QuestionModel, @Context() ctx: RequestContext) {
    return this.posts.commentsOf(ctx.caller, q.id, null);
  }

  @ResolveField(() => Boolean, { description: 'Whether the signed-in caller follows it.' })
  followedByMe(@Parent() q: QuestionModel, @Context() ctx: RequestContext) {
    return ctx.loaders.followedQuestion.load(q.id);
  }
}
