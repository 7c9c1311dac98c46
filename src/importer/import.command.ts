import { parseArgs } from 'node:util';
import { runCommand } from '../common/cli/run-command.js';
import { loadEnvironment } from '../config/environment.js';
import { openDataSource } from '../database/open-data-source.js';
import { IMPORT_KINDS, type ImportKind } from './import-file.reader.js';
import { importFile } from './importer.js';

const USAGE =
  'usage: npm run import -- FILE [--kind organisations|technologies|experts] [--skip-invalid] [--dry-run]';

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
