import { Field, ObjectType } from '@nestjs/graphql';

/** A name in the languages the Greater Region works in. English is always present. */
@ObjectType()
export class TranslatedNames {
  @Field() en!: string;
  @Field(() => String, { nullable: true }) fr!: string | null;
  @Field(() => String, { nullable: true }) de!: string | null;
  @Field(() => String, { nullable: true }) nl!: string | null;
}

export const namesOf = (row: {
  name: string;
  nameFr: string | null;
  nameDe: string | null;
  nameNl: string | null;
}): TranslatedNames => ({ en: row.name, fr: row.nameFr, de: row.nameDe, nl: row.nameNl });
