import autocannon from 'autocannon';
import type { BenchTarget } from './targets/target.js';

/** The load put on a target. */
export interface Load {
  seconds: number;
  connections: number;
  pipelining: number;
}

/** What one run measured. */
export interface Figures {
  /** Mean of the per-second request counts. */
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  completed: number;
}

/**
 * Hammers the target with autocannon over real loopback sockets. The load generator runs in a worker thread:
 * on the server's event loop it would take CPU time from the very code under measurement.
 */
export function measure(target: BenchTarget, load: Load): Promise<Figures> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: target.url,
        headers: target.headers,
        connections: load.connections,
        pipelining: load.pipelining,
        duration: load.seconds,
        workers: 1,
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requestsPerSecond: result.requests.average,
          latencyP50Ms: result.latency.p50,
          latencyP99Ms: result.latency.p99,
          errors: result.errors,
          non2xx: result.non2xx,
          completed: result.latency.totalCount,
        });
      },
    );
  });
}
