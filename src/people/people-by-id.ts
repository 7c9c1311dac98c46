import type { EntityManager } from 'typeorm';
import { rowsById } from '../common/database/rows-by-id.js';
import { PersonEntity } from './person.entity.js';

/** The people named by `ids` (nulls and repeats skipped), by id: one query for a page of posts. */
export const peopleById = (
  em: EntityManager,
  ids: readonly (string | null)[],
): Promise<Map<string, PersonEntity>> => rowsById(em, PersonEntity, ids);
