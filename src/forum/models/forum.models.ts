import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection.model.js';
import { TechnologyModel } from '../../technologies/models/technology.model.js';
import { QuestionVisibility } from '../question.entity.js';
import { PostKind } from '../report.entity.js';

registerEnumType(QuestionVisibility, {
  name: 'QuestionVisibility',
  description:
    "MEMBERS: signed-in people of an organisation in one of the question's clusters, and staff; PUBLIC: anyone (chosen by staff).",
});
registerEnumType(PostKind, { name: 'PostKind' });

/** The category every question without a technique category is in. */
// The exchange's categories have one home, shared with the FAQ.
export { GENERAL_CATEGORY } from '../../technologies/exchange-categories.js';

@ObjectType('ForumPerson', {
  description: 'An author as readers of the forum see them: a name, never an address.',
})
export class ForumPersonModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'Empty when they gave none yet.' }) name!: string;
}

@ObjectType('ForumCategory', {
  description: 'A top category of the technique taxonomy, or GENERAL.',
})
export class ForumCategoryModel {
  @Field(() => ID, { description: 'The root technique’s id, or GENERAL.' }) id!: string;
  @Field() name!: string;
  @Field(() => TechnologyModel, { nullable: true, description: 'Null for GENERAL.' })
  technology!: TechnologyModel | null;
}

@ObjectType('ForumComment', { description: 'Plain text: clients show it as text, never as HTML.' })
export class CommentModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) questionId!: string;
  @Field(() => ID, { nullable: true, description: 'Null: a comment on the question itself.' })
  answerId!: string | null;
  @Field() body!: string;
  @Field(() => ForumPersonModel, { nullable: true, description: 'Null when the account is gone.' })
  author!: ForumPersonModel | null;
  @Field({ description: 'Hidden by staff: only staff see it.' }) hidden!: boolean;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType('Answer', { description: 'Plain text: clients show it as text, never as HTML.' })
export class AnswerModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) questionId!: string;
  @Field() body!: string;
  @Field(() => ForumPersonModel, { nullable: true, description: 'Null when the account is gone.' })
  author!: ForumPersonModel | null;
  @Field({ description: 'The accepted answer of its question.' }) accepted!: boolean;
  @Field({ description: 'Hidden by staff: only staff see it.' }) hidden!: boolean;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType('Question', {
  description:
    'A forum question. MEMBERS questions are read by members of its clusters and staff; a hidden one by staff only.',
})
export class QuestionModel {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field({ description: 'Plain text: clients show it as text, never as HTML.' }) body!: string;
  /** Resolved by the resolver: the root technique, or GENERAL. */
  categoryDbId!: string | null;
  @Field(() => ForumPersonModel, { nullable: true, description: 'Null when the account is gone.' })
  asker!: ForumPersonModel | null;
  @Field(() => QuestionVisibility) visibility!: QuestionVisibility;
  @Field({ description: 'Locked by staff: no new answers or comments.' }) locked!: boolean;
  @Field({ description: 'Hidden by staff: only staff see it.' }) hidden!: boolean;
  @Field(() => ID, {
    nullable: true,
    description: 'Null while none is accepted (or it is hidden).',
  })
  acceptedAnswerId!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'Asked, answered or commented last.' })
  lastActivityAt!: Date;
}

@ObjectType('QuestionConnection')
export class QuestionConnection extends ConnectionType(QuestionModel, 'Question') {}

@ObjectType('ModeratedPost', { description: 'A post after staff hid or restored it.' })
export class ModeratedPostModel {
  @Field(() => PostKind) kind!: PostKind;
  @Field(() => ID) id!: string;
  @Field(() => ID) questionId!: string;
  @Field() hidden!: boolean;
  @Field(() => Int, { description: 'Open reports of the post this closed.' })
  reportsResolved!: number;
}

@ObjectType('PostReport', { description: 'A member’s report of a post, for staff.' })
export class ReportModel {
  @Field(() => ID) id!: string;
  @Field(() => PostKind) postKind!: PostKind;
  @Field(() => ID) postId!: string;
  @Field(() => ID) questionId!: string;
  @Field() reason!: string;
  @Field(() => ForumPersonModel, { nullable: true, description: 'Null when the account is gone.' })
  reporter!: ForumPersonModel | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Null: still in the queue.' })
  resolvedAt!: Date | null;
}

@ObjectType('PostReportConnection')
export class ReportConnection extends ConnectionType(ReportModel, 'PostReport') {}
