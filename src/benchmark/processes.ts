import { rssMb } from '../common/process/child-process.js';

export {
  pidOf,
  runNode,
  type Started,
  startNode,
  stopChild,
  stopPid,
} from '../common/process/child-process.js';

/** Peak resident memory of a process, in MB (Linux `VmHWM`). */
export const peakRssMb = (pid: number): number | null => rssMb(pid, 'VmHWM');
