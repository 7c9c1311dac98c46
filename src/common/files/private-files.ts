import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';

/**
 * Kenner's files (the SQLite database, generated keys, the bundled engine's data) hold personal
 * data or secrets: the data directory is the owner's alone (0700) and so is each file (0600).
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  restrict(dir, 0o700);
}

/** Creates `file` empty and owner-only when it is missing; narrows an existing one to 0600. */
export function ensurePrivateFile(file: string): void {
  ensurePrivateDir(dirname(file));
  // 'a': creates without truncating; the mode applies only to a file created here.
  closeSync(openSync(file, 'a', 0o600));
  restrict(file, 0o600);
}

/** A random secret generated once and kept in `file` (0600); hex, so no shell or flag trouble. */
export function localSecret(file: string): string {
  ensurePrivateDir(dirname(file));
  if (!existsSync(file)) {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    try {
      // A link never replaces an existing file: of two processes starting at once, one secret wins.
      linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(temporary, { force: true });
    }
  }
  restrict(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}

/** Narrows permissions of what this process owns; another owner's file is left as it is. */
function restrict(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}
