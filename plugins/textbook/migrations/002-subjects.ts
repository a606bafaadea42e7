import { defineMigration } from '@preau/sdk';

// The subjects a school offers in its cahiers, in the order its director chose. A school without rows uses the
// programme's defaults until its list is first saved. Entries keep the subject's name as written on the day
// (the cahier is a record), so renaming, hiding or removing a subject never changes an old entry.
const STATEMENTS = [
  `create table subjects (
    id integer generated always as identity primary key,
    school_id integer not null references core.schools (id) on delete cascade,
    name text not null check (length(name) between 1 and 80),
    position integer not null,
    hidden boolean not null default false,
    updated_at timestamptz not null
    )`,
  `create index subjects_school on subjects (school_id, position)`,
];

export default defineMigration({
  async up(db) {
    for (const statement of STATEMENTS) await db.raw(statement);
  },
  async down(db) {
    await db.raw('drop table subjects');
  },
});
