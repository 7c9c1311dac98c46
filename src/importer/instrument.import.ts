import type { EntityManager } from 'typeorm';
import { InstrumentEntity } from '../instruments/instrument.entity.js';
import { SearchOutbox } from '../search/outbox/search-outbox.service.js';
import { type Checked, type KindCounts, sameValue } from './import-report.js';
import { InstrumentImportRow, toInstrumentRow } from './instrument.rows.js';
import {
  buildReferenceIndex,
  type ReferenceIndex,
  resolveOrganisation,
  resolveTechnology,
} from './reference-index.js';
import type { RecordChecks } from './row-validation.js';

const FIELDS = ['model', 'technologyId', 'accessMode', 'description'] as const;

/** An organisation's instruments are told apart by name. */
const instrumentKey = (organisation: string, name: string) =>
  `${organisation.toLowerCase()}|${name.trim().toLowerCase()}`;

/**
 * How instrument records are checked, for `checkRecords`: the API's rules, a technique and an
 * organisation that exist (in the database or the same file), and a name used once per organisation.
 */
export const instrumentChecks = (refs: ReferenceIndex): RecordChecks<InstrumentImportRow> => ({
  cls: InstrumentImportRow,
  toRow: toInstrumentRow,
  keysOf: (row) => [instrumentKey(row.organisation, row.name)],
  problemOf: (row, seen) => {
    if (!resolveTechnology(refs, row.technology))
      return `technology: no technique "${row.technology}" (or an ambiguous acronym)`;
    if (!resolveOrganisation(refs, row.organisation))
      return `organisation: no organisation "${row.organisation}"`;
    return seen.has(instrumentKey(row.organisation, row.name))
      ? `name: "${row.name}" appears twice for ${row.organisation}`
      : null;
  },
});

/** Upserts by organisation and name; writes only what differs. */
export async function writeInstruments(
  em: EntityManager,
  rows: Checked<InstrumentImportRow>[],
  counts: KindCounts,
  progress: (done: number) => void,
): Promise<void> {
  const refs = await buildReferenceIndex(em);
  const existing = new Map(
    (await em.find(InstrumentEntity)).map((i) => [instrumentKey(i.organisationId, i.name), i]),
  );
  let done = 0;
  for (const { row } of rows) {
    const organisationId = resolveOrganisation(refs, row.organisation) as string;
    const values = {
      model: row.model ?? null,
      technologyId: resolveTechnology(refs, row.technology) as string,
      accessMode: row.accessMode,
      description: row.description ?? '',
    };
    const key = instrumentKey(organisationId, row.name);
    const match = existing.get(key);
    if (!match) {
      const created = em.create(InstrumentEntity, {
        ...values,
        name: row.name.trim(),
        organisationId,
      });
      existing.set(key, await em.save(created));
      await new SearchOutbox().instrumentChanged(em, organisationId);
      counts.created += 1;
    } else if (FIELDS.some((f) => !sameValue(match[f], values[f]))) {
      em.merge(InstrumentEntity, match, values);
      await em.save(match);
      await new SearchOutbox().instrumentChanged(em, organisationId);
      counts.updated += 1;
    } else counts.unchanged += 1;
    progress(++done);
  }
}
