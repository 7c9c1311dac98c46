import { categoryIdFor } from '../technologies/exchange-categories.js';
import type { FaqEntryEntity } from './faq-entry.entity.js';
import { translationsOf } from './faq-translations.js';
import { FaqEntryModel, FaqTranslationModel } from './models/faq-entry.model.js';

export const toFaqEntryModel = (entry: FaqEntryEntity): FaqEntryModel =>
  Object.assign(new FaqEntryModel(), {
    id: entry.id,
    categoryId: categoryIdFor(entry.categoryId),
    position: entry.position,
    status: entry.status,
    translations: translationsOf(entry).map((t) => Object.assign(new FaqTranslationModel(), t)),
    sourceAnswerId: entry.sourceAnswerId,
    publishedAt: entry.publishedAt,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
  });
