import type { TestDatabaseKind } from '@preau/core/testing';

/** How the benchmark loads each target. */
export interface BenchSettings {
  /** Measured seconds per target. */
  seconds: number;
  /** Unreported run per target first: JIT, connection pools and caches settle before we count. */
  warmUpSeconds: number;
  connections: number;
  pipelining: number;
  database: TestDatabaseKind;
}

function readSeconds(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 10;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`PREAU_BENCH_SECONDS must be a positive number of seconds, got "${raw}"`);
  return seconds;
}

function readDatabase(raw: string | undefined): TestDatabaseKind {
  if (raw === undefined || raw === '' || raw === 'postgres') return 'postgres';
  if (raw === 'pglite') return 'pglite';
  throw new Error(`PREAU_BENCH_DATABASE must be "postgres" or "pglite", got "${raw}"`);
}

/** The settings from `PREAU_BENCH_SECONDS` and `PREAU_BENCH_DATABASE`; the load shape is fixed so runs compare. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  return {
    seconds: readSeconds(env.PREAU_BENCH_SECONDS),
    warmUpSeconds: 2,
    connections: 10,
    pipelining: 1,
    database: readDatabase(env.PREAU_BENCH_DATABASE),
  };
}
