/** CPU seconds (user + system) a process has used so far, from `/proc/<pid>/stat` (Linux only). */
import { readFileSync } from 'node:fs';

// USER_HZ is 100 on every Linux build Node targets (`getconf CLK_TCK`).
const TICKS_PER_SECOND = 100;

export function procCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces; fields after its closing ')' start at field 3 (state).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** This process's CPU seconds (all threads: the SDK's workflow thread and Rust core included). */
export function selfCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** CPU seconds the whole machine has been busy so far (every process, `/proc/stat`): shows load from outside the bench. */
export function machineCpuSeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  // user nice system idle iowait irq softirq steal: busy = all but idle and iowait.
  const t = ticks.slice(0, 8).map(Number);
  return (t[0]! + t[1]! + t[2]! + t[5]! + t[6]! + t[7]!) / TICKS_PER_SECOND;
}
