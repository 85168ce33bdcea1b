/**
 * The CPU time a process has used (user + system, /proc/PID/stat, Linux): taken before and after
 * a run, it gives CPU milliseconds per request, a figure other processes on a busy machine
 * change far less than they change requests per second.
 */
import { readFileSync } from 'node:fs';

/** Linux counts /proc times in clock ticks of 1/100 s (USER_HZ) on every architecture Node runs on. */
const MS_PER_TICK = 10;

/** Milliseconds of CPU the process has used so far. */
export function procCpuMs(pid: number): number {
  // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}
