import { defineMigration } from '@preau/sdk';

// A pupil or a relative who is a current member of one school and whom another school's ONDE import would
// take in is left alone by that import: the move (a pupil) or the second school (a parent) waits for an
// academy administrator, so that a director cannot pull a child, or a parent's account, out of another school
// by typing an INE and a name. One open row per person and school asked.
export default defineMigration({
  async up(db) {
    await db.raw(`create table transfer_requests (
      id serial primary key,
      person_id integer not null references users (id) on delete cascade,
      to_school_id integer not null references schools (id) on delete cascade,
      -- What the importing school's file said, for the academy administrator to compare with the person.
      file_first_name text not null,
      file_last_name text not null,
      file_birth_date date,
      status text not null default 'requested' check (status in ('requested', 'approved', 'refused', 'done')),
      requested_by integer references users (id) on delete set null,
      requested_at timestamptz not null,
      decided_by integer references users (id) on delete set null,
      decided_at timestamptz
      )`);
    await db.raw(`create unique index transfer_requests_open on transfer_requests (person_id, to_school_id) where status in ('requested', 'approved')`);
    await db.raw(`create index transfer_requests_status on transfer_requests (status, requested_at)`);
  },
  async down(db) {
    await db.raw('drop table transfer_requests');
  },
});
