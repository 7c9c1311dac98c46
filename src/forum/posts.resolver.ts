import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../auth/access.guard.js';
import type { RequestContext } from '../graphql/loaders.js';
import { AcceptAnswerArgs, AnswerQuestionArgs, CommentOnPostArgs } from './dto/forum.inputs.js';
import { AnswerModel, CommentModel, QuestionModel } from './models/forum.models.js';
import { PostsService } from './posts.service.js';
import { QuestionsService } from './questions.service.js';

/** Answers and comments by signed-in people who read the question; none on a locked one. */
@Resolver(() => AnswerModel)
export class PostsResolver {
  constructor(
    private readonly posts: PostsService,
    private readonly questions: QuestionsService,
  ) {}

  @SignedIn()
  @Mutation(() => AnswerModel, {
    description: 'Plain text, on a question you read and that is not locked; followers are mailed.',
  })
  answerQuestion(@Args() { questionId, body }: AnswerQuestionArgs, @Context() ctx: RequestContext) {
    return this.posts.answer(ctx.caller, questionId, body);
  }

  @SignedIn()
  @Mutation(() => CommentModel, {
    description: 'Plain text, on a question or an answer you read; not on a locked question.',
  })
  commentOnPost(@Args() { kind, id, body }: CommentOnPostArgs, @Context() ctx: RequestContext) {
    return this.posts.comment(ctx.caller, kind, id, body);
  }

  @SignedIn()
  @Mutation(() => QuestionModel, {
    description: 'The asker or staff accept an answer of the question (replacing any before).',
  })
  async acceptAnswer(@Args() { answerId }: AcceptAnswerArgs, @Context() ctx: RequestContext) {
    const questionId = await this.posts.accept(ctx.caller, answerId);
    return this.questions.question(ctx.caller, questionId);
  }

  @ResolveField(() => [CommentModel], { description: 'Oldest first (at most 200).' })
  comments(@Parent() answer: AnswerModel, @Context() ctx: RequestContext) {
    return this.posts.commentsOf(ctx.caller, answer.questionId, answer.id);
  }
}
