import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { GeoRadiusInput } from '../../search/faceting/geo.js';

@InputType()
export class MatchExpertsInput {
  @Field(() => ID, {
    nullable: true,
    description: 'An inquiry (id or reference): its text, techniques and place are the request.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  inquiryId?: string;

  @Field({
    nullable: true,
    description:
      'The request as written, in English, French, German or Dutch: techniques (names, acronyms, small typos), materials and a town are recognised. Needed unless `inquiryId` is given.',
  })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  text?: string;

  @Field(() => GeoRadiusInput, {
    nullable: true,
    description: 'Where the work is; otherwise the town named in the text, within 50 km.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoRadiusInput)
  near?: GeoRadiusInput;

  @Field(() => Int, { nullable: true, description: '1 to 50, default 10.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}
