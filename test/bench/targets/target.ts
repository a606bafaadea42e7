/** A server listening on loopback and the one request the benchmark repeats against it. */
export interface BenchTarget {
  name: string;
  url: string;
  headers: Record<string, string>;
  close(): Promise<void>;
}
