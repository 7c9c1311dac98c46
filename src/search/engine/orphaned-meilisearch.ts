import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
  if (!owner || !engine || processAlive(owner)) return null;
  const isOurEngine = () => commandLine(engine).includes(join(engineDir, 'data.ms'));
  const gone = async (ms: number) => {
    const deadline = Date.now() + ms;
    while (isOurEngine() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return !isOurEngine();
  };
  let stopped: number | null = null;
  if (isOurEngine()) {
    stopped = engine;
    process.kill(engine, 'SIGTERM');
    if (!(await gone(10_000))) process.kill(engine, 'SIGKILL');
    if (!(await gone(10_000))) throw new Error(`Meilisearch (pid ${engine}) would not stop`);
  }
  rmSync(join(engineDir, 'address'), { force: true });
  rmSync(ownerFile, { force: true });
  return stopped;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A process's command line; empty once it is gone (a zombie has none either). */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}
