import { readFileSync } from 'node:fs';

/** /proc reports CPU time in clock ticks of USER_HZ, which Linux fixes at 100 per second. */
const MS_PER_TICK = 10;

/**
 * CPU time (user + system) a process has used so far, in ms (Linux), or null when it is gone.
 * Read around a load run it says what each request costs a process, which throughput on shared
 * cores hides: a slower neighbour lowers req/s but not the CPU a request needs.
 */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its ')' are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK; // utime, stime
  } catch {
    return null;
  }
}
