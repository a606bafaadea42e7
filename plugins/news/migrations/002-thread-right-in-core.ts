import { defineMigration } from '@preau/sdk';

// Who may create threads in a school is the core's per-school right `news/createThreads` (shown both in
// Administration and on the app's page): the app no longer keeps a second switch of its own for teachers.
export default defineMigration({
  async up(db) {
    await db.raw('drop table school_settings');
  },
  async down(db) {
    await db.raw(`create table school_settings (
      school_id integer primary key references core.schools (id) on delete cascade,
      teachers_create_threads boolean not null default false
      )`);
  },
});
