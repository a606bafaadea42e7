import type { Knex } from 'knex';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock, JobPayload, JobsService } from '@preau/sdk';
import type { DailyJob } from './daily-jobs.js';

type Handler = (payload: JobPayload, context: { runAt: Date; now: Date }) => Promise<void>;

const MAX_ATTEMPTS = 5;
const LOCK_MS = 5 * 60_000;

/** The scheduled jobs of every plugin: their handlers on this process, and the loop that runs due ones. */
export interface ScheduledJobs {
  /** The `jobs` service of one plugin. */
  forPlugin(plugin: string): JobsService;
  /** Runs every job due now, one after the other; returns how many ran (tests call it after moving the clock). */
  runDue(): Promise<number>;
  /** Checks for due jobs every `intervalMs` (the server does; tests run them by hand). */
  start(intervalMs?: number): void;
  stop(): void;
}

interface ClaimedJob {
  id: string;
  plugin: string;
  kind: string;
  payload: JobPayload;
  run_at: Date;
  attempts: number;
}

/**
 * Jobs are rows of `core.scheduled_jobs`. A process claims the oldest due one by locking it for a while
 * (`for update skip locked`, so two processes never take the same), runs it, and deletes it; a job that
 * throws is retried with a growing delay, then kept as failed with its error for the administrators.
 */
export function createScheduledJobs(knex: Knex, clock: Clock, log: FastifyBaseLogger, dailyJobs: DailyJob[]): ScheduledJobs {
  const handlers = new Map<string, Handler>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  const claim = async (): Promise<ClaimedJob | undefined> => {
    const now = clock.now();
    const { rows } = await knex.raw<{ rows: ClaimedJob[] }>(
      `update core.scheduled_jobs set attempts = attempts + 1, locked_until = :lockedUntil
        where id = (select id from core.scheduled_jobs
                     where failed_at is null and run_at <= :now and (locked_until is null or locked_until < :now)
                       and plugin || ':' || kind = any(:kinds::text[])
                     order by run_at, id limit 1 for update skip locked)
        returning id, plugin, kind, payload, run_at, attempts`,
      { now, lockedUntil: new Date(now.getTime() + LOCK_MS), kinds: [...handlers.keys()] },
    );
    return rows[0];
  };

  const runOne = async (job: ClaimedJob): Promise<void> => {
    try {
      await handlers.get(`${job.plugin}:${job.kind}`)!(job.payload, { runAt: new Date(job.run_at), now: clock.now() });
      await knex('core.scheduled_jobs').where({ id: job.id }).delete();
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      const now = clock.now();
      const failed = job.attempts >= MAX_ATTEMPTS;
      log.error({ plugin: job.plugin, job: job.kind, attempts: job.attempts, err: error }, failed ? 'scheduled job failed for good' : 'scheduled job failed, will retry');
      await knex('core.scheduled_jobs').where({ id: job.id }).update({
        last_error: message.slice(0, 2000),
        locked_until: null,
        ...(failed ? { failed_at: now } : { run_at: new Date(now.getTime() + 2 ** job.attempts * 60_000) }),
      });
    }
  };

  const drain = async (): Promise<number> => {
    let count = 0;
    for (let job = await claim(); job; job = await claim()) {
      await runOne(job);
      count += 1;
    }
    return count;
  };

  const runDue = (): Promise<number> => {
    // One drain at a time on a process: a tick while one runs joins it.
    running ??= drain().finally(() => (running = undefined));
    return running;
  };

  return {
    forPlugin(plugin) {
      return {
        define(kind, handler) {
          handlers.set(`${plugin}:${kind}`, handler);
        },
        async schedule(kind, runAt, payload, options = {}) {
          const db = options.transaction ?? knex;
          await db.raw(
            `insert into core.scheduled_jobs (plugin, kind, key, run_at, payload) values (:plugin, :kind, :key, :runAt, :payload)
             on conflict (plugin, key) where key is not null
             do update set kind = excluded.kind, run_at = excluded.run_at, payload = excluded.payload,
                           attempts = 0, locked_until = null, last_error = null, failed_at = null`,
            { plugin, kind, key: options.key ?? null, runAt, payload: JSON.stringify(payload) },
          );
          if (timer && runAt <= clock.now()) setTimeout(() => void runDue().catch(() => undefined), 100).unref();
        },
        async cancel(key, options = {}) {
          const deleted = await (options.transaction ?? knex)('core.scheduled_jobs').where({ plugin, key }).delete();
          return deleted > 0;
        },
        daily(name, run) {
          dailyJobs.push({ name: `${plugin}:${name}`, run });
        },
      };
    },
    runDue,
    start(intervalMs = 5_000) {
      if (timer) return;
      timer = setInterval(() => void runDue().catch((error) => log.error({ err: error }, 'scheduled jobs check failed')), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
