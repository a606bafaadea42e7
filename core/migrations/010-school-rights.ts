import { defineMigration } from '@preau/sdk';

// A school's own answer to "which profiles hold this right of this app" (pupils may acknowledge words here;
// teachers may create news threads there). Without a row, the plugin's declared default applies.
export default defineMigration({
  async up(db) {
    await db.raw(`create table school_rights (
      school_id integer not null references schools (id) on delete cascade,
      app text not null,
      "right" text not null,
      profiles text[] not null,
      updated_by integer references users (id) on delete set null,
      updated_at timestamptz not null default now(),
      primary key (school_id, app, "right")
      )`);
  },
  async down(db) {
    await db.raw('drop table school_rights');
  },
});
