import { defineMigration } from '@preau/sdk';

// Calendars (a class's, a school's, anyone's own: who may do what is the core sharing service's), their events
// in Paris wall-clock time with an optional recurrence rule, and each person's private iCal feed token.
export default defineMigration({
  async up(db) {
    for (const statement of [
      `create table calendars (
        id integer generated always as identity primary key,
        school_id integer not null references core.schools (id) on delete cascade,
        kind text not null check (kind in ('class', 'school', 'personal')),
        class_id integer references core.classes (id) on delete cascade,
        owner_id integer references core.users (id) on delete cascade,
        name text not null check (length(name) between 1 and 120),
        color text not null check (color ~ '^#[0-9a-f]{6}$'),
        created_at timestamptz not null default now(),
        check ((kind = 'class') = (class_id is not null)),
        check ((kind = 'personal') = (owner_id is not null))
        )`,
      // One calendar per class and per school: N processes creating it at once make one.
      `create unique index calendars_class on calendars (class_id) where kind = 'class'`,
      `create unique index calendars_school on calendars (school_id) where kind = 'school'`,
      `create index calendars_owner on calendars (owner_id) where kind = 'personal'`,
      // A series is one row: start and end in Paris wall time (all-day: midnight to midnight, end exclusive),
      // the instants derived from them for range queries, and for a repeating one its RRULE (expanded in
      // floating time), the occurrences taken out of it and when it ends (null: never).
      `create table events (
        id integer generated always as identity primary key,
        calendar_id integer not null references calendars (id) on delete cascade,
        uid text not null check (length(uid) between 1 and 255),
        title text not null check (length(title) between 1 and 200),
        description text not null default '',
        -- Its plain text, kept for the .ics files: a phone's feed of 2,000 events is built without parsing HTML.
        description_text text not null default '',
        place text not null default '' check (length(place) <= 200),
        all_day boolean not null,
        start_wall timestamp not null,
        end_wall timestamp not null check (end_wall > start_wall),
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        rule text,
        exdates timestamp[] not null default '{}',
        last_ends_at timestamptz,
        reminder_minutes integer check (reminder_minutes between 0 and 40320),
        created_by integer references core.users (id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        sequence integer not null default 0,
        -- An occurrence of a series changed alone ("this occurrence"): the series and the start it replaces.
        series_id integer references events (id) on delete cascade,
        occurrence_wall timestamp,
        check ((series_id is null) = (occurrence_wall is null)),
        check (series_id is null or rule is null)
        )`,
      // An imported file's UID names one series (its changed occurrences share it, with their own start).
      `create unique index events_uid on events (calendar_id, uid) where series_id is null`,
      `create unique index events_occurrence on events (series_id, occurrence_wall)`,
      // What a month view asks: the calendar's events overlapping a window (a series: from its first start
      // to its last end, or forever).
      `create index events_window on events (calendar_id, starts_at, coalesce(last_ends_at, 'infinity'))`,
      `create table feed_tokens (
        user_id integer primary key references core.users (id) on delete cascade,
        token_hash text not null unique,
        created_at timestamptz not null default now()
        )`,
    ]) await db.raw(statement);
  },
  async down(db) {
    await db.raw('drop table feed_tokens');
    await db.raw('drop table events');
    await db.raw('drop table calendars');
  },
});
