import { Field, ID, InterfaceType } from '@nestjs/graphql';

/** Relay's object identification: every type with a global id can be refetched by `node(id)`. */
@InterfaceType('Node', {
  description: 'An object with a globally unique, opaque id that `node(id:)` can refetch.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id.' })
  id!: string;
}
