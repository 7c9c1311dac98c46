import 'reflect-metadata';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BESIDE_THE_API, withApp } from '../cli/app-command.js';
import { runCommand } from '../common/cli/run-command.js';
import { findInvalidText } from './invalid-text.check.js';

/**
 * `npm run data:check`: lists rows holding text no store can hold (lone UTF-16 surrogates, NUL),
 * as `table id column: problem`, and exits 1 when there are some. The API refuses such text; rows
 * from before are fixed by hand, then `npm run search:reconcile` brings their documents back.
 */
async function main(): Promise<number> {
  return withApp({ env: BESIDE_THE_API }, async (app) => {
    const found = await findInvalidText(app.get<DataSource>(getDataSourceToken()));
    for (const f of found) process.stdout.write(`${f.table} ${f.id} ${f.column}: ${f.problem}\n`);
    process.stderr.write(
      found.length
        ? `${found.length} value(s) hold invalid text: fix them, then run npm run search:reconcile\n`
        : 'No invalid text found.\n',
    );
    return found.length ? 1 : 0;
  });
}

runCommand(main);
