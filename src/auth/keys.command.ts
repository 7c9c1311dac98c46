import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { BESIDE_THE_API, withApp } from '../cli/app-command.js';
import { runCommand } from '../common/cli/run-command.js';
import { ApiKeysService } from './api-keys.service.js';
import { Role } from './caller.js';

const USAGE = `usage: npm run keys -- create --name NAME --role PARTNER|STAFF|ADMIN [--clusters SLUG,…] [--origins URL,…]
       npm run keys -- list
       npm run keys -- revoke KEY_ID`;

/** `npm run keys`: API keys from the command line, on the configured database. */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      clusters: { type: 'string' },
      origins: { type: 'string' },
    },
  });
  const [command, id] = positionals;
  if (!command || !['create', 'list', 'revoke'].includes(command)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  return withApp({ env: BESIDE_THE_API }, async (app) => {
    const keys = app.get(ApiKeysService);
    if (command === 'list') {
      for (const k of await keys.list()) {
        const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active';
        process.stdout.write(`${k.id}  ${k.role.padEnd(7)}  ${k.hint}…  ${k.name}  (${state})\n`);
      }
    } else if (command === 'revoke') {
      const key = await keys.revoke(id ?? '');
      process.stdout.write(`revoked ${key.id} (${key.name})\n`);
    } else {
      const role = (values.role ?? '').toUpperCase() as Role;
      const list = (v?: string) =>
        v
          ? v
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : [];
      const { key, secret } = await keys.create({
        name: values.name ?? '',
        role: Object.values(Role).includes(role) ? role : Role.ANONYMOUS,
        clusters: list(values.clusters),
        allowedOrigins: list(values.origins),
      });
      process.stdout.write(
        `created ${key.id} (${key.role}); the secret, shown only now:\n${secret}\n`,
      );
    }
    return 0;
  });
}

runCommand(main);
