/** Latency figures of a benchmark's calls, in milliseconds. */
export interface Latency {
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

/** The percentiles, mean and maximum of a set of samples. */
export function percentiles(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99), mean: samples.reduce((s, x) => s + x, 0) / samples.length, max: sorted.at(-1)! };
}

/** Times `rounds` sequential calls after up to 200 warm-up calls (plans cached, pools full). */
export async function time(rounds: number, call: (i: number) => Promise<unknown>): Promise<Latency> {
  for (let i = 0; i < Math.min(200, rounds); i += 1) await call(i);
  const samples: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const started = performance.now();
    await call(i);
    samples.push(performance.now() - started);
  }
  return percentiles(samples);
}
