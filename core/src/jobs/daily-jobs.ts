import type { Knex } from 'knex';
import type { Clock } from '@preau/sdk';
import type { FastifyBaseLogger } from 'fastify';
import { parisDay } from '../clock.js';

/** A job that runs once a day on one of the N server processes. */
export interface DailyJob {
  name: string;
  run(now: Date): Promise<unknown>;
}

/**
 * Claims today's run of a job (Europe/Paris day) in the database; true for the one process that got it.
 * The primary key of `job_runs` makes the claim atomic across processes.
 */
export async function claimDailyRun(knex: Knex, job: string, now: Date): Promise<boolean> {
  const claimed = await knex('core.job_runs').insert({ job, run_on: parisDay(now), claimed_at: now }).onConflict(['job', 'run_on']).ignore().returning('job');
  return claimed.length === 1;
}

/** Whether a job's report counts anything: `0`, `{ purged: 0 }` or nothing is a run that found nothing to do. */
function didSomething(report: unknown): boolean {
  if (Array.isArray(report)) return report.some(didSomething);
  if (report && typeof report === 'object') return Object.values(report).some(didSomething);
  return Boolean(report);
}

/** Runs each job whose run today no process has claimed yet, and records its report. */
export async function runDueJobs(knex: Knex, clock: Clock, jobs: readonly DailyJob[], log: FastifyBaseLogger): Promise<void> {
  for (const job of jobs) {
    const now = clock.now();
    if (!(await claimDailyRun(knex, job.name, now))) continue;
    try {
      const report = await job.run(now);
      await knex('core.job_runs').where({ job: job.name, run_on: parisDay(now) }).update({ finished_at: clock.now(), report: JSON.stringify(report ?? null) });
      // A run that did nothing is not news: at start it would push the setup link out of a newcomer's sight.
      log[didSomething(report) ? 'info' : 'debug']({ job: job.name, report }, 'daily job done');
    } catch (error) {
      await knex('core.job_runs').where({ job: job.name, run_on: parisDay(now) }).update({ finished_at: clock.now(), report: JSON.stringify({ error: (error as Error).message }) });
      log.error({ job: job.name, err: error }, 'daily job failed');
    }
  }
}

/** Checks every `intervalMs` whether a daily job is due; returns the function that stops checking. */
export function scheduleDailyJobs(knex: Knex, clock: Clock, jobs: readonly DailyJob[], log: FastifyBaseLogger, intervalMs = 15 * 60_000): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runDueJobs(knex, clock, jobs, log)
      .catch((error) => log.error({ err: error }, 'daily jobs check failed'))
      .finally(() => (running = false));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  setTimeout(tick, 5_000).unref();
  return () => clearInterval(timer);
}
