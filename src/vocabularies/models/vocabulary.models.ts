import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Node } from '../../common/graphql/node.interface.js';
import { TranslatedNames } from '../../common/graphql/translated-names.model.js';

@ObjectType('Material', {
  implements: () => [Node],
  description: 'A material experts work on (steel, polymers, ceramics…).',
})
export class MaterialModel implements Node {
  readonly __typename: string = 'Material';
  @Field(() => ID) id!: string;
  dbId!: string;
  @Field() slug!: string;
  @Field({ description: 'English name.' }) name!: string;
  @Field(() => TranslatedNames) names!: TranslatedNames;
}

@ObjectType('Sector', {
  implements: () => [Node],
  description: 'An industry an expert serves (automotive, aerospace…).',
})
export class SectorModel extends MaterialModel {
  override readonly __typename = 'Sector';
}
