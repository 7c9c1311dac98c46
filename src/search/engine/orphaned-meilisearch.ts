import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isRunning, stopPid } from '../../common/process/child-process.js';

/**
 * An API process killed with SIGKILL (or by the OOM killer) cannot stop its engine, which then
 * runs on, owned by nobody: not restarted if it dies, never stopped. A new start on the same
 * data directory stops such an orphan (SIGTERM, so it shuts down cleanly) and starts its own.
 * Returns the orphan's pid, or null when there was none. Linux only, like the bundled binary.
 */
export async function stopOrphanedBundledMeilisearch(dataDir: string): Promise<number | null> {
  const engineDir = resolve(dataDir, 'meilisearch');
  const ownerFile = join(engineDir, 'owner');
  if (!existsSync(ownerFile)) return null;
  const [owner, engine] = readFileSync(ownerFile, 'utf8').trim().split(' ').map(Number);
  if (!owner || !engine || isRunning(owner)) return null;
  // By its command line, not its pid alone: the pid may have been reused since.
  const isOurEngine = (pid: number) => commandLine(pid).includes(join(engineDir, 'data.ms'));
  const stopped = (await stopPid(engine, 10_000, isOurEngine)) ? engine : null;
  rmSync(join(engineDir, 'address'), { force: true });
  rmSync(ownerFile, { force: true });
  return stopped;
}

/** A process's command line; empty once it is gone (a zombie has none either). */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}
