import type { Knex } from 'knex';

/** Plain JSON given to a scheduled job. */
export type JobPayload = Readonly<Record<string, string | number | boolean | null>>;

/** How to schedule a job. */
export interface ScheduleOptions {
  /**
   * Identifies the job within the plugin: scheduling again with the same key replaces the pending job
   * (a word's sending date changed); `cancel(key)` removes it.
   */
  key?: string;
  /** The transaction of the write the job belongs to: both are kept, or neither. */
  transaction?: Knex.Transaction;
}

/**
 * Work done later, once, on one of the N server processes: a word sent at 7:30, news published on Monday,
 * a purge every night. Jobs are rows in PostgreSQL claimed with `for update skip locked`, so they survive
 * restarts and no two processes run the same one. A job that throws is retried later (5 attempts).
 */
export interface JobsService {
  /** Registers what runs for jobs of `kind` (call it in `routes()`); kinds are per plugin. */
  define(kind: string, handler: (payload: JobPayload, context: { runAt: Date; now: Date }) => Promise<void>): void;
  /** Runs a job of `kind` at `runAt` (at once when it is past). */
  schedule(kind: string, runAt: Date, payload: JobPayload, options?: ScheduleOptions): Promise<void>;
  /** Removes the pending job with this key; true when there was one. */
  cancel(key: string, options?: { transaction?: Knex.Transaction }): Promise<boolean>;
  /** Runs `run` once a day (Europe/Paris) on one process: purges, digests. Call it in `routes()`. */
  daily(name: string, run: (now: Date) => Promise<unknown>): void;
}
