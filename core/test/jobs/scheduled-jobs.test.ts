import t from 'tap';
import { definePlugin, type JobPayload } from '@preau/sdk';
import { createTestPlatform, waitFor } from '../../src/testing/index.js';
import { createScheduledJobs } from '../../src/jobs/scheduled-jobs.js';

const runs: JobPayload[] = [];
let failuresLeft = 0;

/** A plugin whose jobs record what they ran, and fail on demand. */
const reminders = definePlugin({
  name: 'reminders',
  version: '1.0.0',
  sdk: '^1.0.0',
  title: { fr: 'Rappels', en: 'Reminders' },
  routes: (_app, { jobs }) => {
    jobs.define('remind', async (payload) => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error('SMTP indisponible');
      }
      runs.push(payload);
    });
  },
});

const MINUTE = 60_000;

t.test('a job runs once at its time, is replaced by its key, cancelled, and retried with a growing delay when it fails', async (t) => {
  const platform = await createTestPlatform({ plugins: [reminders] });
  t.teardown(() => platform.close());
  const jobs = platform.platform.scheduledJobs.forPlugin('reminders');
  const at = (minutes: number) => new Date(platform.clock.now().getTime() + minutes * MINUTE);

  await jobs.schedule('remind', at(10), { word: 1 });
  await jobs.schedule('remind', at(5), { word: 2 }, { key: 'word-2' });
  await jobs.schedule('remind', at(20), { word: 2, moved: true }, { key: 'word-2' });
  await jobs.schedule('remind', at(5), { word: 3 }, { key: 'word-3' });
  t.ok(await jobs.cancel('word-3'), 'a pending job is cancelled by its key');
  t.equal(await platform.runScheduledJobs(), 0, 'nothing is due yet');
  platform.clock.advance(10 * MINUTE);
  const [first, second] = await Promise.all([platform.runScheduledJobs(), platform.runScheduledJobs()]);
  t.same([first, second], [1, 1], 'two checks at once join one run');
  t.same(runs, [{ word: 1 }], 'the due job ran once; the moved one waits for its new time');
  platform.clock.advance(10 * MINUTE);
  await platform.runScheduledJobs();
  t.same(runs.at(-1), { word: 2, moved: true }, 'the key replaced the job');

  failuresLeft = 2;
  await jobs.schedule('remind', at(0), { word: 4 });
  t.equal(await platform.runScheduledJobs(), 1, 'it ran and failed');
  const failed = await platform.knex('core.scheduled_jobs').first('attempts', 'last_error', 'run_at');
  t.equal(failed.attempts, 1);
  t.equal(failed.last_error, 'SMTP indisponible', 'the error is kept');
  t.equal(await platform.runScheduledJobs(), 0, 'not retried at once');
  platform.clock.advance(2 * MINUTE);
  await platform.runScheduledJobs();
  platform.clock.advance(4 * MINUTE);
  await platform.runScheduledJobs();
  t.same(runs.at(-1), { word: 4 }, 'it succeeded on the third attempt');
  t.equal((await platform.knex('core.scheduled_jobs').count<{ count: number }[]>('* as count'))[0]!.count, 0, 'and is gone');

  failuresLeft = 100;
  await jobs.schedule('remind', at(0), { word: 5 });
  for (let attempt = 0; attempt < 6; attempt += 1) {
    await platform.runScheduledJobs();
    platform.clock.advance(60 * MINUTE);
  }
  const dead = await platform.knex('core.scheduled_jobs').first('attempts', 'failed_at');
  t.equal(dead.attempts, 5, 'five attempts');
  t.ok(dead.failed_at, 'then kept as failed for the administrators');
});

t.test('two processes checking the same database at once run a due job once (a conversion is never done twice)', async (t) => {
  const platform = await createTestPlatform({ plugins: [reminders] });
  t.teardown(() => platform.close());
  // A second scheduler on the same database stands for another process: its own handlers, no shared memory.
  const other = createScheduledJobs(platform.knex, platform.clock, platform.app.log, []);
  let started = 0;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const slow = async () => {
    started += 1;
    await held;
  };
  platform.platform.scheduledJobs.forPlugin('reminders').define('convert', slow);
  other.forPlugin('reminders').define('convert', slow);
  await other.forPlugin('reminders').schedule('convert', platform.clock.now(), { recording: 1 });
  const first = platform.runScheduledJobs();
  const second = other.runDue();
  // Both have looked before the job ends: the one that claimed it holds its lock while it runs.
  await waitFor(() => started > 0, { what: 'one process to start the job' });
  const [checkedBySecond] = await Promise.all([second, Promise.resolve().then(release)]);
  const checkedByFirst = await first;
  t.equal(started, 1, 'started once');
  t.equal(checkedByFirst + checkedBySecond, 1, 'one process ran it, the other found nothing to take');
  t.equal(Number((await platform.knex('core.scheduled_jobs').count<{ count: number }[]>('* as count'))[0]!.count), 0, 'and it is done');
});
