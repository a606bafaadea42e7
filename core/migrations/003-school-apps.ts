import { defineMigration } from '@preau/sdk';

// Which apps each school uses, optionally for a date range (this term). No row: the platform's default.
export default defineMigration({
  async up(db) {
    for (const statement of [
      `create table school_apps (
        school_id integer not null references schools (id) on delete cascade,
        app text not null,
        enabled boolean not null,
        starts_on date,
        ends_on date,
        updated_at timestamptz not null default now(),
        updated_by integer references users (id) on delete set null,
        primary key (school_id, app),
        check (ends_on is null or starts_on is null or ends_on >= starts_on)
        )`,
    ]) {
      await db.raw(statement);
    }
  },
  async down(db) {
    for (const table of ['school_apps']) await db.schema.dropTable(table);
  },
});
