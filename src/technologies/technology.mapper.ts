import { toGlobalId } from '../common/graphql/global-id.js';
import { namesOf } from '../common/graphql/translated-names.model.js';
import { TechnologyModel } from './models/technology.model.js';
import type { TechnologyEntity } from './technology.entity.js';

export const toTechnologyModel = (e: TechnologyEntity): TechnologyModel =>
  Object.assign(new TechnologyModel(), {
    id: toGlobalId('Technology', e.id),
    dbId: e.id,
    parentDbId: e.parentId,
    categoryDbId: e.categoryId,
    slug: e.slug,
    name: e.name,
    names: namesOf(e),
    acronyms: e.acronyms,
    synonyms: e.synonyms,
    description: e.description,
    chameoId: e.chameoId,
    chmoId: e.chmoId,
    wikidataId: e.wikidataId,
  });
