import { readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface ProcessStat { pid: number; parent: number; command: string; cpuMs: number; rssBytes: number }

function readStat(pid: number): ProcessStat | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command is in parentheses and may hold spaces: the fields that follow start after the last ')'.
    const close = raw.lastIndexOf(')');
    const fields = raw.slice(close + 2).split(' ');
    return {
      pid, parent: Number(fields[1]), command: raw.slice(raw.indexOf('(') + 1, close),
      cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND,
      rssBytes: Number(fields[21]) * 4096,
    };
  } catch {
    return undefined; // The process has gone.
  }
}

function allProcesses(): ProcessStat[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((name) => readStat(Number(name)) ?? []);
}

/** CPU time so far of a process and its descendants (the cluster's workers), with their resident memory. */
export function processTreeUsage(root: number): { cpuMs: number; rssBytes: number } {
  const processes = allProcesses();
  const tree = new Set([root]);
  for (let grown = true; grown;) {
    grown = false;
    for (const p of processes) if (tree.has(p.parent) && !tree.has(p.pid)) grown = tree.add(p.pid).size > 0;
  }
  const members = processes.filter((p) => tree.has(p.pid));
  return { cpuMs: members.reduce((sum, p) => sum + p.cpuMs, 0), rssBytes: members.reduce((sum, p) => sum + p.rssBytes, 0) };
}

/** CPU time so far of every PostgreSQL process on the machine (other sessions' included: it is shared). */
export function postgresCpuMs(): number {
  return allProcesses().filter((p) => p.command === 'postgres').reduce((sum, p) => sum + p.cpuMs, 0);
}

/** The whole machine's busy and total CPU time so far, from /proc/stat. */
export function machineCpuMs(): { busyMs: number; totalMs: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busyMs: ((total - idle) * 1000) / TICKS_PER_SECOND, totalMs: (total * 1000) / TICKS_PER_SECOND };
}
