// CPU time read from Linux /proc: of a process, of the PostgreSQL processes, and of the whole machine.
import { readdirSync, readFileSync } from 'node:fs';

/** CPU time in ms (user + system, all threads) of a process, from /proc; 0 if it is gone or not on Linux. */
export function cpuMs(pid: number | string): number {
  try {
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th (clock ticks, 100 Hz).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** CPU time in ms of each PostgreSQL process, by pid. */
export function postgresCpuMs(): Map<string, number> {
  const byPid = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') byPid.set(pid, cpuMs(pid));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return byPid;
}

/** What the PostgreSQL processes alive at the end spent since `before` (a process that ended meanwhile is not counted). */
export function postgresCpuSince(before: Map<string, number>): number {
  let total = 0;
  for (const [pid, ms] of postgresCpuMs()) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** The machine's busy and stolen CPU time in ms, from /proc/stat (USER_HZ = 100). */
export function machineMs(): { busy: number; steal: number } {
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal
  const at = (i: number) => ticks[i] ?? 0;
  return { busy: (at(0) + at(1) + at(2) + at(5) + at(6)) * 10, steal: at(7) * 10 };
}

/**
 * CPU time in ms of each process of the PostgreSQL server listening on `port` (its postmaster and the processes it
 * started), by pid: on a machine where other servers run, what this one spent. Every PostgreSQL process when no
 * postmaster here listens on `port`.
 */
export function clusterCpuMs(port: number): Map<string, number> {
  const parents = new Map<string, string>();
  let postmaster: string | undefined;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
      parents.set(pid, readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]!);
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').includes(` -p ${port} `)) postmaster = pid;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  // Not found (a server not started here, such as BENCH_DATABASE_URL's): every PostgreSQL process, as before.
  if (!postmaster) return postgresCpuMs();
  const byPid = new Map<string, number>();
  for (const [pid, parent] of parents) if (pid === postmaster || parent === postmaster) byPid.set(pid, cpuMs(pid));
  return byPid;
}

/** What the processes of `now` spent since `before` (a process that ended meanwhile is not counted). */
export function cpuSince(now: Map<string, number>, before: Map<string, number>): number {
  let total = 0;
  for (const [pid, ms] of now) total += ms - (before.get(pid) ?? 0);
  return total;
}
