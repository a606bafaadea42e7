import { defineMigration } from '@preau/sdk';

// The school holidays of each zone (imported by an academy administrator from the ministry's calendar) and
// each school's zone: every calendar of a school shows its holidays.
export default defineMigration({
  async up(db) {
    for (const statement of [
      `create table school_holidays (
        id integer generated always as identity primary key,
        zone text not null check (length(zone) between 1 and 40),
        name text not null check (length(name) between 1 and 200),
        first_day date not null,
        last_day date not null check (last_day >= first_day)
        )`,
      `create index school_holidays_zone on school_holidays (zone, first_day)`,
      `create table school_zones (
        school_id integer primary key references core.schools (id) on delete cascade,
        zone text not null check (length(zone) between 1 and 40)
        )`,
    ]) await db.raw(statement);
  },
  async down(db) {
    await db.raw('drop table school_zones');
    await db.raw('drop table school_holidays');
  },
});
