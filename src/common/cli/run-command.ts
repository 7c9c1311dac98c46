/**
 * Runs a command-line entry point: exits with the code `main` answers (0 when it answers
 * nothing), or, when it throws, prints the error (its stack when it has one) and exits 1.
 */
export function runCommand(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
