import { defineMigration } from '@preau/sdk';

export default defineMigration({
  async up(db) {
    // A ZIP's extraction runs as a job; its state is here for the page to show.
    await db.raw(`create table extractions (
      id integer generated always as identity primary key,
      zip_id integer not null references nodes (id) on delete cascade,
      user_id integer not null references core.users (id) on delete cascade,
      state text not null default 'pending' check (state in ('pending', 'done', 'failed')),
      folder_id integer references nodes (id) on delete set null,
      files integer not null default 0,
      message text,
      created_at timestamptz not null
    )`);
  },
  async down(db) {
    await db.raw('drop table extractions');
  },
});
