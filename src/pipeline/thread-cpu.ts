import { readFileSync } from 'node:fs';

/**
 * CPU time (user + system, ms) of the calling OS thread, from /proc/thread-self/stat; null where that file
 * does not exist (not Linux). Resolution is the kernel clock tick (usually 10 ms): for benchmarks, not for
 * timing single calls.
 */
export function threadCpuMs(): number | null {
  try {
    return cpuFromStat(readFileSync('/proc/thread-self/stat', 'utf8'));
  } catch {
    return null;
  }
}

function cpuFromStat(stat: string): number | null {
  // Fields after the command name (which may contain spaces) start at the state, field 3; utime is 14.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return null;
  return ((utime + stime) * 1000) / 100;
}
