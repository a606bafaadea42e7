import type { Recorded } from './recorder.js';

/** One request kind's figures. */
export interface KindRow {
  kind: string;
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Answers that are not successes, by status ("0": no answer). */
  errors: Record<string, number>;
}

/** Everything a run measured; `--json` prints it as it is. */
export interface LoadReport {
  parameters: Record<string, unknown>;
  dataset: { database: string; reused: boolean; buildSeconds: number };
  machine: { cores: number; loadAverageBefore: number[]; loadAverageAfter: number[] };
  signIns: { count: number; seconds: number; perSecond: number; p50Ms: number; p99Ms: number; errors: number };
  morning: { seconds: number; users: number; openSockets: number; socketMessages: number };
  /** Shares of the machine's CPU time (all cores) during the morning. */
  cpu: { server: number; generators: number; postgres: number; machine: number; serverRssMb: number };
  kinds: KindRow[];
}

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

const isSuccess = (status: number) => status >= 100 && status < 400;

/** Per-kind rows, sorted by kind. */
export function kindRows(recorded: Recorded): KindRow[] {
  return Object.entries(recorded).map(([kind, figures]) => {
    const sorted = [...figures.latenciesMs].sort((a, b) => a - b);
    const errors = Object.fromEntries(Object.entries(figures.statuses).filter(([status]) => !isSuccess(Number(status))));
    return { kind, count: sorted.length, p50Ms: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95), p99Ms: percentile(sorted, 0.99), maxMs: sorted.at(-1) ?? 0, errors };
  }).sort((a, b) => a.kind.localeCompare(b.kind));
}

/** Server errors (5xx) over every kind: the test requires none. */
export function serverErrors(report: LoadReport): number {
  return report.kinds.reduce((sum, row) => sum + Object.entries(row.errors).filter(([status]) => Number(status) >= 500).reduce((s, [, n]) => s + n, 0), 0);
}

const ms = (value: number) => value.toFixed(value < 10 ? 1 : 0);
const percent = (share: number) => `${(share * 100).toFixed(0)} %`;

/** The report as the terminal shows it. */
export function formatReport(report: LoadReport): string {
  const header = ['request kind', 'count', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'];
  const lines = report.kinds.map((row) => [
    row.kind, String(row.count), ms(row.p50Ms), ms(row.p95Ms), ms(row.p99Ms), ms(row.maxMs),
    Object.entries(row.errors).map(([status, n]) => `${n}×${status === '0' ? 'no answer' : status}`).join(' ') || '0',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  const table = [header, ...lines].map((line) => line.map((cell, i) => (i === 0 || i === 6 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd());
  const { dataset, signIns, morning, cpu, machine } = report;
  return [
    `dataset ${dataset.database}: ${dataset.reused ? 'reused' : 'built'} (build took ${dataset.buildSeconds.toFixed(1)} s)`,
    `sign-in throughput (measured apart, before the morning): ${signIns.count} sign-ins in ${signIns.seconds.toFixed(1)} s = ${signIns.perSecond.toFixed(1)}/s, p50 ${ms(signIns.p50Ms)} ms, p99 ${ms(signIns.p99Ms)} ms, ${signIns.errors} errors`,
    `morning: ${morning.users} users over ${morning.seconds.toFixed(0)} s; ${morning.openSockets} sockets open at the end, ${morning.socketMessages} live messages received`,
    '',
    ...table,
    '',
    `CPU during the morning, share of all ${machine.cores} cores: server ${percent(cpu.server)}, load generators ${percent(cpu.generators)} (on the same cores), `
      + `PostgreSQL ${percent(cpu.postgres)} (every session's), whole machine ${percent(cpu.machine)}; server memory ${cpu.serverRssMb.toFixed(0)} MB`,
    `load average before ${machine.loadAverageBefore.map((v) => v.toFixed(2)).join(' ')}, after ${machine.loadAverageAfter.map((v) => v.toFixed(2)).join(' ')}`,
    'The baseline row (GET /api/core/health) is sent by every user just before each action: the bare server under the same load.',
  ].join('\n');
}
