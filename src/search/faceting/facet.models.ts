import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class SearchHighlight {
  @Field() field!: string;
  @Field({ description: 'The matching text, matches wrapped in <mark></mark>.' }) snippet!: string;
}

@ObjectType()
export class FacetValue {
  @Field({ description: 'What a filter on this facet accepts.' }) value!: string;
  @Field({ description: 'Human-readable name.' }) label!: string;
  @Field(() => Int) count!: number;
}

/** Facet counts as GraphQL returns them, most frequent first, ties by label. */
export function facetValues(
  counts: Record<string, number>,
  labelOf: (raw: string) => string,
  valueOf: (raw: string) => string = (raw) => raw,
): FacetValue[] {
  return Object.entries(counts)
    .map(([raw, count]) => ({ value: valueOf(raw), label: labelOf(raw), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
