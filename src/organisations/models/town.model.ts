import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Town', {
  description:
    'A town where organisations are, for a "near" filter: its position is the mean of theirs.',
})
export class TownModel {
  @Field({ description: 'The city as organisations record it.' }) name!: string;
  @Field({ description: 'ISO 3166-1 alpha-2.' }) country!: string;
  @Field({ description: 'The country in the language asked for.' }) countryName!: string;
  @Field(() => Float) latitude!: number;
  @Field(() => Float) longitude!: number;
  @Field(() => Int) organisationCount!: number;
}
