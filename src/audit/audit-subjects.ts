import { type EntityManager, In, IsNull, MoreThan, Not } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity.js';

const PAGE = 1000;

/**
 * Whether an audit subject points at the object with storage id `id`, in any form it may have
 * been written in: the canonical global id, the forms a lenient decoder used to accept (padding,
 * stray characters, the standard base64 alphabet), or the bare id. Deliberately broad: an entry
 * wrongly counted as the person's is pseudonymised, one missed would keep pointing at them.
 */
export function subjectNames(subject: string, id: string): boolean {
  const needle = id.toLowerCase();
  if (subject.toLowerCase().includes(needle)) return true;
  // base64url decoding also reads the standard alphabet and skips what is not base64.
  return Buffer.from(subject, 'base64url').toString('utf8').toLowerCase().includes(needle);
}

/**
 * Every audit entry about the object `id`, oldest first. Subjects cannot be decoded in SQL, so
 * the entries with a subject are read page by page (erasures and access requests are rare).
 */
export async function auditEntriesAbout(
  em: EntityManager,
  id: string,
): Promise<AuditEntryEntity[]> {
  const ids: string[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await em.find(AuditEntryEntity, {
      select: { id: true, subject: true },
      where: { ...(after ? { id: MoreThan(after) } : {}), subject: Not(IsNull()) },
      order: { id: 'ASC' },
      take: PAGE,
    });
    ids.push(...page.filter((e) => e.subject && subjectNames(e.subject, id)).map((e) => e.id));
    after = page.at(-1)?.id;
    if (page.length < PAGE) break;
  }
  const entries: AuditEntryEntity[] = [];
  for (let i = 0; i < ids.length; i += PAGE)
    entries.push(...(await em.findBy(AuditEntryEntity, { id: In(ids.slice(i, i + PAGE)) })));
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
}

/** Points every audit entry about `id` at `pseudonym` instead; returns how many there were. */
export async function pseudonymiseAuditSubjects(
  em: EntityManager,
  id: string,
  pseudonym: string,
): Promise<number> {
  const entries = await auditEntriesAbout(em, id);
  const ids = entries.map((e) => e.id);
  for (let i = 0; i < ids.length; i += PAGE)
    await em.update(AuditEntryEntity, { id: In(ids.slice(i, i + PAGE)) }, { subject: pseudonym });
  return ids.length;
}

/** The entries of writes made by these people (signed in), oldest first. */
export async function auditEntriesBy(
  em: EntityManager,
  personIds: string[],
): Promise<AuditEntryEntity[]> {
  if (personIds.length === 0) return [];
  return em.find(AuditEntryEntity, {
    where: { personId: In(personIds) },
    order: { at: 'ASC', id: 'ASC' },
  });
}

/** Points the entries of writes the person made at `pseudonym`; returns how many there were. */
export async function pseudonymiseAuditPerson(
  em: EntityManager,
  personId: string,
  pseudonym: string,
): Promise<number> {
  const result = await em.update(AuditEntryEntity, { personId }, { personId: pseudonym });
  return result.affected ?? 0;
}
