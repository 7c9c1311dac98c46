import { InstrumentEntity } from '../instruments/instrument.entity.js';
import { SearchOutbox } from '../search/outbox/search-outbox.service.js';
import type { Checked } from './import-report.js';
import { InstrumentImportRow, toInstrumentRow } from './instrument.rows.js';
import {
  buildReferenceIndex,
  type ReferenceIndex,
  resolveOrganisation,
  resolveTechnology,
} from './reference-index.js';
import type { RecordChecks } from './row-validation.js';
import { differsIn, type Upsert, upsertRows, type WriteTarget } from './upsert.js';

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
  rows: Checked<InstrumentImportRow>[],
  target: WriteTarget,
): Promise<void> {
  const { em } = target;
  const refs = await buildReferenceIndex(em);
  const existing = new Map(
    (await em.find(InstrumentEntity)).map((i) => [instrumentKey(i.organisationId, i.name), i]),
  );
  await upsertRows(rows, target, ({ row }): Upsert<InstrumentEntity> => {
    const organisationId = resolveOrganisation(refs, row.organisation) as string;
    const values = {
      model: row.model ?? null,
      technologyId: resolveTechnology(refs, row.technology) as string,
      accessMode: row.accessMode,
      description: row.description ?? '',
    };
    const key = instrumentKey(organisationId, row.name);
    return {
      match: existing.get(key),
      differs: (match) => differsIn(FIELDS, match, values),
      create: async () => {
        const created = em.create(InstrumentEntity, {
          ...values,
          name: row.name.trim(),
          organisationId,
        });
        existing.set(key, await em.save(created));
        await new SearchOutbox().instrumentChanged(em, organisationId);
      },
      update: async (match) => {
        em.merge(InstrumentEntity, match, values);
        await em.save(match);
        await new SearchOutbox().instrumentChanged(em, organisationId);
      },
    };
  });
}
