import type { Type } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ConnectionArgs } from '../common/pagination/connection.args.js';
import { ConnectionType } from '../common/pagination/connection.model.js';
import { CreateVocabularyEntryInput, UpdateVocabularyEntryInput } from './dto/vocabulary.inputs.js';
import { MaterialModel, SectorModel } from './models/vocabulary.models.js';
import { MaterialsService, SectorsService, type VocabularyService } from './vocabulary.service.js';

/** Builds the list query and the three mutations of one vocabulary (materials or sectors). */
function vocabularyResolver<M>(
  model: Type<M>,
  service: Type<VocabularyService<M>>,
  singular: 'Material' | 'Sector',
  plural: 'materials' | 'sectors',
) {
  const Connection = ConnectionType(model, singular);

  @Resolver(() => model)
  class VocabularyResolver {
    constructor(readonly entries: VocabularyService<M>) {}

    @Query(() => Connection, { name: plural, description: `The ${plural} vocabulary, by name.` })
    list(@Args() args: ConnectionArgs) {
      return this.entries.list(args);
    }

    @Mutation(() => model, { name: `create${singular}` })
    create(@Args('input') input: CreateVocabularyEntryInput) {
      return this.entries.create(input);
    }

    @Mutation(() => model, { name: `update${singular}` })
    update(
      @Args('id', { type: () => ID }) id: string,
      @Args('input') input: UpdateVocabularyEntryInput,
    ) {
      return this.entries.update(id, input);
    }

    @Mutation(() => model, {
      name: `delete${singular}`,
      description: 'Also removes it from experts.',
    })
    delete(@Args('id', { type: () => ID }) id: string) {
      return this.entries.delete(id);
    }
  }
  Reflect.defineMetadata('design:paramtypes', [service], VocabularyResolver);
  return VocabularyResolver;
}

export const MaterialsResolver = vocabularyResolver(
  MaterialModel,
  MaterialsService,
  'Material',
  'materials',
);
export const SectorsResolver = vocabularyResolver(SectorModel, SectorsService, 'Sector', 'sectors');
