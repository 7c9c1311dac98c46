import { DomainError } from '../errors/domain-error.js';
import { UserError } from '../errors/user-error.js';

/**
 * Runs a command-line entry point: exits with the code `main` answers (0 when it answers
 * nothing). When it throws, a mistake the user can fix (a `UserError` such as a bad setting or
 * file, a `DomainError` such as an unknown key, an unknown option) prints its message alone and
 * exits 2; anything else prints its stack and exits 1.
 */
export function runCommand(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      const usersToFix =
        error instanceof UserError || error instanceof DomainError || isBadOption(error);
      process.stderr.write(`${usersToFix ? error.message : describe(error)}\n`);
      process.exit(usersToFix ? 2 : 1);
    },
  );
}

/** What `node:util` parseArgs throws for an unknown or malformed option. */
const isBadOption = (error: unknown): error is Error =>
  error instanceof Error &&
  ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS_') ?? false);

const describe = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);
