import { defineMigration } from '@preau/sdk';

// Work done later, once, on one process: a word sent at 7:30, news published on Monday. Any process claims a
// due row with `for update skip locked`; a key lets a plugin replace or cancel its pending job.
export default defineMigration({
  async up(db) {
    for (const statement of [
      `create table scheduled_jobs (
        id bigint generated always as identity primary key,
        plugin text not null,
        kind text not null,
        key text,
        run_at timestamptz not null,
        payload jsonb not null default '{}',
        attempts integer not null default 0,
        locked_until timestamptz,
        last_error text,
        failed_at timestamptz
        )`,
      `create unique index scheduled_jobs_key on scheduled_jobs (plugin, key) where key is not null`,
      `create index scheduled_jobs_due on scheduled_jobs (run_at) where failed_at is null`,
    ]) {
      await db.raw(statement);
    }
  },
  async down(db) {
    await db.raw('drop table scheduled_jobs');
  },
});
