import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pidOf } from '../../src/common/process/child-process.js';

/** The bundled Meilisearch serving a data directory, and the process it is a child of. */
export function bundledEngine(dataDir: string): { pid: number; parent: number } | null {
  const pid = pidOf(join(dataDir, 'meilisearch', 'data.ms'));
  if (!pid) return null;
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the ")".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return { pid, parent };
  } catch {
    return null;
  }
}
