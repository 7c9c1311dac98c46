import type { DataSource } from 'typeorm';
import { checkClusters, writeClusters } from './cluster.import.js';
import { expertChecks, writeExperts } from './expert.import.js';
import { type ImportKind, readImportFile } from './import-file.reader.js';
import { emptyCounts, type ImportReport, Rejections } from './import-report.js';
import { instrumentChecks, writeInstruments } from './instrument.import.js';
import { checkOrganisations, writeOrganisations } from './organisation.import.js';
import { buildReferenceIndex, organisationKey } from './reference-index.js';
import { checkRecords } from './row-validation.js';
import { checkTechnologies, writeTechnologies } from './technology.import.js';
import type { WriteTarget } from './upsert.js';
import { checkVocabulary, VOCABULARIES, writeVocabulary } from './vocabulary.import.js';

export interface ImportOptions {
  kind?: ImportKind;
  /** Import the valid rows and report the others, instead of refusing the whole file. */
  skipInvalid?: boolean;
  /** Validate and report only. */
  dryRun?: boolean;
  onProgress?: (kind: ImportKind, done: number, total: number) => void;
}

/**
 * Stands for a record the file creates, until the write knows its id: one per record, so two new
 * techniques never look like the same one, and never over a record the database already has.
 */
const pending = (map: Map<string, string>, key: string) => {
  if (!map.has(key)) map.set(key, `created-by-this-import:${key}`);
};

/**
 * Imports a JSON or CSV file in two phases: every row is validated first (against the API's rules
 * and the references it makes), then — only when nothing was refused, or with `skipInvalid` — the
 * valid rows are upserted in one transaction, so an import lands whole or not at all.
 */
export async function importFile(
  db: DataSource,
  path: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const records = readImportFile(path, options.kind);
  const of = (kind: ImportKind) => records.filter((r) => r.kind === kind);
  const rejections = new Rejections();
  const em = db.manager;

  const clusters = checkClusters(of('clusters'), rejections);
  const organisations = await checkOrganisations(
    em,
    of('organisations'),
    rejections,
    clusters.map((c) => c.row.slug),
  );
  const technologies = await checkTechnologies(em, of('technologies'), rejections);
  const materials = checkVocabulary(of('materials'), rejections);
  const sectors = checkVocabulary(of('sectors'), rejections);
  // Later kinds may name what the same file creates.
  const refs = await buildReferenceIndex(em);
  for (const { row } of organisations) {
    pending(refs.organisations, organisationKey(row.name));
    if (row.rorId) pending(refs.organisations, row.rorId);
  }
  for (const { row } of technologies) pending(refs.technologies, row.slug);
  for (const { row } of materials) pending(refs.materials, row.slug);
  for (const { row } of sectors) pending(refs.sectors, row.slug);
  const instruments = checkRecords(of('instruments'), rejections, instrumentChecks(refs));
  const experts = checkRecords(of('experts'), rejections, expertChecks(refs));

  const counts = emptyCounts();
  const rejected = rejections.list();
  if (options.dryRun || (rejected.length > 0 && !options.skipInvalid)) {
    return { rejected, counts, written: false };
  }
  await db.transaction(async (tx) => {
    const into = (kind: ImportKind, rows: readonly unknown[]): WriteTarget => ({
      em: tx,
      counts: counts[kind],
      progress: (done) => {
        if (done === rows.length || done % 250 === 0) options.onProgress?.(kind, done, rows.length);
      },
    });
    await writeClusters(clusters, into('clusters', clusters));
    await writeOrganisations(organisations, into('organisations', organisations));
    await writeTechnologies(technologies, into('technologies', technologies));
    await writeVocabulary(VOCABULARIES.materials, materials, into('materials', materials));
    await writeVocabulary(VOCABULARIES.sectors, sectors, into('sectors', sectors));
    await writeInstruments(instruments, into('instruments', instruments));
    await writeExperts(experts, into('experts', experts));
  });
  return { rejected, counts, written: true };
}
