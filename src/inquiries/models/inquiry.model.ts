import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { InquiryStatus } from '../inquiry-status.js';
import { InquiryEventKind } from '../inquiry-transition.entity.js';
import { registerEnumType } from '@nestjs/graphql';

registerEnumType(InquiryEventKind, { name: 'InquiryEventKind' });

@ObjectType({ description: 'What a requester gets back: a reference to quote, nothing else.' })
export class SubmittedInquiry {
  @Field({ description: 'e.g. KNR-2026-000123' }) reference!: string;
  @Field(() => InquiryStatus) status!: InquiryStatus;
  @Field() submittedAt!: Date;
}

@ObjectType({
  description: "One entry of an inquiry's history: a status change, note or assignment.",
})
export class InquiryHistoryEntry {
  @Field(() => InquiryEventKind) kind!: InquiryEventKind;
  @Field(() => InquiryStatus, { nullable: true }) from!: InquiryStatus | null;
  @Field(() => InquiryStatus) to!: InquiryStatus;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field() at!: Date;
  @Field(() => ID, { nullable: true, description: 'The API key that made it.' })
  byKeyId!: string | null;
}

@ObjectType({ description: 'A request for expertise, as staff see it.' })
export class InquiryModel {
  @Field(() => ID) id!: string;
  @Field() reference!: string;
  @Field(() => InquiryStatus) status!: InquiryStatus;
  @Field() requesterName!: string;
  @Field() organisation!: string;
  @Field() email!: string;
  @Field() country!: string;
  @Field() description!: string;
  @Field(() => [ID], { description: 'Global ids of the techniques named.' })
  technologyIds!: string[];
  @Field(() => ID, { nullable: true }) materialId!: string | null;
  @Field(() => ID, { nullable: true }) sectorId!: string | null;
  @Field(() => String, { nullable: true }) deadline!: string | null;
  @Field(() => Float, { nullable: true }) latitude!: number | null;
  @Field(() => Float, { nullable: true }) longitude!: number | null;
  @Field(() => Float, { nullable: true }) radiusKm!: number | null;
  @Field() consentAt!: Date;
  @Field(() => String, { nullable: true }) assignee!: string | null;
  @Field() createdAt!: Date;
  /** For the history field resolver. */
  dbId!: string;
}
