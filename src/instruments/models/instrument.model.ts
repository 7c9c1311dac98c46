import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Node } from '../../common/graphql/node.interface.js';
import { AccessMode } from '../instrument.entity.js';

@ObjectType('Instrument', {
  implements: () => [Node],
  description: 'A piece of analytical equipment, the technique it serves and who may use it.',
})
export class InstrumentModel implements Node {
  readonly __typename = 'Instrument';
  @Field(() => ID) id!: string;
  dbId!: string;
  technologyDbId!: string;
  organisationDbId!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) model!: string | null;
  @Field(() => AccessMode) accessMode!: AccessMode;
  @Field() description!: string;
}
