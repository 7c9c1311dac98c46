import { toTechnologyModel } from '../../technologies/technology.mapper.js';
import { toMaterialModel } from '../../vocabularies/vocabulary.mapper.js';
import { QueryUnderstandingModel } from './models/query-understanding.models.js';
import { TermCombination, type UnderstoodQuery } from './query-understanding.service.js';

/** What a search reports it understood; nothing recognised reads as "the whole query as text". */
export function understoodModel(
  understood: UnderstoodQuery | null,
  query: string,
): QueryUnderstandingModel {
  return Object.assign(new QueryUnderstandingModel(), {
    technologies: (understood?.technologies ?? []).map((t) => ({
      technology: toTechnologyModel(t.technology),
      matchedBy: t.matchedBy,
    })),
    materials: (understood?.materials ?? []).map((m) => ({
      material: toMaterialModel(m.material),
      matchedBy: m.matchedBy,
    })),
    combination: understood?.combination ?? TermCombination.ALL,
    text: understood ? understood.text : query.trim(),
  });
}
