import { availableParallelism, cpus } from 'node:os';
import type { BenchSettings } from './settings.js';
import type { Figures } from './measure.js';

/** The ratio of Préau's throughput to bare Fastify's we aim to stay above. */
export const RATIO_TARGET = 0.35;

/** One measured target. */
export interface Row {
  name: string;
  figures: Figures;
}

/** What the numbers depend on, so that two runs can be compared (or not). */
export function machineFacts(settings: BenchSettings): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown';
  return [
    `node ${process.version} · ${availableParallelism()} CPUs (${model}) · database ${settings.database}`,
    `${settings.connections} connections · pipelining ${settings.pipelining} · ${settings.warmUpSeconds} s warm-up + ${settings.seconds} s per target`,
  ].join('\n');
}

// autocannon records latencies in whole milliseconds (its histogram floors them): 0 means under 1 ms, and
// decimals would claim a precision the figures do not have.
const milliseconds = (value: number): string => (value < 1 ? '<1' : value.toFixed(0));

/** The results as an aligned text table. */
export function table(rows: readonly Row[]): string {
  const header = ['target', 'req/s (avg)', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'requests'];
  const lines = rows.map(({ name, figures }) => [
    name,
    figures.requestsPerSecond.toFixed(0),
    milliseconds(figures.latencyP50Ms),
    milliseconds(figures.latencyP99Ms),
    String(figures.errors),
    String(figures.non2xx),
    String(figures.completed),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  // The name column reads left-aligned, the figures right-aligned so their digits line up.
  const format = (cells: readonly string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(format)].join('\n');
}

/** The line to watch: Préau's share of what Fastify alone serves. */
export function ratioLine(baseline: Figures, preau: Figures): string {
  const ratio = preau.requestsPerSecond / baseline.requestsPerSecond;
  return `ratio b/a (requests/s): ${ratio.toFixed(2)} (target ≥ ${RATIO_TARGET})`;
}
