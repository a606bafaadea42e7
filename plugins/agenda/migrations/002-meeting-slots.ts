import { defineMigration } from '@preau/sdk';

// Parent–teacher meetings: a teacher opens a round of slots for the families of a class; each family (a pupil,
// booked by either parent) holds at most one slot of a round.
export default defineMigration({
  async up(db) {
    for (const statement of [
      `create table meeting_rounds (
        id integer generated always as identity primary key,
        school_id integer not null references core.schools (id) on delete cascade,
        class_id integer not null references core.classes (id) on delete cascade,
        teacher_id integer references core.users (id) on delete set null,
        title text not null check (length(title) between 1 and 200),
        place text not null default '' check (length(place) <= 200),
        duration_minutes integer not null check (duration_minutes between 5 and 240),
        -- Families book, cancel and move until then.
        book_until timestamptz not null,
        reminded_at timestamptz,
        created_at timestamptz not null default now()
        )`,
      `create index meeting_rounds_class on meeting_rounds (class_id)`,
      // Wall times as text for the same reason as events: a timestamp never passes through the process's zone.
      `create table meeting_slots (
        id integer generated always as identity primary key,
        round_id integer not null references meeting_rounds (id) on delete cascade,
        start_wall timestamp not null,
        starts_at timestamptz not null,
        ends_at timestamptz not null check (ends_at > starts_at),
        pupil_id integer references core.users (id) on delete set null,
        booked_by integer references core.users (id) on delete set null,
        booked_at timestamptz,
        check ((pupil_id is null) = (booked_at is null))
        )`,
      `create unique index meeting_slots_start on meeting_slots (round_id, start_wall)`,
      // One slot per family and round: two parents booking at once cannot both win.
      `create unique index meeting_slots_family on meeting_slots (round_id, pupil_id) where pupil_id is not null`,
      `create index meeting_slots_pupil on meeting_slots (pupil_id) where pupil_id is not null`,
    ]) await db.raw(statement);
  },
  async down(db) {
    await db.raw('drop table meeting_slots');
    await db.raw('drop table meeting_rounds');
  },
});
