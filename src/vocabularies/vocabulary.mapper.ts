import { toGlobalId } from '../common/graphql/global-id.js';
import { namesOf } from '../common/graphql/translated-names.model.js';
import { MaterialModel, SectorModel } from './models/vocabulary.models.js';
import type { VocabularyEntryEntity } from './vocabulary-entry.entity.js';

const fields = (e: VocabularyEntryEntity) => ({
  dbId: e.id,
  slug: e.slug,
  name: e.name,
  names: namesOf(e),
});

export const toMaterialModel = (e: VocabularyEntryEntity): MaterialModel =>
  Object.assign(new MaterialModel(), { id: toGlobalId('Material', e.id), ...fields(e) });

export const toSectorModel = (e: VocabularyEntryEntity): SectorModel =>
  Object.assign(new SectorModel(), { id: toGlobalId('Sector', e.id), ...fields(e) });
