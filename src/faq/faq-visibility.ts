import { type Caller, isStaff } from '../auth/caller.js';
import { FaqStatus } from './faq-entry.entity.js';

/**
 * Who sees a FAQ entry, for every way in (the list, one entry, search hits): published entries
 * everyone, drafts staff only. The search index carries the same rule as a `visibility` field
 * (search/indexes/faq.document.ts).
 */
export const maySeeFaqEntry = (caller: Caller, entry: { status: FaqStatus }): boolean =>
  entry.status === FaqStatus.PUBLISHED || isStaff(caller);
