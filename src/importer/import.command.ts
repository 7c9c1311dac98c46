import { parseArgs } from 'node:util';
import { runCommand } from '../common/cli/run-command.js';
import { loadEnvironment } from '../config/environment.js';
import { openDataSource } from '../database/open-data-source.js';
import { IMPORT_KINDS, type ImportKind } from './import-file.reader.js';
import { importFile } from './importer.js';

const USAGE = `usage: npm run import -- FILE [--kind KIND] [--skip-invalid] [--dry-run]

FILE is JSON (an array of records of one kind, or an object with one array per kind, such as
{ "clusters": [...], "organisations": [...] }) or CSV (a header row; list cells separated by ; or |).
Every row is checked before anything is written; without --skip-invalid one bad row refuses the file.
Kinds, written in this order (a record may name one of an earlier kind, in the database or the file):
  clusters       slug, name, description, website
  organisations  name, type, country, acronym, aliases, description, website, city, region,
                 latitude, longitude, rorId, clusters (slugs); or ROR registry records
  technologies   slug, name, nameFr, nameDe, nameNl, acronyms, synonyms, description,
                 parent (slug), chameoId, chmoId, wikidataId; or CHAMEO/CHMO records
  materials      slug, name, nameFr, nameDe, nameNl
  sectors        slug, name, nameFr, nameDe, nameNl
  instruments    name, technology (slug), organisation (exact name or ROR id), accessMode
                 (INTERNAL_ONLY|COLLABORATION|PAID_SERVICE), model, description
  experts        name, email, organisation, jobTitle, bio, languages, skills
                 (technology:LEVEL:years), materials, sectors, services, visibility, phone,
                 consentAt, lastVerifiedAt
--kind is needed for an array or CSV file of clusters, materials or sectors (they look alike);
other kinds are told from the first record.`;

/** `npm run import`: exit 0 imported, 1 rows refused (nothing written), 2 usage or file error. */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      'skip-invalid': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const [file] = positionals;
  if (values.help || !file || positionals.length > 1) return usage(values.help ? 0 : 2);
  if (values.kind && !IMPORT_KINDS.includes(values.kind as ImportKind)) return usage(2);

  const db = await openDataSource(loadEnvironment());
  try {
    const started = Date.now();
    const report = await importFile(db, file, {
      kind: values.kind as ImportKind | undefined,
      skipInvalid: values['skip-invalid'],
      dryRun: values['dry-run'],
      onProgress: (kind, done, total) => process.stderr.write(`${kind}: ${done}/${total}\n`),
    });
    for (const { location, problem } of report.rejected)
      process.stdout.write(`${location}: ${problem}\n`);
    for (const [kind, c] of Object.entries(report.counts)) {
      if (c.created + c.updated + c.unchanged === 0) continue;
      process.stdout.write(
        `${kind}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged\n`,
      );
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (!report.written) {
      const why = values['dry-run'] ? 'dry run' : `${report.rejected.length} rows refused`;
      process.stdout.write(
        `Nothing written (${why}). ${values['dry-run'] ? '' : 'Fix them, or use --skip-invalid.'}\n`,
      );
      return report.rejected.length > 0 ? 1 : 0;
    }
    process.stdout.write(
      `Imported in ${seconds} s${report.rejected.length ? `; ${report.rejected.length} rows skipped` : ''}.\n`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}

function usage(code: number): number {
  (code === 0 ? process.stdout : process.stderr).write(`${USAGE}\n`);
  return code;
}

runCommand(main);
