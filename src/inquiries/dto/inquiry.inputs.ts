import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsEmail,
  IsEnum,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  ForwardConnectionArgs,
  PAGE_SIZE_DESCRIPTION,
} from '../../common/pagination/connection.args.js';
import { IsCountryCode } from '../../common/validation/country.js';
import { IsName } from '../../common/validation/decorators.js';
import { IsMessageBody } from '../../conversations/dto/conversation.inputs.js';
import { InquiryStatus } from '../inquiry-status.js';
import { Trimmed } from '../../common/validation/trimmed.js';

export const MAX_DESCRIPTION = 5000;
@InputType({
  description: 'A request for expertise. Every field is checked; nothing is kept on error.',
})
export class SubmitInquiryInput {
  @Field() @IsName() requesterName!: string;
  @Field() @IsName() organisation!: string;

  @Field()
  @Trimmed()
  @IsEmail({}, { message: 'must be a valid e-mail address' })
  @MaxLength(320)
  email!: string;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. LU.' }) @IsCountryCode() country!: string;

  @Field({
    description: `What is needed, up to ${MAX_DESCRIPTION} characters, in EN, FR, DE or NL.`,
  })
  @IsString()
  @Matches(/\S/, { message: 'must not be empty' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(MAX_DESCRIPTION, { message: `must be at most ${MAX_DESCRIPTION} characters` })
  description!: string;

  @Field(() => [ID], { nullable: true, description: 'Techniques the requester has in mind.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  technologyIds?: string[];

  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() materialId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() sectorId?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, today or later.' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'must be a date as YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' })
  deadline?: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(-90)
  @Max(90)
  latitude?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(-180)
  @Max(180)
  longitude?: number;

  @Field(() => Float, { nullable: true, description: 'Search radius around the location, km.' })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(2000)
  radiusKm?: number;

  @Field({ description: 'The requester agrees to be contacted about this inquiry. Must be true.' })
  @Equals(true, { message: 'must be true: we can only answer if we may contact you' })
  consentToContact!: boolean;
}

@ArgsType()
export class InquiriesArgs extends ForwardConnectionArgs {
  @Field(() => InquiryStatus, { nullable: true })
  @IsOptional()
  @IsEnum(InquiryStatus)
  status?: InquiryStatus;

  // Bounds and checks are the shared ones; only the description also tells the order.
  @Field(() => Int, { nullable: true, description: `${PAGE_SIZE_DESCRIPTION} Newest first.` })
  override first?: number;
}

const IsNote = (): PropertyDecorator => applyDecorators(IsOptional(), IsString(), MaxLength(5000));

/** An inquiry's id or its reference (`KNR-2026-000123`). */
const IsInquiryRef = (): PropertyDecorator => applyDecorators(IsString(), MaxLength(100));

@ArgsType()
export class InquiryArgs {
  @Field(() => ID, { description: 'The id, or the reference such as KNR-2026-000123.' })
  @IsInquiryRef()
  id!: string;
}

@ArgsType()
export class TransitionInquiryArgs extends InquiryArgs {
  @Field(() => InquiryStatus) @IsEnum(InquiryStatus) to!: InquiryStatus;
  @Field(() => String, { nullable: true }) @IsNote() note?: string | null;
}

@ArgsType()
export class AddInquiryNoteArgs extends InquiryArgs {
  @Field()
  @IsString()
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(5000)
  note!: string;
}

@ArgsType()
export class AssignInquiryArgs extends InquiryArgs {
  @Field(() => String, {
    nullable: true,
    description: 'A staff name or API key id; null unassigns.',
  })
  @IsOptional()
  @IsName()
  assignee?: string | null;
}

@ArgsType()
export class IntroduceExpertsArgs {
  @Field(() => ID) @IsInquiryRef() inquiryId!: string;

  @Field(() => [ID])
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one expert' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  expertIds!: string[];

  @Field(() => String, { nullable: true, description: 'Added to the history and to the mails.' })
  @IsNote()
  note?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The staff person's first words in the inquiry's conversation. Given (or once the inquiry has a conversation), the introduction happens there: a signed-in staff person opens one conversation with the requester (mailed a personal link) and the experts (who must have signed in), or adds experts to it. Left out: experts and requester are introduced by mail, addresses exchanged, as before.",
  })
  @IsOptional()
  @IsMessageBody()
  message?: string | null;
}
