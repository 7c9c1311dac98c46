import { Args, Query, Resolver } from '@nestjs/graphql';
import { languageOr } from '../common/i18n/language.js';
import { TOWNS_DEFAULT_LIMIT, TownsArgs } from './dto/towns.args.js';
import { TownModel } from './models/town.model.js';
import { TownsService } from './towns.service.js';

@Resolver(() => TownModel)
export class TownsResolver {
  constructor(private readonly service: TownsService) {}

  @Query(() => [TownModel], {
    description:
      'Towns where organisations are, for a "near" filter: matched by part of their name in any case and with or without accents, those starting with it first, then by organisations.',
  })
  towns(@Args() { query, limit, language }: TownsArgs) {
    return this.service.find(query ?? '', limit ?? TOWNS_DEFAULT_LIMIT, languageOr(language));
  }
}
